using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Dapper;
using Plenary.Core.Articles;

namespace Plenary.Store.Records;

/// <summary>An article as a list shows it: no text, its length in characters; <see cref="Published"/> is "" when undated.</summary>
public sealed record ArticleListing(string Id, string? Title, string? Outlet, string? Url, string Published, int Length);

/// <summary>Articles, each stored once by the hash of its text.</summary>
public sealed class ArticleRecords(StoreEngine engine, AuditLog audit)
{
    private const string Columns = "id, text, published, url, outlet, title";

    /// <summary>
    /// Stores an article unless the same text is already stored; returns the stored article's id. Safe when several
    /// writers bring the same text at once: the unique hash decides, and the others find the stored one.
    /// </summary>
    public (string Id, bool Added) Add(StoreTransaction tx, Article article, string recordedBy, DateTimeOffset at)
    {
        var id = article.Id;
        for (int attempt = 0; ; attempt++)
        {
            var inserted = tx.Connection.ExecuteScalar<string?>(
                "INSERT INTO articles(id, content_hash, url, outlet, title, published, text, recorded_at, recorded_by) " +
                "VALUES (@id, @h, @url, @outlet, @title, @pub, @text, @at, @by) ON CONFLICT DO NOTHING RETURNING id",
                new
                {
                    id, h = article.ContentHash, url = article.Url, outlet = article.Outlet, title = article.Title,
                    pub = article.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), text = article.Text,
                    at = engine.TimeValue(at), by = recordedBy,
                }, tx.Transaction);
            if (inserted is not null) break;
            if (tx.Connection.ExecuteScalar<string?>("SELECT id FROM articles WHERE content_hash = @h", new { h = article.ContentHash }, tx.Transaction) is { } existing)
                return (existing, false);
            // Another text already has this id (two files named 001.json): the new one is told apart by its hash.
            if (attempt > 0) throw new StoreException($"article {id}: cannot store it under a free id");
            id = $"{article.Id}-{article.ContentHash[..8]}";
        }
        audit.Add(tx, recordedBy, "ingest", $"article/{id}", null, JsonSerializer.Serialize(new { id, content_hash = article.ContentHash, article.Url, article.Outlet }), at);
        return (id, true);
    }

    public Article? Find(string id)
    {
        using var c = engine.Open();
        using var cmd = Sql.Command(c, null, $"SELECT {Columns} FROM articles WHERE id = @id");
        cmd.Add("@id", id);
        using var r = cmd.ExecuteReader();
        return r.Read() ? Read(r) : null;
    }

    public IReadOnlyList<Article> All()
    {
        using var c = engine.Open();
        using var cmd = Sql.Command(c, null, $"SELECT {Columns} FROM articles ORDER BY published DESC, id");
        using var r = cmd.ExecuteReader();
        var list = new List<Article>();
        while (r.Read()) list.Add(Read(r));
        return list;
    }

    /// <summary>
    /// One page of the articles' listings (no text), newest publication first (undated last), then by id: those after
    /// the article <paramref name="after"/> (a seek on the order's key, however deep), else from <paramref name="offset"/>.
    /// </summary>
    public IReadOnlyList<ArticleListing> Page((string Published, string Id)? after, int offset, int limit)
    {
        using var c = engine.Open();
        // '' for undated: both engines then sort them alike (last), where NULLs would sort first on one and last on the other.
        using var cmd = Sql.Command(c, null, "");
        var sql = "SELECT id, title, outlet, url, COALESCE(published, '') AS day, length(text) FROM articles";
        if (after is { } a)
        {
            sql += " WHERE (COALESCE(published, '') < @day OR (COALESCE(published, '') = @day AND id > @id))";
            cmd.Add("@day", a.Published);
            cmd.Add("@id", a.Id);
        }
        cmd.CommandText = sql + " ORDER BY COALESCE(published, '') DESC, id LIMIT @n OFFSET @o";
        cmd.Add("@n", limit);
        cmd.Add("@o", offset);
        using var r = cmd.ExecuteReader();
        var list = new List<ArticleListing>();
        while (r.Read())
            list.Add(new ArticleListing(r.GetString(0), r.Text(1), r.Text(2), r.Text(3), r.GetString(4), Convert.ToInt32(r.GetValue(5), CultureInfo.InvariantCulture)));
        return list;
    }

    public long Count()
    {
        using var c = engine.Open();
        return c.ExecuteScalar<long>("SELECT count(*) FROM articles");
    }

    private static Article Read(DbDataReader r) => new(r.GetString(0), r.GetString(1),
        r.IsDBNull(2) ? null : DateOnly.ParseExact(r.GetString(2), "yyyy-MM-dd", CultureInfo.InvariantCulture), r.Text(3), r.Text(4), r.Text(5));
}
