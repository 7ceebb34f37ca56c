using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Plenary.Core.Articles;
using Plenary.Core.Claims;
using Plenary.Editorial;
using Plenary.Reader.Articles;
using Plenary.Store;
using Plenary.Store.Records;

namespace Plenary.Feeds;

/// <summary>How the worker runs.</summary>
public sealed record WorkerOptions
{
    /// <summary>Who this worker is in the queue (host, process, a random part): items it holds name it.</summary>
    public string WorkerId { get; init; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}";

    /// <summary>How long a taken item (or the SQLite worker lease) is held before another worker may take it over.</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Attempts at one item before it stays failed.</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>Poll what is due and read what is queued, once, then stop (for cron and tests).</summary>
    public bool Once { get; init; }

    /// <summary>Between rounds, when nothing is due.</summary>
    public TimeSpan Idle { get; init; } = TimeSpan.FromSeconds(30);

    public FetchOptions Fetch { get; init; } = new();
}

/// <summary>Something the worker did, for progress on a terminal or a structured log line.</summary>
public sealed record WorkerEvent(string Event, long? Feed, string? Url, string? Detail = null, string? Article = null, int? Claims = null);

/// <summary>What one run did.</summary>
public sealed record WorkerRun(int FeedsPolled, int FeedErrors, int ItemsFound, int Ingested, int Duplicates, int Failed, int ClaimsProposed, int ClaimsAccepted, long PeakWorkingSetBytes);

/// <summary>
/// The feed worker: polls due feeds (conditional requests, so an unchanged feed costs a 304), queues their new items
/// (an item is its page's URL: known URLs are not queued again), then reads queued items one at a time — fetch the page,
/// extract the article text (SmartReader), take the publication date from the feed or the page's metadata, and ingest it
/// through the <see cref="Desk"/>, the same path as <c>plenary ingest</c>, as proposed claims. The item is finished in the
/// transaction that stores the article. A failure is recorded on the item with its reason and retried with backoff;
/// nothing a page or a feed does ends the worker. Claims are only accepted without a person where the feed's editor
/// set a rule (<see cref="Feed.AutoAccept"/>).
/// </summary>
public sealed class FeedWorker(RegistryStore store, WorkerOptions options, Action<WorkerEvent>? report = null) : IDisposable
{
    private readonly FeedRecords _feeds = new(store.Engine, store.Audit);
    private readonly WebFetcher _fetcher = new(options.Fetch);
    private readonly Desk _desk = new(store);
    private int _polled, _feedErrors, _found, _ingested, _duplicates, _failed, _proposed, _accepted;

    public string WorkerId => options.WorkerId;

    public async Task<WorkerRun> RunAsync(CancellationToken ct = default)
    {
        bool lease = !store.Engine.SharedQueue;
        if (lease) _feeds.HoldWorkerLease(FeedRecords.WorkerLease, options.WorkerId, DateTimeOffset.UtcNow, options.Lease);
        report?.Invoke(new WorkerEvent("start", null, null, $"worker {options.WorkerId} on {store.Engine.Name} ({(lease ? "one worker at a time: lease held" : "shared queue")})"));
        try
        {
            while (!ct.IsCancellationRequested)
            {
                await PollDueFeeds(ct);
                while (!ct.IsCancellationRequested && _feeds.TakeItem(options.WorkerId, DateTimeOffset.UtcNow, options.Lease) is { } item)
                {
                    await Read(item, ct);
                    if (lease) _feeds.HoldWorkerLease(FeedRecords.WorkerLease, options.WorkerId, DateTimeOffset.UtcNow, options.Lease);
                }
                if (options.Once) break;
                await Task.Delay(options.Idle, ct);
                if (lease) _feeds.HoldWorkerLease(FeedRecords.WorkerLease, options.WorkerId, DateTimeOffset.UtcNow, options.Lease);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { }
        finally
        {
            // Stopped on purpose: what this worker holds goes back to the queue at once (a killed one's waits for its lease).
            _feeds.Release(options.WorkerId);
            if (lease) _feeds.ReleaseWorkerLease(FeedRecords.WorkerLease, options.WorkerId);
        }
        using var self = Process.GetCurrentProcess();
        var run = new WorkerRun(_polled, _feedErrors, _found, _ingested, _duplicates, _failed, _proposed, _accepted, self.PeakWorkingSet64);
        report?.Invoke(new WorkerEvent("done", null, null, string.Create(CultureInfo.InvariantCulture,
            $"{run.FeedsPolled} feeds polled ({run.FeedErrors} failed), {run.ItemsFound} new items, {run.Ingested} articles ingested, {run.Duplicates} duplicates, {run.Failed} failures, {run.ClaimsProposed} claims proposed, peak memory {run.PeakWorkingSetBytes / (1024 * 1024)} MB")));
        return run;
    }

    /// <summary>Polls every feed that is due, each taken by one worker only.</summary>
    public async Task PollDueFeeds(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested && _feeds.TakeDueFeed(DateTimeOffset.UtcNow, options.Lease) is { } feed)
        {
            _polled++;
            try
            {
                var fetched = await _fetcher.GetAsync(new Uri(feed.Url), feed.ETag, feed.LastModified, ct);
                var items = fetched.NotModified ? [] : FeedDocument.Parse(fetched.Body, fetched.Url).Items;
                var added = _feeds.RecordPoll(feed, items, fetched.NotModified, fetched.ETag, fetched.LastModified, DateTimeOffset.UtcNow);
                _found += added;
                report?.Invoke(new WorkerEvent("feed", feed.Id, feed.Url, fetched.NotModified ? "not modified" : $"{items.Count} items, {added} new"));
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                // A feed's failure, expected (unreachable, malformed) or not (a bug here), is the feed's, never the worker's end.
                _feedErrors++;
                _feeds.RecordPollFailure(feed, e is FetchException or FeedFormatException ? e.Message : Unexpected(e), DateTimeOffset.UtcNow);
                report?.Invoke(new WorkerEvent("feed-error", feed.Id, feed.Url, e.Message));
            }
        }
    }

    private async Task Read(FeedItem item, CancellationToken ct)
    {
        try
        {
            var fetched = await _fetcher.GetAsync(new Uri(item.Url), ct: ct);
            var article = ToArticle(item, fetched);
            var proposed = _desk.Propose(article);
            var feed = FeedOf(item.FeedId);
            var by = $"feed:{item.FeedId}";
            var now = DateTimeOffset.UtcNow;
            var (result, accepted) = store.InTransaction(tx =>
            {
                var r = _desk.Ingest(tx, article, proposed, by, now);
                var acceptedHere = AcceptByRule(tx, feed, r, now);
                if (!_feeds.Finish(tx, item, options.WorkerId, r.NewArticle ? "ingested" : "duplicate", article.ContentHash, r.ArticleId, r.Added, now))
                    throw new LeaseLostException();
                return (r, acceptedHere);
            });
            if (result.NewArticle) { _ingested++; _proposed += result.Added - accepted; _accepted += accepted; }
            else _duplicates++;
            report?.Invoke(new WorkerEvent(result.NewArticle ? "ingested" : "duplicate", item.FeedId, item.Url,
                result.NewArticle ? $"{result.Added} claims ({accepted} accepted by the feed's rule)" : "text already stored", result.ArticleId, result.Added));
        }
        catch (LeaseLostException)
        {
            report?.Invoke(new WorkerEvent("lease-lost", item.FeedId, item.Url, "held too long: another worker took the item over; nothing stored here"));
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            _failed++;
            var expected = e is FetchException or ArticleFileException or DecoderFallbackException;
            // Tried again later: a timeout, a server error, or something unexpected (said as such, to be reported).
            var permanent = expected && e is not FetchException { Permanent: false };
            _feeds.Fail(item, options.WorkerId, expected ? e.Message : Unexpected(e), DateTimeOffset.UtcNow, options.MaxAttempts, permanent);
            report?.Invoke(new WorkerEvent("item-error", item.FeedId, item.Url, e.Message));
        }
    }

    public const int MinArticleChars = 200;

    /// <summary>The page's article: its text extracted, dated by the feed, else by the page's metadata.</summary>
    internal static Article ToArticle(FeedItem item, Fetched page)
    {
        DateOnly? fromFeed = item.Published is { } p ? DateOnly.ParseExact(p, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
        var id = Article.IdFromName(IdStem(page.Url), item.Url);
        var html = page.Text();
        var article = html.TrimStart().StartsWith('{') ? ArticleFiles.FromJson(item.Url, html, id, fromFeed) : ArticleFiles.FromHtml(item.Url, html, id, fromFeed);
        if (Article.TextProblem(article.Text) is { } problem) throw new ArticleFileException(item.Url, problem);
        // A page of navigation or a paywall notice is not an article: SmartReader then returns a few stray words.
        if (article.Text.Length < MinArticleChars)
            throw new ArticleFileException(item.Url, $"no article text could be extracted from the page ({article.Text.Length} characters of text; an article has at least {MinArticleChars})");
        return article with { Url = item.Url, Title = article.Title ?? item.Title, Outlet = article.Outlet ?? page.Url.Host };
    }

    /// <summary>An article id from the page's address: host and path ("example.org/news/armenia-csto" → example.org-news-armenia-csto).</summary>
    private static string IdStem(Uri url)
    {
        var stem = (url.Host + url.AbsolutePath).TrimEnd('/');
        foreach (var ext in ArticleFiles.Extensions) if (stem.EndsWith(ext, StringComparison.OrdinalIgnoreCase)) stem = stem[..^ext.Length];
        return stem.Length > 80 ? stem[^80..] : stem;
    }

    /// <summary>The item's feed as it is now (its rule may have changed since it was polled); null when it was removed meanwhile.</summary>
    private Feed? FeedOf(long id) => _feeds.Find(id.ToString(CultureInfo.InvariantCulture));

    private static string Unexpected(Exception e) => $"unexpected error ({e.GetType().Name}): {e.Message}";

    /// <summary>The feed's rule: "all" accepts every claim read from it; "confirmations" only those confirming an accepted fact.</summary>
    private int AcceptByRule(StoreTransaction tx, Feed? feed, IngestResult result, DateTimeOffset now)
    {
        if (feed is null || !result.NewArticle || feed.AutoAccept == "none" || result.Claims.Count == 0) return 0;
        var chosen = feed.AutoAccept == "all"
            ? result.Claims
            : ReviewGroups.Group(result.Claims, store.Claims(new ClaimFilter { Review = ReviewState.Accepted }))
                .Where(g => g.Kind == ChangeKind.Confirmation).SelectMany(g => g.Claims).ToList();
        foreach (var c in chosen) store.Decide(tx, c.Id, ReviewState.Accepted, $"rule:feed/{feed.Id}", $"accepted by feed {feed.Id}'s rule '{feed.AutoAccept}'", now);
        return chosen.Count;
    }

    private sealed class LeaseLostException : Exception;

    public void Dispose() => _fetcher.Dispose();
}
