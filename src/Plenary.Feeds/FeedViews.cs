using Plenary.Store.Records;

namespace Plenary.Feeds;

/// <summary>The JSON shapes of feeds and their items, shared by the command line (<c>--format json</c>) and the API.</summary>
public static class FeedViews
{
    public static object Of(FeedSummary f) => new
    {
        id = f.Feed.Id, name = f.Feed.Name, url = f.Feed.Url, every_seconds = (long)f.Feed.Every.TotalSeconds, paused = f.Feed.Paused,
        auto_accept = f.Feed.AutoAccept, health = f.Health, last_fetch = f.Feed.LastFetchAt, last_status = f.Feed.LastStatus,
        last_error = f.Feed.LastError, next_fetch = f.Feed.NextFetchAt, items = f.Items, articles = f.Ingested, duplicates = f.Duplicates,
        waiting = f.Waiting, failed = f.Failed, retrying = f.Retrying, last_item_error = f.LastItemError,
    };

    public static object Of(FeedItem i) => new
    {
        id = i.Id, url = i.Url, title = i.Title, published = i.Published, status = i.Status, attempts = i.Attempts,
        next_try = i.NextTryAt, article = i.ArticleId, claims = i.Claims, last_error = i.LastError,
    };
}
