using System.Globalization;
using Plenary.Store;
using Plenary.Store.Records;

namespace Plenary.Feeds;

/// <summary>A feed request that cannot be taken: says which field and what was expected.</summary>
public sealed class FeedInputException(string field, string message) : Exception($"{field}: {message}")
{
    public string Field { get; } = field;
}

/// <summary>
/// Following feeds, for the command line, the API and the web page alike: checks what the user typed (an http(s) URL,
/// an interval such as 15m) before anything is stored; every change is audit-logged with who made it.
/// </summary>
public sealed class FeedSubscriptions(RegistryStore store)
{
    public static readonly TimeSpan DefaultEvery = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan MinEvery = TimeSpan.FromMinutes(1);

    public FeedRecords Records { get; } = new(store.Engine, store.Audit);

    public Feed Add(string url, string? name, string? every, string by)
    {
        var uri = ParseUrl(url);
        var interval = every is null ? DefaultEvery : ParseInterval(every);
        var feedName = string.IsNullOrWhiteSpace(name) ? uri.Host : name.Trim();
        if (feedName.Length > 200) throw new FeedInputException("name", "at most 200 characters");
        return Records.Add(uri.AbsoluteUri, feedName, interval, by);
    }

    public IReadOnlyList<FeedSummary> List() => Records.List();

    /// <summary>A followed feed by id, URL or name; a clear error when there is none.</summary>
    public Feed Get(string key) => Records.Find(key) ?? throw new KeyNotFoundException($"no feed '{key}' is followed (see `plenary feeds list`)");

    public void Remove(string key, string by) => Records.Remove(Get(key).Id, by);

    public void Pause(string key, string by) => Records.SetPaused(Get(key).Id, true, by);

    public void Resume(string key, string by) => Records.SetPaused(Get(key).Id, false, by);

    public void SetAutoAccept(string key, string rule, string by)
    {
        if (!FeedRecords.AutoAcceptRules.Contains(rule))
            throw new FeedInputException("auto-accept", $"'{rule}': expected one of {string.Join(", ", FeedRecords.AutoAcceptRules)}");
        Records.SetAutoAccept(Get(key).Id, rule, by);
    }

    public static Uri ParseUrl(string url)
    {
        if (!Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || string.IsNullOrEmpty(uri.Host))
            throw new FeedInputException("url", $"'{url}' is not a feed address: expected an absolute http:// or https:// URL");
        return uri;
    }

    /// <summary>"90s", "15m", "2h", "1d" (at least a minute: feeds are polled, not hammered).</summary>
    public static TimeSpan ParseInterval(string text)
    {
        var t = text.Trim().ToLowerInvariant();
        TimeSpan? value = null;
        if (t.Length >= 2 && double.TryParse(t[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n > 0 && n < 1e6)
            value = t[^1] switch
            {
                's' => TimeSpan.FromSeconds(n),
                'm' => TimeSpan.FromMinutes(n),
                'h' => TimeSpan.FromHours(n),
                'd' => TimeSpan.FromDays(n),
                _ => null,
            };
        if (value is null) throw new FeedInputException("every", $"'{text}' is not an interval: expected a number and s, m, h or d (e.g. 15m)");
        if (value < MinEvery) throw new FeedInputException("every", $"'{text}' is too often: a feed is polled at most once a minute");
        return value.Value;
    }
}
