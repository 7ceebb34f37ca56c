using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Dapper;

namespace Plenary.Store.Records;

/// <summary>A news feed the worker polls. <see cref="AutoAccept"/> is the editor's per-feed rule: "none" (every claim waits
/// for a person), "confirmations" (claims that only confirm an accepted fact are accepted), "all".</summary>
public sealed record Feed(
    long Id, string Url, string Name, TimeSpan Every, bool Paused, string AutoAccept, string? ETag, string? LastModified,
    DateTimeOffset NextFetchAt, DateTimeOffset? LastFetchAt, string? LastStatus, string? LastError, int Failures,
    DateTimeOffset AddedAt, string AddedBy);

/// <summary>A feed with what came of its items: read and ingested, duplicates of stored text, waiting, failing.</summary>
public sealed record FeedSummary(Feed Feed, long Items, long Ingested, long Duplicates, long Waiting, long Failed, long Retrying, string? LastItemError)
{
    /// <summary>"paused", "failing" (the feed itself cannot be fetched), "degraded" (items fail), or "healthy".</summary>
    public string Health => Feed.Paused ? "paused"
        : Feed.LastStatus == "error" ? "failing"
        : Failed + Retrying > 0 ? "degraded"
        : Feed.LastFetchAt is null ? "new"
        : "healthy";
}

/// <summary>An item found in a feed: its page's URL (what makes it the same item), and where it is in the queue.</summary>
public sealed record FeedItem(
    long Id, long FeedId, string Url, string ItemKey, string? Title, string? Published, string Status, int Attempts,
    DateTimeOffset NextTryAt, string? TakenBy, string? ContentHash, string? ArticleId, int? Claims, string? LastError);

/// <summary>An item as a feed lists it.</summary>
public sealed record NewFeedItem(string Url, string Key, string? Title, DateOnly? Published);

/// <summary>A feed URL or name that is already followed.</summary>
public sealed class FeedExistsException(string message) : InvalidOperationException(message);

/// <summary>A second worker on an engine where one works at a time.</summary>
public sealed class WorkerLeaseHeldException(string message) : InvalidOperationException(message);

/// <summary>
/// Feeds, their items and the queue of items to read. Workers take items one at a time: on an engine with a shared queue
/// (<see cref="StoreEngine.SharedQueue"/>, PostgreSQL) the row is taken with <c>FOR UPDATE SKIP LOCKED</c>, so two workers
/// never take the same item; elsewhere (SQLite) one worker at a time holds <see cref="HoldWorkerLease"/>. A taken item
/// carries a lease: a worker killed mid-item leaves it to be taken again once the lease runs out. An item is finished in
/// the same transaction that stores its article, and only by the worker that holds it, so it is ingested once.
/// </summary>
public sealed class FeedRecords(StoreEngine engine, AuditLog audit)
{
    public const string WorkerLease = "feeds-worker";
    public static readonly string[] AutoAcceptRules = ["none", "confirmations", "all"];

    private const string FeedColumns = "id, url, name, every_seconds, paused, auto_accept, etag, last_modified, next_fetch_at, last_fetch_at, last_status, last_error, failures, added_at, added_by";
    private const string ItemColumns = "id, feed_id, url, item_key, title, published, status, attempts, next_try_at, taken_by, content_hash, article_id, claims, last_error";

    private T Write<T>(Func<DbConnection, DbTransaction, T> work)
    {
        using var c = engine.Open();
        using var t = c.BeginTransaction();
        var result = work(c, t);
        engine.BeforeCommit(c, t);
        t.Commit();
        return result;
    }

    private object Time(DateTimeOffset t) => engine.TimeValue(t);

    /// <summary>Follows a feed (a removed one is followed again, keeping its items). Audit-logged.</summary>
    public Feed Add(string url, string name, TimeSpan every, string by, DateTimeOffset? at = null)
    {
        var when = at ?? DateTimeOffset.UtcNow;
        return Write((c, t) =>
        {
            var existing = c.Query<(long Id, string Url, long Removed)>(
                "SELECT id, url, CASE WHEN removed_at IS NULL THEN 0 ELSE 1 END FROM feeds WHERE url = @url OR lower(name) = lower(@name)", new { url, name }, t).ToList();
            if (existing.Any(e => e.Removed == 0))
                throw new FeedExistsException($"a feed with this URL or the name '{name}' is already followed (see `plenary feeds list`)");
            long id;
            if (existing.FirstOrDefault(e => e.Url == url) is { Id: > 0 } revived)
            {
                id = revived.Id;
                c.Execute("UPDATE feeds SET removed_at = NULL, name = @name, every_seconds = @every, paused = 0, next_fetch_at = @at WHERE id = @id",
                    new { id, name, every = (int)every.TotalSeconds, at = Time(when) }, t);
            }
            else
            {
                id = c.ExecuteScalar<long>("INSERT INTO feeds(url, name, every_seconds, next_fetch_at, added_at, added_by) VALUES (@url, @name, @every, @at, @at, @by) RETURNING id",
                    new { url, name, every = (int)every.TotalSeconds, at = Time(when), by }, t);
            }
            audit.Add(new StoreTransaction(c, t), by, "feed-add", $"feed/{id}", null, JsonSerializer.Serialize(new { url, name, every_seconds = (int)every.TotalSeconds }), when);
            return ReadFeeds(c, t, "WHERE id = @id", new { id }).Single();
        });
    }

    /// <summary>A followed feed by id, URL or name (case-insensitive); null when none.</summary>
    public Feed? Find(string key)
    {
        using var c = engine.Open();
        long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var id);
        return ReadFeeds(c, null, "WHERE removed_at IS NULL AND (id = @id OR url = @key OR lower(name) = lower(@key))", new { id, key }).FirstOrDefault();
    }

    public IReadOnlyList<FeedSummary> List()
    {
        using var c = engine.Open();
        var feeds = ReadFeeds(c, null, "WHERE removed_at IS NULL ORDER BY id", null);
        var counts = c.Query<(long Feed, string Status, long Erred, long N)>(
            "SELECT feed_id, status, CASE WHEN last_error IS NULL THEN 0 ELSE 1 END AS erred, count(*) FROM feed_items GROUP BY feed_id, status, erred").ToList();
        var lastErrors = c.Query<(long Feed, string Error)>(
            "SELECT feed_id, last_error FROM feed_items i WHERE last_error IS NOT NULL AND id = (SELECT max(id) FROM feed_items j WHERE j.feed_id = i.feed_id AND j.last_error IS NOT NULL AND j.status IN ('queued', 'failed'))")
            .ToDictionary(x => x.Feed, x => x.Error);
        return feeds.Select(f =>
        {
            var mine = counts.Where(x => x.Feed == f.Id).ToList();
            long Sum(Func<(long Feed, string Status, long Erred, long N), bool> p) => mine.Where(p).Sum(x => x.N);
            return new FeedSummary(f, Sum(_ => true), Sum(x => x.Status == "ingested"), Sum(x => x.Status == "duplicate"),
                Sum(x => x.Status is "queued" or "taken"), Sum(x => x.Status == "failed"), Sum(x => x.Status == "queued" && x.Erred == 1),
                lastErrors.GetValueOrDefault(f.Id));
        }).ToList();
    }

    public IReadOnlyList<FeedItem> Items(long feedId, int limit = 1000)
    {
        using var c = engine.Open();
        return ReadItems(c, null, $"SELECT {ItemColumns} FROM feed_items WHERE feed_id = @feedId ORDER BY id LIMIT @limit", new { feedId, limit });
    }

    /// <summary>Stops following a feed; its items and the articles read from them stay. Audit-logged.</summary>
    public void Remove(long id, string by, DateTimeOffset? at = null) => Change(id, by, "feed-remove", "removed_at = @at", at, null);

    public void SetPaused(long id, bool paused, string by, DateTimeOffset? at = null) =>
        Change(id, by, paused ? "feed-pause" : "feed-resume", paused ? "paused = 1" : "paused = 0, next_fetch_at = @at", at, null);

    /// <summary>Sets the feed's rule for accepting claims without a person (<see cref="AutoAcceptRules"/>). Audit-logged.</summary>
    public void SetAutoAccept(long id, string rule, string by, DateTimeOffset? at = null)
    {
        if (!AutoAcceptRules.Contains(rule)) throw new ArgumentException($"'{rule}' is not a rule: expected one of {string.Join(", ", AutoAcceptRules)}");
        Change(id, by, "feed-rule", "auto_accept = @value", at, rule);
    }

    private void Change(long id, string by, string action, string set, DateTimeOffset? at, string? value)
    {
        var when = at ?? DateTimeOffset.UtcNow;
        Write((c, t) =>
        {
            var before = ReadFeeds(c, t, "WHERE id = @id AND removed_at IS NULL", new { id }).FirstOrDefault()
                ?? throw new KeyNotFoundException($"no feed {id} (see `plenary feeds list`)");
            c.Execute($"UPDATE feeds SET {set} WHERE id = @id", new { id, at = Time(when), value }, t);
            var after = ReadFeeds(c, t, "WHERE id = @id", new { id }).Single();
            audit.Add(new StoreTransaction(c, t), by, action, $"feed/{id}", Describe(before), Describe(after), when);
            return 0;
        });
    }

    private static string Describe(Feed f) => JsonSerializer.Serialize(new { f.Url, f.Name, every_seconds = (int)f.Every.TotalSeconds, f.Paused, auto_accept = f.AutoAccept });

    /// <summary>
    /// Takes one feed due for polling (not paused, next fetch passed) and moves its next fetch past <paramref name="lease"/>,
    /// so no other worker polls it meanwhile; null when none is due.
    /// </summary>
    public Feed? TakeDueFeed(DateTimeOffset now, TimeSpan lease) => Write((c, t) =>
    {
        var id = c.ExecuteScalar<long?>(
            "SELECT id FROM feeds WHERE paused = 0 AND removed_at IS NULL AND next_fetch_at <= @now ORDER BY next_fetch_at, id LIMIT 1" + engine.TakeRowsSkippingLocked,
            new { now = Time(now) }, t);
        if (id is null) return null;
        c.Execute("UPDATE feeds SET next_fetch_at = @until WHERE id = @id", new { id, until = Time(now + lease) }, t);
        return ReadFeeds(c, t, "WHERE id = @id", new { id }).Single();
    });

    /// <summary>Records a successful poll: the new items are queued (an item whose URL is known is not), the feed is due again after its interval.</summary>
    public int RecordPoll(Feed feed, IReadOnlyList<NewFeedItem> items, bool notModified, string? etag, string? lastModified, DateTimeOffset now) => Write((c, t) =>
    {
        int added = 0;
        foreach (var item in items.DistinctBy(i => i.Url))
            added += c.Execute(
                "INSERT INTO feed_items(feed_id, url, item_key, title, published, status, next_try_at, found_at) VALUES (@feed, @url, @key, @title, @pub, 'queued', @now, @now) ON CONFLICT(url) DO NOTHING",
                new { feed = feed.Id, url = item.Url, key = item.Key, title = item.Title, pub = item.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), now = Time(now) }, t);
        c.Execute("""
            UPDATE feeds SET last_fetch_at = @now, last_status = @status, last_error = NULL, failures = 0, next_fetch_at = @next,
                etag = COALESCE(@etag, etag), last_modified = COALESCE(@lm, last_modified) WHERE id = @id
            """, new { id = feed.Id, now = Time(now), status = notModified ? "not-modified" : "ok", next = Time(now + feed.Every), etag, lm = lastModified }, t);
        return added;
    });

    /// <summary>Records a failed poll with its reason; the feed is tried again after a backoff that doubles per failure (at most a day).</summary>
    public void RecordPollFailure(Feed feed, string error, DateTimeOffset now) => Write((c, t) =>
    {
        var failures = feed.Failures + 1;
        var wait = TimeSpan.FromSeconds(Math.Min(feed.Every.TotalSeconds * Math.Pow(2, Math.Min(failures, 16)), TimeSpan.FromDays(1).TotalSeconds));
        return c.Execute("UPDATE feeds SET last_fetch_at = @now, last_status = 'error', last_error = @error, failures = @failures, next_fetch_at = @next WHERE id = @id",
            new { id = feed.Id, now = Time(now), error, failures, next = Time(now + wait) }, t);
    });

    /// <summary>
    /// Takes the next item to read for <paramref name="worker"/>: a queued item whose time has come, or a taken one whose
    /// lease ran out (its worker died). The attempt is counted; null when nothing is due.
    /// </summary>
    public FeedItem? TakeItem(string worker, DateTimeOffset now, TimeSpan lease) => Write((c, t) =>
    {
        var id = c.ExecuteScalar<long?>(
            "SELECT id FROM feed_items WHERE ((status = 'queued' AND next_try_at <= @now) OR (status = 'taken' AND taken_until < @now)) " +
            "AND feed_id IN (SELECT id FROM feeds WHERE paused = 0 AND removed_at IS NULL) ORDER BY id LIMIT 1" + engine.TakeRowsSkippingLocked,
            new { now = Time(now) }, t);
        if (id is null) return null;
        c.Execute("UPDATE feed_items SET status = 'taken', taken_by = @worker, taken_until = @until, attempts = attempts + 1 WHERE id = @id",
            new { id, worker, until = Time(now + lease) }, t);
        return ReadItems(c, t, $"SELECT {ItemColumns} FROM feed_items WHERE id = @id", new { id }).Single();
    });

    /// <summary>
    /// Finishes a taken item inside the transaction that stores its article: false (and the caller rolls back) when the
    /// worker no longer holds it — its lease ran out and another worker took it.
    /// </summary>
    public bool Finish(StoreTransaction tx, FeedItem item, string worker, string status, string? contentHash, string? articleId, int? claims, DateTimeOffset now) =>
        tx.Connection.Execute("""
            UPDATE feed_items SET status = @status, content_hash = @hash, article_id = @article, claims = @claims, last_error = NULL,
                done_at = @now, taken_by = NULL, taken_until = NULL
            WHERE id = @id AND status = 'taken' AND taken_by = @worker
            """, new { id = item.Id, status, hash = contentHash, article = articleId, claims, now = Time(now), worker }, tx.Transaction) == 1;

    /// <summary>
    /// Records why reading an item failed. It is tried again after a backoff (1, 4, 16… minutes) until
    /// <paramref name="maxAttempts"/> attempts, then it stays failed with its reason.
    /// </summary>
    public void Fail(FeedItem item, string worker, string error, DateTimeOffset now, int maxAttempts, bool permanent = false) => Write((c, t) =>
    {
        var final = permanent || item.Attempts >= maxAttempts;
        var next = now + TimeSpan.FromMinutes(Math.Pow(4, Math.Min(item.Attempts - 1, 8)));
        return c.Execute("""
            UPDATE feed_items SET status = @status, last_error = @error, next_try_at = @next, taken_by = NULL, taken_until = NULL,
                done_at = @done
            WHERE id = @id AND status = 'taken' AND taken_by = @worker
            """, new { id = item.Id, status = final ? "failed" : "queued", error, next = Time(next), done = final ? Time(now) : null, worker }, t);
    });

    /// <summary>Gives back the items a stopping worker holds, untouched (their attempt is not counted against them).</summary>
    public int Release(string worker) => Write((c, t) =>
        c.Execute("UPDATE feed_items SET status = 'queued', taken_by = NULL, taken_until = NULL, attempts = attempts - 1 WHERE status = 'taken' AND taken_by = @worker",
            new { worker }, t));

    /// <summary>True when an item is due now or held by a live worker (so a worker run to empty the queue may wait for it).</summary>
    public (long Due, long Taken) Pending(DateTimeOffset now)
    {
        using var c = engine.Open();
        var due = c.ExecuteScalar<long>("SELECT count(*) FROM feed_items WHERE status = 'queued' AND next_try_at <= @now AND feed_id IN (SELECT id FROM feeds WHERE paused = 0 AND removed_at IS NULL)", new { now = Time(now) });
        var taken = c.ExecuteScalar<long>("SELECT count(*) FROM feed_items WHERE status = 'taken'");
        return (due, taken);
    }

    /// <summary>
    /// Takes or renews the lease <paramref name="name"/> for <paramref name="holder"/> until <paramref name="now"/> +
    /// <paramref name="lease"/>; throws <see cref="WorkerLeaseHeldException"/>, naming the holder, while another holds it.
    /// </summary>
    public void HoldWorkerLease(string name, string holder, DateTimeOffset now, TimeSpan lease) => Write((c, t) =>
    {
        // Taking the write lock first (an update that may change nothing) so two starting workers cannot both see it free.
        c.Execute("UPDATE worker_leases SET holder = holder WHERE name = @name", new { name }, t);
        var held = c.Query<(string Holder, object Until)>("SELECT holder, until FROM worker_leases WHERE name = @name", new { name }, t).FirstOrDefault();
        if (held.Holder is not null && held.Holder != holder && engine.ReadTime(held.Until) > now)
            throw new WorkerLeaseHeldException(
                $"another worker ({held.Holder}) is working on this registry until {engine.ReadTime(held.Until):yyyy-MM-dd HH:mm:ss}Z at the latest; " +
                "a registry file (SQLite) has one worker at a time: stop that one, or use a PostgreSQL registry to run several");
        return c.Execute("INSERT INTO worker_leases(name, holder, until) VALUES (@name, @holder, @until) ON CONFLICT(name) DO UPDATE SET holder = excluded.holder, until = excluded.until",
            new { name, holder, until = Time(now + lease) }, t);
    });

    public void ReleaseWorkerLease(string name, string holder) => Write((c, t) =>
        c.Execute("DELETE FROM worker_leases WHERE name = @name AND holder = @holder", new { name, holder }, t));

    private IReadOnlyList<Feed> ReadFeeds(DbConnection c, DbTransaction? t, string where, object? args)
    {
        using var r = (DbDataReader)c.ExecuteReader($"SELECT {FeedColumns} FROM feeds {where}", args, t);
        var list = new List<Feed>();
        while (r.Read())
            list.Add(new Feed(Convert.ToInt64(r.GetValue(0), CultureInfo.InvariantCulture), r.GetString(1), r.GetString(2),
                TimeSpan.FromSeconds(Convert.ToInt64(r.GetValue(3), CultureInfo.InvariantCulture)), Convert.ToInt64(r.GetValue(4), CultureInfo.InvariantCulture) != 0,
                r.GetString(5), r.Text(6), r.Text(7), engine.ReadTime(r.GetValue(8)), r.IsDBNull(9) ? null : engine.ReadTime(r.GetValue(9)),
                r.Text(10), r.Text(11), Convert.ToInt32(r.GetValue(12), CultureInfo.InvariantCulture), engine.ReadTime(r.GetValue(13)), r.GetString(14)));
        return list;
    }

    private IReadOnlyList<FeedItem> ReadItems(DbConnection c, DbTransaction? t, string sql, object? args)
    {
        using var r = (DbDataReader)c.ExecuteReader(sql, args, t);
        var list = new List<FeedItem>();
        while (r.Read())
            list.Add(new FeedItem(Convert.ToInt64(r.GetValue(0), CultureInfo.InvariantCulture), Convert.ToInt64(r.GetValue(1), CultureInfo.InvariantCulture),
                r.GetString(2), r.GetString(3), r.Text(4), r.Text(5), r.GetString(6), Convert.ToInt32(r.GetValue(7), CultureInfo.InvariantCulture),
                engine.ReadTime(r.GetValue(8)), r.Text(9), r.Text(10), r.Text(11), r.IsDBNull(12) ? null : Convert.ToInt32(r.GetValue(12), CultureInfo.InvariantCulture), r.Text(13)));
        return list;
    }
}
