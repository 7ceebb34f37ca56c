using PlenaryCli = global::Plenary.Cli.Tests.Plenary;
using System.Diagnostics;
using System.Text.Json;
using Plenary.Store;
using Plenary.Store.Records;
using Plenary.Tests;

namespace Plenary.Feeds.Tests;

/// <summary>
/// The issue's acceptance, through the real program: a local server serving an RSS feed of three corpus article pages;
/// two workers sharing one PostgreSQL queue; a worker killed with SIGKILL mid-run; the hostile fixtures.
/// </summary>
public class AcceptanceTests
{
    private static string[] Fast => ["--host-interval", "0", "--format", "json"];

    [SkippableTheory]
    [MemberData(nameof(TestEngines.Both), MemberType = typeof(TestEngines))]
    public async Task Feeds_add_then_worker_once_ingests_three_articles_and_a_second_run_adds_nothing(string engine)
    {
        var corpus = Corpus.Load();
        await using var server = await FixtureServer.Start(corpus);
        using var t = new TempFolder();
        var db = NewRegistry(TestEngines.Address(engine, t.File("r.db")));

        var add = PlenaryCli.Run("feeds", "add", $"{server.Url}/rss.xml", "--name", "Fixture news", "--db", db);
        Assert.True(add.ExitCode == 0, add.Err);

        var first = PlenaryCli.Run(["worker", "--once", .. Fast, "--db", db]);
        Assert.True(first.ExitCode == 0, first.Err);
        Assert.Equal(3, first.Json.GetProperty("ingested").GetInt32());
        Assert.True(first.Json.GetProperty("claims_proposed").GetInt32() > 0, first.Out);
        // The peer of the hostile run's figure: a worker reading three ordinary pages.
        File.AppendAllText(Path.Combine(AppContext.BaseDirectory, "worker-memory.txt"), $"{engine}\tthree pages\t{first.Json.GetProperty("peak_working_set_bytes").GetInt64()}\n");
        // Not a terminal: one JSON object a line on stderr.
        Assert.All(first.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => JsonDocument.Parse(l).Dispose());
        Assert.Equal(3, first.Err.Split('\n').Count(l => l.Contains("\"event\":\"ingested\"", StringComparison.Ordinal)));
        foreach (var a in corpus.Take(3))
        {
            Assert.Equal(1, server.HitsOn($"/articles/{a.Id}.html"));
            Assert.StartsWith("PlenaryBot/", server.UserAgents[$"/articles/{a.Id}.html"], StringComparison.Ordinal);
        }

        var review = PlenaryCli.Run("review", "--format", "json", "--db", db);
        var proposed = review.Json.GetProperty("claims").EnumerateArray().Select(c => c.GetProperty("source").GetProperty("id").GetString()).ToList();
        Assert.Equal(3, proposed.Where(s => s!.StartsWith("127.0.0.1-articles-", StringComparison.Ordinal)).Distinct().Count());

        var second = PlenaryCli.Run(["worker", "--once", .. Fast, "--db", db]);
        Assert.True(second.ExitCode == 0, second.Err);
        Assert.Equal(0, second.Json.GetProperty("ingested").GetInt32());
        Assert.Equal(0, second.Json.GetProperty("items_found").GetInt32());
        Assert.All(corpus.Take(3), a => Assert.Equal(1, server.HitsOn($"/articles/{a.Id}.html")));

        var list = PlenaryCli.Run("feeds", "list", "--format", "json", "--db", db);
        var feed = Assert.Single(list.Json.GetProperty("feeds").EnumerateArray());
        Assert.Equal("healthy", feed.GetProperty("health").GetString());
        Assert.Equal(3, feed.GetProperty("articles").GetInt32());
        Assert.Equal(0, feed.GetProperty("failed").GetInt32());
        var table = PlenaryCli.Run("feeds", "list", "--db", db);
        Assert.Contains("healthy", table.Out, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Two_workers_on_one_postgresql_read_each_of_a_hundred_items_exactly_once()
    {
        Skip.If(TestEngines.Server is null, $"PostgreSQL case skipped: ${TestEngines.Variable} is not set");
        var corpus = Corpus.Load();
        await using var server = await FixtureServer.Start(corpus);
        server.PageDelay = TimeSpan.FromMilliseconds(40);
        using var t = new TempFolder();
        var db = NewRegistry(TestEngines.Address("postgres", t.File("r.db")));
        Assert.Equal(0, PlenaryCli.Run("feeds", "add", $"{server.Url}/many.xml?n=100", "--name", "wire", "--db", db).ExitCode);
        // The feed is polled first, so both workers find the hundred items queued and share them.
        using (var store = RegistryStore.Open(TestEngines.Engine("postgres", t.File("r.db"))))
        using (var poller = new FeedWorker(store, new WorkerOptions { Once = true, Fetch = new FetchOptions { HostInterval = TimeSpan.Zero } }))
            await poller.PollDueFeeds(CancellationToken.None);

        using var a = PlenaryProcess.Start(["worker", "--once", .. Fast, "--db", db]);
        using var b = PlenaryProcess.Start(["worker", "--once", .. Fast, "--db", db]);
        var ra = PlenaryProcess.Wait(a, "worker a");
        var rb = PlenaryProcess.Wait(b, "worker b");
        Assert.True(ra.ExitCode == 0, ra.Err);
        Assert.True(rb.ExitCode == 0, rb.Err);
        int ia = ra.Json.GetProperty("ingested").GetInt32(), ib = rb.Json.GetProperty("ingested").GetInt32();
        Assert.Equal(100, ia + ib);
        Assert.True(ia > 0 && ib > 0, $"both workers should have read items: {ia} and {ib}");
        for (int i = 1; i <= 100; i++) Assert.Equal(1, server.HitsOn($"/p/{i}.html"));

        using var check = RegistryStore.Open(TestEngines.Engine("postgres", t.File("r.db")));
        var records = new FeedRecords(check.Engine, check.Audit);
        var items = records.Items(records.List().Single().Feed.Id);
        Assert.Equal(100, items.Count);
        Assert.All(items, i => Assert.Equal(("ingested", 1), (i.Status, i.Attempts)));
        Assert.Equal(100, items.Select(i => i.ArticleId).Distinct().Count());
    }

    [SkippableTheory]
    [MemberData(nameof(TestEngines.Both), MemberType = typeof(TestEngines))]
    public async Task A_worker_killed_with_sigkill_mid_run_loses_no_item(string engine)
    {
        var corpus = Corpus.Load();
        await using var server = await FixtureServer.Start(corpus);
        server.PageDelay = TimeSpan.FromMilliseconds(150);
        using var t = new TempFolder();
        var db = NewRegistry(TestEngines.Address(engine, t.File("r.db")));
        Assert.Equal(0, PlenaryCli.Run("feeds", "add", $"{server.Url}/many.xml?n=40", "--name", "wire", "--db", db).ExitCode);

        using var doomed = PlenaryProcess.Start(["worker", "--once", "--lease", "3s", .. Fast, "--db", db]);
        var started = Stopwatch.StartNew();
        while (server.Hits.Keys.Count(k => k.StartsWith("/p/", StringComparison.Ordinal)) < 8 && started.Elapsed < TimeSpan.FromMinutes(3) && !doomed.HasExited)
            await Task.Delay(20);
        Assert.False(doomed.HasExited, "the worker finished before it could be killed");
        doomed.Kill(); // SIGKILL: no clean-up runs
        doomed.WaitForExit();
        var readBeforeKill = server.Hits.Keys.Count(k => k.StartsWith("/p/", StringComparison.Ordinal));

        // Its lease (and, on SQLite, its worker lease) runs out; the next run takes over what it held.
        await Task.Delay(TimeSpan.FromSeconds(3.5));
        var next = PlenaryCli.Run(["worker", "--once", "--lease", "3s", .. Fast, "--db", db]);
        Assert.True(next.ExitCode == 0, next.Err);

        using var check = RegistryStore.Open(TestEngines.Engine(engine, t.File("r.db")));
        var records = new FeedRecords(check.Engine, check.Audit);
        var items = records.Items(records.List().Single().Feed.Id);
        Assert.Equal(40, items.Count);
        Assert.All(items, i => Assert.Equal("ingested", i.Status));
        Assert.Equal(40, items.Select(i => i.ArticleId).Distinct().Count());
        Assert.Equal(40, check.Articles().Count(a => a.Id.StartsWith("127.0.0.1-p-", StringComparison.Ordinal)));
        for (int i = 1; i <= 40; i++) Assert.InRange(server.HitsOn($"/p/{i}.html"), 1, 2);
        Assert.True(readBeforeKill >= 8);
    }

    [SkippableTheory]
    [MemberData(nameof(TestEngines.Both), MemberType = typeof(TestEngines))]
    public async Task Hostile_fixtures_each_failure_recorded_with_its_reason_and_memory_bounded(string engine)
    {
        var corpus = Corpus.Load();
        await using var server = await FixtureServer.Start(corpus);
        using var t = new TempFolder();
        var db = NewRegistry(TestEngines.Address(engine, t.File("r.db")));
        foreach (var (path, name) in new[] { ("/hostile.xml", "hostile"), ("/bad.xml", "malformed"), ("/changing.xml", "changing") })
            Assert.Equal(0, PlenaryCli.Run("feeds", "add", server.Url + path, "--name", name, "--db", db).ExitCode);

        var run = PlenaryCli.Run(["worker", "--once", "--timeout", "3s", .. Fast, "--db", db]);
        Assert.True(run.ExitCode == 0, run.Err);
        var peak = run.Json.GetProperty("peak_working_set_bytes").GetInt64();
        // The 1 GB page is abandoned at the 8 MiB cap: the worker's whole process stays far below it.
        Assert.True(peak < 400L * 1024 * 1024, $"peak working set {peak / (1024 * 1024)} MB");
        Console.WriteLine($"hostile run on {engine}: peak working set {peak / (1024 * 1024)} MB");
        File.AppendAllText(Path.Combine(AppContext.BaseDirectory, "worker-memory.txt"), $"{engine}\thostile (1 GB page, drip, loop…)\t{peak}\n");

        using var check = RegistryStore.Open(TestEngines.Engine(engine, t.File("r.db")));
        var records = new FeedRecords(check.Engine, check.Audit);
        var feeds = records.List().ToDictionary(f => f.Feed.Name);
        var hostile = records.Items(feeds["hostile"].Feed.Id).ToDictionary(i => new Uri(i.Url).AbsolutePath);
        Assert.Contains("larger than", hostile["/huge.html"].LastError);
        Assert.Equal("failed", hostile["/huge.html"].Status);
        Assert.Contains("no complete answer within 3 s", hostile["/drip.html"].LastError);
        Assert.Equal("queued", hostile["/drip.html"].Status); // a timeout is tried again later, with backoff
        Assert.Contains("redirect loop", hostile["/loop/a"].LastError);
        Assert.Contains("HTTP 404", hostile["/missing.html"].LastError);
        Assert.Contains("robots.txt", hostile["/private/secret.html"].LastError);
        Assert.Equal(0, server.HitsOn("/private/secret.html"));
        Assert.Contains("no article text could be extracted", hostile["/empty.html"].LastError);
        Assert.Equal("ingested", hostile[$"/articles/{corpus[0].Id}.html"].Status);
        Assert.Equal("degraded", feeds["hostile"].Health);

        Assert.Equal("failing", feeds["malformed"].Health);
        Assert.Contains("not well-formed XML (line 1", feeds["malformed"].Feed.LastError);

        // The feed that changes its items' ids on every request: polled again, it adds nothing.
        Assert.Equal(2, feeds["changing"].Items);
        records.SetPaused(feeds["changing"].Feed.Id, false, "test"); // due again now
        var again = PlenaryCli.Run(["worker", "--once", "--timeout", "3s", .. Fast, "--db", db]);
        Assert.True(again.ExitCode == 0, again.Err);
        Assert.Equal(0, again.Json.GetProperty("items_found").GetInt32());
        Assert.Equal(2, server.HitsOn("/changing.xml"));
        Assert.Equal(2, records.List().Single(f => f.Feed.Name == "changing").Items);
    }

    [Fact]
    public void A_second_worker_on_a_registry_file_is_told_clearly_and_stops()
    {
        using var t = new TempFolder();
        var db = NewRegistry(t.File("r.db"));
        Assert.Equal(0, PlenaryCli.Run("init", "--db", db).ExitCode);
        using (var store = RegistryStore.Open(TestEngines.Engine("sqlite", db)))
            new FeedRecords(store.Engine, store.Audit).HoldWorkerLease(FeedRecords.WorkerLease, "elsewhere:42:abc", DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5));
        var second = PlenaryCli.Run("worker", "--once", "--db", db);
        Assert.Equal(2, second.ExitCode);
        Assert.Contains("another worker (elsewhere:42:abc)", second.Err);
        Assert.Contains("one worker at a time", second.Err);
        Assert.DoesNotContain("   at ", second.Err);
    }

    /// <summary>A registry made as a user makes one elsewhere than the default place: <c>plenary init --db</c>.</summary>
    private static string NewRegistry(string db)
    {
        var init = PlenaryCli.Run("init", "--db", db);
        Assert.True(init.ExitCode == 0, init.Err);
        return db;
    }
}
