using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Plenary.Core.Articles;
using Plenary.Core.Claims;
using Plenary.Core.Registry;
using Plenary.Core.Text;
using Plenary.Store;
using Plenary.Store.Queries;

namespace Plenary.Web;

/// <summary>Reads that the API and the pages share, beyond <see cref="RegistryQueries"/>.</summary>
public static class Reads
{
    /// <summary>Accepted statements, all or one person's (the speaker's name or alias resolves to the person).</summary>
    public static IReadOnlyList<ClaimView> Statements(RegistryStore s, Person? person, DateTimeOffset? knownAt)
    {
        var views = new RegistryQueries.ViewCache(s);
        return s.Claims(new ClaimFilter { Type = ClaimType.Statement, KnownAt = knownAt })
            .Where(c => person is null || SpeakerIs((StatementFact)c.Fact, person, s.Catalog))
            .OrderBy(c => c.Fact.ValidFrom?.Start ?? DateOnly.MinValue)
            .Select(views.Of)
            .ToList();
    }

    private static bool SpeakerIs(StatementFact f, Person person, Catalog catalog)
    {
        if (catalog.ResolvePerson(f.Speaker).Id == person.Id) return true;
        // "Ushakov" or "Yuri V. Ushakov" for Yuri Ushakov: the same surname, and the same initial when a first name is given.
        var said = NameFolding.Fold(f.Speaker).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var name = NameFolding.Fold(person.Name).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (said.Length == 0 || name.Length == 0 || said[^1] != name[^1]) return false;
        return said.Length == 1 || said[0][0] == name[0][0];
    }

    public static IReadOnlyList<ClaimView> ClaimsOf(RegistryStore s, string sourceId)
    {
        var views = new RegistryQueries.ViewCache(s);
        return s.Claims(new ClaimFilter { SourceId = sourceId, Review = null }).Select(views.Of).ToList();
    }

    public static object ArticleSummary(Article a) => new
    {
        id = a.Id, title = a.Title, outlet = a.Outlet, url = a.Url,
        published = a.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), length = a.Text.Length,
    };

    public static object ArticleDetail(Article a) => new
    {
        id = a.Id, title = a.Title, outlet = a.Outlet, url = a.Url,
        published = a.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), content_hash = a.ContentHash, text = a.Text,
    };

    public static object AuditView(Plenary.Store.Records.AuditEntry e) => new
    {
        seq = e.Seq, at = e.At, actor = e.Actor, action = e.Action, subject = e.Subject,
        before = ParseOrText(e.Before), after = ParseOrText(e.After),
    };

    private static JsonNode? ParseOrText(string? s)
    {
        if (s is null) return null;
        try { return JsonNode.Parse(s); }
        catch (JsonException) { return JsonValue.Create(s); }
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
