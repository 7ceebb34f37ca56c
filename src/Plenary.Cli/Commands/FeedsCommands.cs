using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using Plenary.Editorial;
using Plenary.Feeds;
using Plenary.Store.Records;
using Spectre.Console;

namespace Plenary.Cli.Commands;

/// <summary>
/// <c>plenary feeds add|list|remove|pause|resume|rule</c>, <c>plenary worker [--once]</c> and the desk's
/// <c>plenary accept-confirmations</c>: the registry reads the news by itself, and the review queue keeps up.
/// </summary>
public static class FeedsCommands
{
    public static Command Feeds()
    {
        var cmd = new Command("feeds", "News feeds (RSS 2.0, Atom, JSON Feed) the worker polls; their articles come in as proposed claims");
        cmd.Subcommands.Add(Add());
        cmd.Subcommands.Add(List());
        cmd.Subcommands.Add(Change("remove", "Stop following a feed (its items and the articles read from them stay)", (s, k) => s.Remove(k, RegistryOpener.Editor), "removed"));
        cmd.Subcommands.Add(Change("pause", "Stop polling a feed and reading its items until resumed", (s, k) => s.Pause(k, RegistryOpener.Editor), "paused"));
        cmd.Subcommands.Add(Change("resume", "Poll a paused feed again (at once)", (s, k) => s.Resume(k, RegistryOpener.Editor), "resumed"));
        cmd.Subcommands.Add(Rule());
        return cmd;
    }

    private static Command Add()
    {
        var url = new Argument<string>("url") { Description = "The feed's address (http or https)" };
        var name = new Option<string?>("--name") { Description = "A name for the feed (default: its host)" };
        var every = new Option<string?>("--every") { Description = "How often to poll it: 15m (default), 1h, 1d…" };
        var cmd = new Command("add", "Follow a feed: the worker polls it and reads each new item's page") { url, name, every };
        cmd.SetAction(r => Run(() =>
        {
            using var store = RegistryOpener.Open(r);
            var feed = new FeedSubscriptions(store).Add(r.GetValue(url)!, r.GetValue(name), r.GetValue(every), RegistryOpener.Editor);
            Output.Line($"feed {feed.Id} '{feed.Name}' added: {feed.Url}, polled every {Interval(feed.Every)} (run `plenary worker`)");
        }));
        return cmd;
    }

    private static Command List()
    {
        var format = CliOptions.Format("table", "json");
        var cmd = new Command("list", "The feeds followed: last fetch, health, articles found, errors") { format };
        cmd.SetAction(r => Run(() =>
        {
            using var store = RegistryOpener.Open(r);
            var feeds = new FeedSubscriptions(store).List();
            if (r.GetValue(format) == "json") { Output.Json(new { feeds = feeds.Select(FeedViews.Of).ToList() }); return; }
            Output.Table("Feeds", ["id", "name", "url", "every", "health", "last fetch", "articles", "duplicates", "waiting", "errors", "last error"],
                feeds.Select(f => (IReadOnlyList<string?>)[
                    f.Feed.Id.ToString(CultureInfo.InvariantCulture), f.Feed.Name, f.Feed.Url, Interval(f.Feed.Every), f.Health,
                    f.Feed.LastFetchAt?.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "never",
                    f.Ingested.ToString(CultureInfo.InvariantCulture), f.Duplicates.ToString(CultureInfo.InvariantCulture),
                    f.Waiting.ToString(CultureInfo.InvariantCulture), (f.Failed + f.Retrying).ToString(CultureInfo.InvariantCulture),
                    f.Feed.LastError ?? f.LastItemError]));
        }));
        return cmd;
    }

    private static Command Change(string name, string description, Action<FeedSubscriptions, string> change, string done)
    {
        var feed = new Argument<string>("feed") { Description = "The feed's id, URL or name (see `plenary feeds list`)" };
        var cmd = new Command(name, description) { feed };
        cmd.SetAction(r => Run(() =>
        {
            using var store = RegistryOpener.Open(r);
            change(new FeedSubscriptions(store), r.GetValue(feed)!);
            Output.Line($"feed {r.GetValue(feed)}: {done}");
        }));
        return cmd;
    }

    private static Command Rule()
    {
        var feed = new Argument<string>("feed") { Description = "The feed's id, URL or name" };
        var rule = new Option<string>("--auto-accept") { Description = "none (default: every claim waits for a person), confirmations (claims confirming an accepted fact), all", Required = true };
        rule.AcceptOnlyFromAmong(FeedRecords.AutoAcceptRules);
        var cmd = new Command("rule", "Set which claims read from a feed are accepted without a person's decision") { feed, rule };
        cmd.SetAction(r => Run(() =>
        {
            using var store = RegistryOpener.Open(r);
            new FeedSubscriptions(store).SetAutoAccept(r.GetValue(feed)!, r.GetValue(rule)!, RegistryOpener.Editor);
            Output.Line($"feed {r.GetValue(feed)}: auto-accept {r.GetValue(rule)}");
        }));
        return cmd;
    }

    public static Command Worker()
    {
        var once = new Option<bool>("--once") { Description = "Poll the due feeds and read the queued items once, then stop (for cron and tests)" };
        var lease = new Option<string>("--lease") { Description = "How long an item taken is held before another worker may take it over (default 5m)", DefaultValueFactory = _ => "5m" };
        var timeout = new Option<string>("--timeout") { Description = "The most one request may take, body included (default 30s)", DefaultValueFactory = _ => "30s" };
        var maxBytes = new Option<long>("--max-bytes") { Description = "The most bytes read from one page or feed (default 8 MiB)", DefaultValueFactory = _ => 8L * 1024 * 1024 };
        var hostInterval = new Option<string>("--host-interval") { Description = "The least time between two requests to one host (default 1s; robots.txt Crawl-delay may ask more)", DefaultValueFactory = _ => "1s" };
        var idle = new Option<string>("--idle") { Description = "Pause between rounds when nothing is due (default 30s)", DefaultValueFactory = _ => "30s" };
        var format = CliOptions.Format("table", "json");
        var cmd = new Command("worker", "Poll the feeds and read their new articles into proposed claims, until stopped (Ctrl+C) or, with --once, when done")
        {
            once, lease, timeout, maxBytes, hostInterval, idle, format,
        };
        cmd.SetAction(r => Run(() =>
        {
            var options = new WorkerOptions
            {
                Once = r.GetValue(once),
                Lease = Duration(r.GetValue(lease)!, "--lease", TimeSpan.FromSeconds(1)),
                Idle = Duration(r.GetValue(idle)!, "--idle", TimeSpan.FromSeconds(1)),
                Fetch = new FetchOptions
                {
                    Timeout = Duration(r.GetValue(timeout)!, "--timeout", TimeSpan.FromMilliseconds(100)),
                    MaxBytes = r.GetValue(maxBytes) is var m && m >= 1024 ? m : throw new UsageException("--max-bytes: expected at least 1024"),
                    HostInterval = Duration(r.GetValue(hostInterval)!, "--host-interval", TimeSpan.Zero),
                },
            };
            using var store = RegistryOpener.Open(r);
            using var stop = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
            using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
            var log = Logger();
            using var worker = new FeedWorker(store, options, log);
            var run = worker.RunAsync(stop.Token).GetAwaiter().GetResult();
            if (r.GetValue(format) == "json")
                Output.Json(new
                {
                    feeds_polled = run.FeedsPolled, feed_errors = run.FeedErrors, items_found = run.ItemsFound, ingested = run.Ingested,
                    duplicates = run.Duplicates, failed = run.Failed, claims_proposed = run.ClaimsProposed, claims_accepted = run.ClaimsAccepted,
                    peak_working_set_bytes = run.PeakWorkingSetBytes,
                });
            else
                Output.Line(string.Create(CultureInfo.InvariantCulture,
                    $"{run.Ingested} articles ingested ({run.ClaimsProposed} claims proposed; review them with `plenary review`), {run.Duplicates} duplicates, {run.Failed} failures, {run.ItemsFound} new items from {run.FeedsPolled} feeds; peak memory {run.PeakWorkingSetBytes / (1024 * 1024)} MB"));
        }));
        return cmd;
    }

    /// <summary>Progress as readable lines on a terminal; one JSON object a line (time, event, feed, url, detail) otherwise.</summary>
    private static Action<WorkerEvent> Logger()
    {
        var gate = new object();
        if (!Console.IsErrorRedirected)
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            int done = 0, failed = 0;
            return e =>
            {
                lock (gate)
                {
                    if (e.Event is "ingested" or "duplicate") done++;
                    if (e.Event is "item-error" or "feed-error") failed++;
                    var mark = e.Event switch { "ingested" => "[green]✓[/]", "duplicate" => "[grey]=[/]", "item-error" or "feed-error" => "[red]✗[/]", _ => "[blue]•[/]" };
                    console.MarkupLine($"{mark} [grey]{done} read, {failed} failed[/] {Markup.Escape(e.Event)} {Markup.Escape(e.Url ?? "")} {Markup.Escape(e.Detail ?? "")}");
                }
            };
        }
        return e =>
        {
            var line = JsonSerializer.Serialize(new { time = DateTimeOffset.UtcNow, @event = e.Event, feed = e.Feed, url = e.Url, detail = e.Detail, article = e.Article, claims = e.Claims });
            lock (gate) Console.Error.WriteLine(line);
        };
    }

    /// <summary><c>plenary accept-confirmations</c>: accepts, in one action, the proposed claims that only confirm accepted facts.</summary>
    public static Command AcceptConfirmations()
    {
        var note = new Option<string?>("--note") { Description = "Why (kept in the review history)" };
        var cmd = new Command("accept-confirmations", "Accept every proposed claim that only confirms an accepted fact by a further source (nothing that changes a standing)") { note };
        cmd.SetAction(r =>
        {
            using var store = RegistryOpener.Open(r);
            var ids = new Desk(store).AcceptConfirmations(RegistryOpener.Editor, r.GetValue(note));
            Output.Line(ids.Count == 0 ? "no proposed claim confirms an accepted fact; nothing accepted" : $"accepted {ids.Count} confirmations: {string.Join(", ", ids)}");
            return 0;
        });
        return cmd;
    }

    /// <summary><c>plenary review-changes</c>: the review queue grouped by what accepting would change.</summary>
    public static Command ReviewByChange()
    {
        return new Reading(knownAt: false).Command("review-changes", "The review queue grouped by what accepting would change: new standings, new meetings, other changes, confirmations", [], (r, registry) =>
        {
            var views = new Plenary.Store.Queries.RegistryQueries.ViewCache(registry.Store);
            var groups = new Desk(registry.Store).QueueByChange();
            if (registry.Json)
            {
                Output.Json(new { groups = groups.Select(g => new { change = ReviewGroups.WireName(g.Kind), count = g.Claims.Count, claims = g.Claims.Select(views.Of).ToList() }).ToList() });
                return 0;
            }
            if (groups.Count == 0) Output.Line("nothing waits for review");
            foreach (var g in groups)
                Output.Table($"{ReviewGroups.WireName(g.Kind)} ({g.Claims.Count})", ["claim", "says", "article"],
                    g.Claims.Select(views.Of).Select(c => (IReadOnlyList<string?>)[c.Id, c.Says, c.Source.Id]));
            return 0;
        });
    }

    private static int Run(Action action)
    {
        try
        {
            action();
            return 0;
        }
        catch (Exception e) when (e is FeedInputException or FeedExistsException or WorkerLeaseHeldException or KeyNotFoundException)
        {
            throw new UsageException(e.Message);
        }
    }

    private static string Interval(TimeSpan t) =>
        t.TotalDays >= 1 && t.TotalDays % 1 == 0 ? $"{t.TotalDays:0}d"
        : t.TotalHours >= 1 && t.TotalHours % 1 == 0 ? $"{t.TotalHours:0}h"
        : t.TotalMinutes >= 1 && t.TotalMinutes % 1 == 0 ? $"{t.TotalMinutes:0}m" : $"{t.TotalSeconds:0}s";

    /// <summary>"0", "250ms", "2s", "5m", "1h".</summary>
    private static TimeSpan Duration(string text, string option, TimeSpan min)
    {
        var t = text.Trim().ToLowerInvariant();
        TimeSpan? value = t == "0" ? TimeSpan.Zero : null;
        foreach (var (suffix, unit) in new[] { ("ms", 0.001), ("s", 1.0), ("m", 60.0), ("h", 3600.0) })
        {
            if (value is not null || !t.EndsWith(suffix, StringComparison.Ordinal)) continue;
            if (double.TryParse(t[..^suffix.Length], NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n >= 0 && n < 1e7)
                value = TimeSpan.FromSeconds(n * unit);
        }
        if (value is null) throw new UsageException($"{option}: '{text}' is not a duration: expected a number and ms, s, m or h (e.g. 30s)");
        if (value < min) throw new UsageException($"{option}: '{text}' is too short: at least {min.TotalSeconds:0.###} s");
        return value.Value;
    }
}
