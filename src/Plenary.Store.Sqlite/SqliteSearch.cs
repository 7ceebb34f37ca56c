using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Plenary.Store.Sqlite;

/// <summary>
/// Ranked full-text search with SQLite FTS5 (migration 0021). The query is <see cref="SearchQuery"/>'s (web-search
/// syntax, parsed the same for every engine) written as an FTS5 expression: each word a quoted prefix term, a phrase its
/// words joined by <c>+</c>, exclusions by NOT, alternatives by OR; names weigh ten times more than other text (bm25).
/// Snippets are <see cref="SearchSnippet"/>'s, not FTS5's snippet() (which reads the whole text of every hit).
/// </summary>
internal sealed class SqliteSearch(SqliteEngine engine) : ISearchIndex
{
    /// <summary>The FTS5 expression of a search, or null when it looks for nothing. Words are letters and digits only, quoted: no operator can be injected.</summary>
    public static string? FtsQuery(SearchQuery query)
    {
        if (query.IsEmpty) return null;
        static string Phrase(SearchTerm t) => string.Join(" + ", t.Words.Select(w => $"\"{w}\"*"));
        return string.Join(" OR ", query.Alternatives.Select(a =>
        {
            var expression = "(" + string.Join(" AND ", a.Where(t => !t.Excluded).Select(Phrase)) + ")";
            foreach (var t in a.Where(t => t.Excluded)) expression = $"({expression} NOT {Phrase(t)})";
            return expression;
        }));
    }

    public (IReadOnlyList<SearchHit> Hits, int Total) Search(string text, int offset, int limit)
    {
        var parsed = SearchQuery.Parse(text);
        var query = FtsQuery(parsed);
        if (query is null) return ([], 0);
        using var c = (SqliteConnection)engine.Open();
        int total;
        using (var count = c.CreateCommand())
        {
            count.CommandText = "SELECT count(*) FROM search_index WHERE search_index MATCH $q";
            count.Parameters.AddWithValue("$q", query);
            total = Convert.ToInt32(count.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        using var cmd = c.CreateCommand();
        cmd.CommandText = """
            SELECT kind, key, title, body, bm25(search_index, 0.0, 0.0, 10.0, 1.0) AS rank
            FROM search_index WHERE search_index MATCH $q
            ORDER BY rank, CASE kind WHEN 'organization' THEN 0 WHEN 'state' THEN 1 WHEN 'person' THEN 2 ELSE 3 END, key
            LIMIT $limit OFFSET $offset
            """;
        cmd.Parameters.AddWithValue("$q", query);
        cmd.Parameters.AddWithValue("$limit", limit);
        cmd.Parameters.AddWithValue("$offset", offset);
        var hits = new List<SearchHit>();
        using var r = cmd.ExecuteReader();
        var terms = parsed.Words;
        while (r.Read()) hits.Add(new SearchHit(r.GetString(0), r.GetString(1), r.GetString(2), SearchSnippet.Of(r.GetString(3), terms), r.GetDouble(4)));
        return (hits, total);
    }
}
