using Dapper;

namespace Plenary.Store.Postgres;

/// <summary>
/// Ranked full-text search with a tsvector column and a GIN index. The query is <see cref="SearchQuery"/>'s (web-search
/// syntax, parsed the same for every engine), given to <c>websearch_to_tsquery</c> in that syntax with every term
/// quoted, and each lexeme of the tsquery it returns made a prefix (<c>:*</c>), as FTS5's terms are. Names weigh ten
/// times more than other text (ts_rank weights), and the rank is divided by the log of the document's length
/// (normalization 1) as bm25 discounts long documents, so an article saying "CSTO" often does not rank above the
/// organization named CSTO. Snippets are <see cref="SearchSnippet"/>'s: ts_headline reads the whole text of every hit.
/// </summary>
internal sealed class PostgresSearch(PostgresEngine engine) : ISearchIndex
{
    /// <summary>The tsquery of the web-search text <c>@q</c>, every lexeme a prefix (lexemes are letters and digits only: no quote inside).</summary>
    public const string TsQuery = """regexp_replace(websearch_to_tsquery('simple', @q)::text, '''([^'']+)''', '''\1'':*', 'g')::tsquery""";

    public (IReadOnlyList<SearchHit> Hits, int Total) Search(string text, int offset, int limit)
    {
        var parsed = SearchQuery.Parse(text);
        if (parsed.IsEmpty) return ([], 0);
        var q = parsed.ToWebSearch();
        using var c = engine.Open();
        var total = c.ExecuteScalar<int>($"SELECT count(*) FROM search_index WHERE doc @@ {TsQuery}", new { q });
        var hits = c.Query<(string Kind, string Key, string Title, string Body, float Rank)>($$"""
            SELECT kind, key, title, body, -ts_rank('{0.0, 0.0, 0.1, 1.0}', doc, query, 1) AS rank
            FROM search_index, (SELECT {{TsQuery}} AS query) AS q
            WHERE doc @@ query
            ORDER BY rank, CASE kind WHEN 'organization' THEN 0 WHEN 'state' THEN 1 WHEN 'person' THEN 2 ELSE 3 END, key
            LIMIT @limit OFFSET @offset
            """, new { q, limit, offset }).Select(h => new SearchHit(h.Kind, h.Key, h.Title, SearchSnippet.Of(h.Body, parsed.Words), h.Rank)).ToList();
        return (hits, total);
    }
}
