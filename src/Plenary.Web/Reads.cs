using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Plenary.Core.Articles;
using Plenary.Core.Claims;
using Plenary.Core.Registry;
using Plenary.Store;
using Plenary.Store.Queries;

namespace Plenary.Web;

/// <summary>Reads that the API and the pages share, beyond <see cref="RegistryQueries"/>.</summary>
public static class Reads
{
    /// <summary>Accepted statements, all or one person's (<see cref="RegistryQueries.Statements"/>, shared with the CLI).</summary>
    public static IReadOnlyList<ClaimView> Statements(RegistryStore s, Person? person, DateTimeOffset? knownAt) => new RegistryQueries(s).Statements(person, knownAt);

    public static IReadOnlyList<ClaimView> ClaimsOf(RegistryStore s, string sourceId)
    {
        var views = new RegistryQueries.ViewCache(s);
        return s.Claims(new ClaimFilter { SourceId = sourceId, Review = null }).Select(views.Of).ToList();
    }

    /// <summary>An article from request fields; an id is made from the text's hash when none is given.</summary>
    public static Article ArticleFrom(string? id, string text, string? published, string? url, string? outlet, string? title)
    {
        if (Article.TextProblem(text) is { } problem) throw new BadInputException($"text: {problem}");
        DateOnly? pub = null;
        if (!string.IsNullOrWhiteSpace(published))
        {
            if (!DateOnly.TryParseExact(published.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                throw new BadInputException($"published: '{published}' is not a day: expected YYYY-MM-DD");
            pub = d;
        }
        if (Article.UrlProblem(url) is { } urlProblem) throw new BadInputException($"url: {urlProblem}");
        var article = new Article("pending", text, pub, Blank(url), Blank(outlet), Blank(title));
        if (string.IsNullOrWhiteSpace(id)) return article with { Id = "article-" + article.ContentHash[..12] };
        if (Article.IdProblem(id) is { } idProblem) throw new BadInputException($"id: {idProblem}");
        return article with { Id = id };
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>A corrected fact: the old fact's fields, with those the correction gives replaced (null removes a field).</summary>
    public static ClaimFact Overlay(ClaimFact old, JsonElement changes)
    {
        if (changes.ValueKind != JsonValueKind.Object) throw new BadInputException("fact: expected an object with the fields that change");
        var merged = JsonNode.Parse(ClaimJson.FactToJson(old))!.AsObject();
        foreach (var p in changes.EnumerateObject()) merged[p.Name] = JsonNode.Parse(p.Value.GetRawText());
        try
        {
            using var doc = JsonDocument.Parse(merged.ToJsonString());
            return ClaimJson.ReadFact(doc.RootElement);
        }
        catch (FormatException e)
        {
            throw new BadInputException($"fact: {e.Message}");
        }
        catch (ArgumentException e)
        {
            throw new BadInputException($"fact: {e.Message}");
        }
    }
}
