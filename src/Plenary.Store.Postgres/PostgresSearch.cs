using Dapper;

namespace Plenary.Store.Postgres;

/// <summary>
/// Ranked full-text search with a tsvector column and a GIN index: like FTS5, the user's words become prefix terms
/// that must all occur (built from letters and digits only, so no operator can be injected), names weigh ten times
/// more than other text (ts_rank weights), and the rank is divided by the log of the document's length (normalization 1) as
/// bm25 discounts long documents, so an article saying "CSTO" often does not rank above the organization named CSTO. Snippets are <see cref="SearchSnippet"/>'s: ts_headline reads the whole text of
/// every hit.
/// </summary>
internal sealed class PostgresSearch(PostgresEngine engine) : ISearchIndex
{
    public static string? TsQuery(string text)
    {
        var words = SearchSnippet.Terms(text);
        return words.Count == 0 ? null : string.Join(" & ", words.Select(w => $"{w.ToLowerInvariant()}:*"));
    }

    public (IReadOnlyList<SearchHit> Hits, int Total) Search(string text, int offset, int limit)
    {
        var q = TsQuery(text);
        if (q is null) return ([], 0);
        var terms = SearchSnippet.Terms(text);
        using var c = engine.Open();
        var total = c.ExecuteScalar<int>("SELECT count(*) FROM search_index WHERE doc @@ to_tsquery('simple', @q)", new { q });
        var hits = c.Query<(string Kind, string Key, string Title, string Body, float Rank)>("""
            SELECT kind, key, title,
                   body,
                   -ts_rank('{0.0, 0.0, 0.1, 1.0}', doc, to_tsquery('simple', @q), 1) AS rank
            FROM search_index WHERE doc @@ to_tsquery('simple', @q)
            ORDER BY rank, CASE kind WHEN 'organization' THEN 0 WHEN 'state' THEN 1 WHEN 'person' THEN 2 ELSE 3 END, key
            LIMIT @limit OFFSET @offset
            """, new { q, limit, offset }).Select(h => new SearchHit(h.Kind, h.Key, h.Title, SearchSnippet.Of(h.Body, terms), h.Rank)).ToList();
        return (hits, total);
    }
}
