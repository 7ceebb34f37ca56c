using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Plenary.Store.Sqlite;

/// <summary>
/// Ranked full-text search with SQLite FTS5 (migration 0021). The user's words become prefix terms that must all
/// occur; names weigh ten times more than other text (bm25). Snippets are <see cref="SearchSnippet"/>'s, not FTS5's snippet()
/// (which reads the whole text of every hit).
/// </summary>
internal sealed class SqliteSearch(SqliteEngine engine) : ISearchIndex
{
    /// <summary>The FTS5 query for free text: each word quoted (so no operator can be injected) and prefix-matched.</summary>
    public static string? FtsQuery(string text)
    {
        var words = SearchSnippet.Terms(text);
        return words.Count == 0 ? null : string.Join(' ', words.Select(w => $"\"{w}\"*"));
    }

    public (IReadOnlyList<SearchHit> Hits, int Total) Search(string text, int offset, int limit)
    {
        var query = FtsQuery(text);
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
        var terms = SearchSnippet.Terms(text);
        while (r.Read()) hits.Add(new SearchHit(r.GetString(0), r.GetString(1), r.GetString(2), SearchSnippet.Of(r.GetString(3), terms), r.GetDouble(4)));
        return (hits, total);
    }
}
