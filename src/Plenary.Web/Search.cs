using System.Text;
using Plenary.Store;

namespace Plenary.Web;

/// <summary>One search hit: what it is, its id, its name, and a snippet of the matching text (matches between \u0002 and \u0003).</summary>
public sealed record SearchHit(string Kind, string Id, string Title, string Snippet, double Rank);

/// <summary>
/// Ranked full-text search over organizations, states, persons and article text (SQLite FTS5, migration 0021).
/// The user's words become prefix terms that must all occur; names weigh ten times more than other text (bm25).
/// </summary>
public static class Search
{
    public const char MarkStart = '\u0002';
    public const char MarkEnd = '\u0003';

    /// <summary>The FTS5 query for free text: each word quoted (so no operator can be injected) and prefix-matched.</summary>
    public static string? FtsQuery(string text)
    {
        var words = new List<string>();
        var sb = new StringBuilder();
        foreach (var ch in text + " ")
        {
            if (char.IsLetterOrDigit(ch)) { sb.Append(ch); continue; }
            if (sb.Length > 0) { words.Add(sb.ToString()); sb.Clear(); }
        }
        if (words.Count == 0) return null;
        return string.Join(' ', words.Take(12).Select(w => $"\"{w}\"*"));
    }

    public static (IReadOnlyList<SearchHit> Hits, int Total) Run(RegistryStore store, string text, int offset, int limit)
    {
        var query = FtsQuery(text);
        if (query is null) return ([], 0);
        int total;
        using (var count = store.Command(null, "SELECT count(*) FROM search_index WHERE search_index MATCH $q"))
        {
            count.Parameters.AddWithValue("$q", query);
            total = Convert.ToInt32(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }
        using var cmd = store.Command(null, """
            SELECT kind, key, title, snippet(search_index, 3, char(2), char(3), '…', 16), bm25(search_index, 0.0, 0.0, 10.0, 1.0) AS rank
            FROM search_index WHERE search_index MATCH $q
            ORDER BY rank, CASE kind WHEN 'organization' THEN 0 WHEN 'state' THEN 1 WHEN 'person' THEN 2 ELSE 3 END, key
            LIMIT $limit OFFSET $offset
            """);
        cmd.Parameters.AddWithValue("$q", query);
        cmd.Parameters.AddWithValue("$limit", limit);
        cmd.Parameters.AddWithValue("$offset", offset);
        var hits = new List<SearchHit>();
        using var r = cmd.ExecuteReader();
        while (r.Read()) hits.Add(new SearchHit(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetDouble(4)));
        return (hits, total);
    }

    public static string PlainSnippet(string snippet) => snippet.Replace(MarkStart.ToString(), "", StringComparison.Ordinal).Replace(MarkEnd.ToString(), "", StringComparison.Ordinal);
}
