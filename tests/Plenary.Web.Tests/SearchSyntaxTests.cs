using System.Net;
using System.Text.Json;
using Plenary.Core.Articles;
using Plenary.Tests;

namespace Plenary.Web.Tests;

/// <summary>
/// Search in web-search syntax through the real server, on both engines (SQLite FTS5, PostgreSQL websearch_to_tsquery):
/// the same query finds the same articles, and no input makes the server fail.
/// </summary>
public sealed class SearchSyntaxTests
{
    // Sentences of our own, one idea each.
    private static readonly Article[] Articles =
    [
        new("quay", "Harbour officials in Valletta opened the new grain quay on Tuesday, ahead of the autumn shipping season.", new DateOnly(2024, 10, 1)),
        new("grain", "The grain council met in Valletta and postponed its vote on the shipping levy.", new DateOnly(2024, 10, 2)),
        new("levy", "Ministers from the Baltic states rejected the shipping levy at their meeting in Riga.", new DateOnly(2024, 10, 3)),
    ];

    private static async Task<List<string>> ArticlesFound(TestServer s, string q)
    {
        var r = await s.Client.GetAsync("/api/v1/search?q=" + Uri.EscapeDataString(q) + "&limit=50");
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == HttpStatusCode.OK, $"search '{q}': expected 200, got {r.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("results").EnumerateArray()
            .Where(x => x.GetProperty("kind").GetString() == "article").Select(x => x.GetProperty("id").GetString()!).Order().ToList();
    }

    [SkippableTheory]
    [MemberData(nameof(TestEngines.Both), MemberType = typeof(TestEngines))]
    public async Task Phrases_or_exclusions_and_prefixes_find_the_same_on_both_engines(string engine)
    {
        await using var s = await TestServer.StartAsync(engine: engine);
        foreach (var a in Articles) s.AddProposed(a);

        Assert.Equal(["grain", "quay"], await ArticlesFound(s, "Valletta"));
        Assert.Equal(["grain", "quay"], await ArticlesFound(s, "Vallet"));                       // a prefix
        Assert.Equal(["grain", "levy"], await ArticlesFound(s, "\"shipping levy\""));            // a phrase
        Assert.Equal(["grain", "levy"], await ArticlesFound(s, "\"ship lev\""));                 // its words as prefixes, in order
        Assert.Empty(await ArticlesFound(s, "\"levy shipping\""));                              // not in that order
        Assert.Equal(["grain", "levy", "quay"], await ArticlesFound(s, "shipping"));
        Assert.Equal(["levy", "quay"], await ArticlesFound(s, "Riga or quay"));                  // either
        Assert.Equal(["levy", "quay"], await ArticlesFound(s, "Riga OR harbour"));
        Assert.Equal(["grain", "quay"], await ArticlesFound(s, "shipping -Riga"));               // left out
        Assert.Equal(["quay"], await ArticlesFound(s, "shipping -\"shipping levy\""));
        Assert.Equal(["grain"], await ArticlesFound(s, "Valletta council or Riga ministers -levy")); // (a and b) or (c and d and not e)
        Assert.Empty(await ArticlesFound(s, "Valletta Riga"));                                   // both must occur
    }

    [SkippableTheory]
    [MemberData(nameof(TestEngines.Both), MemberType = typeof(TestEngines))]
    public async Task Hostile_searches_get_an_answer_never_a_failure(string engine)
    {
        await using var s = await TestServer.StartAsync(engine: engine);
        foreach (var a in Articles) s.AddProposed(a);

        // Nothing to find, or only what to leave out: no hit.
        foreach (var q in new[] { "-", "\"", "\"\"", "- - -", "-levy", "-\"shipping levy\"", "& | ! ( ) * : <-> NEAR(" })
            Assert.Empty(await ArticlesFound(s, q));
        // "or" with no term on one side is the word itself (no article has a word beginning so).
        Assert.Empty(await ArticlesFound(s, "or"));
        Assert.Empty(await ArticlesFound(s, "OR OR"));
        // Unbalanced quotes, stray operators of either engine, a lone dash: read as words.
        Assert.Equal(["grain", "levy"], await ArticlesFound(s, "\"shipping levy"));
        Assert.Equal(["grain", "levy"], await ArticlesFound(s, "levy -"));
        Assert.Equal(["grain", "levy"], await ArticlesFound(s, "levy:* & (ship* |"));
        Assert.Empty(await ArticlesFound(s, "levy:* & (ship* | NEAR(x)"));                       // NEAR(x) is the phrase "near x", also required
        Assert.Equal(["grain", "quay"], await ArticlesFound(s, "Valletta or -Riga"));            // an alternative that only leaves out adds nothing
        // Very long input: the first words count, the answer comes.
        Assert.Equal(["grain", "quay"], await ArticlesFound(s, "Valletta " + string.Join(' ', Enumerable.Repeat("-zzz", 900))));
        Assert.Empty(await ArticlesFound(s, new string('"', 1500) + new string('-', 1500)));
    }

    [SkippableFact]
    public async Task The_API_description_says_the_syntax()
    {
        await using var s = await TestServer.StartAsync();
        var doc = JsonDocument.Parse(await s.Client.GetStringAsync("/openapi/v1.json")).RootElement;
        var q = doc.GetProperty("paths").GetProperty("/api/v1/search").GetProperty("get").GetProperty("parameters").EnumerateArray()
            .Single(p => p.GetProperty("name").GetString() == "q");
        Assert.Contains("web-search syntax", q.GetProperty("description").GetString());
    }
}
