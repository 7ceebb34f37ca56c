using Plenary.Core.Claims;
using Plenary.Store;
using Plenary.Store.Curated;
using Plenary.Store.Records;
using Plenary.Tests;

namespace Plenary.Feeds.Tests;

/// <summary>The worker in the test process, against the fixture server, on both engines.</summary>
public class WorkerTests
{
    private static RegistryStore Open(TempFolder t, string engine) =>
        RegistryStore.Open(TestEngines.Engine(engine, t.File("r.db")), seed: s => CuratedSeeding.Seed(s));

    private static WorkerOptions Once => new() { Once = true, Fetch = new FetchOptions { HostInterval = TimeSpan.Zero, Timeout = TimeSpan.FromSeconds(10) } };

    [SkippableTheory]
    [MemberData(nameof(TestEngines.Both), MemberType = typeof(TestEngines))]
    public async Task Atom_and_json_feeds_are_read_and_an_unchanged_rss_feed_costs_a_304(string engine)
    {
        var corpus = Corpus.Load();
        await using var server = await FixtureServer.Start(corpus);
        using var t = new TempFolder();
        using var store = Open(t, engine);
        var subs = new FeedSubscriptions(store);
        subs.Add($"{server.Url}/atom.xml?a={corpus[3].Id},{corpus[4].Id}", "atom", null, "editor-e");
        subs.Add($"{server.Url}/feed.json?a={corpus[5].Id},{corpus[3].Id}", "json", null, "editor-e");
        var rss = subs.Add($"{server.Url}/rss.xml?a={corpus[6].Id}", "rss", null, "editor-e");
        var events = new List<WorkerEvent>();
        WorkerRun run;
        using (var worker = new FeedWorker(store, Once, events.Add)) run = await worker.RunAsync();

        // corpus[3] is in two feeds: one item (its URL), read once.
        Assert.Equal((3, 4, 4, 0, 0), (run.FeedsPolled, run.ItemsFound, run.Ingested, run.Duplicates, run.Failed));
        Assert.Equal(1, server.HitsOn($"/articles/{corpus[3].Id}.html"));
        var article = store.Articles().Single(a => a.Url == $"{server.Url}/articles/{corpus[6].Id}.html");
        Assert.Equal(corpus[6].Published, article.Published);
        Assert.Equal(corpus[6].Title, article.Title);
        Assert.All(store.Claims(new ClaimFilter { SourceId = article.Id, Review = null }), c => Assert.Equal(ReviewState.Proposed, c.Review));
        Assert.All(subs.List(), f => Assert.Equal("healthy", f.Health));

        subs.Resume("rss", "editor-e"); // due again now
        using (var worker = new FeedWorker(store, Once)) run = await worker.RunAsync();
        Assert.Equal((1, 0, 0), (run.FeedsPolled, run.ItemsFound, run.Ingested));
        Assert.Equal("not-modified", subs.Get("rss").LastStatus);
        Assert.Contains(store.AuditLog(), e => e.Action == "feed-add" && e.Actor == "editor-e" && e.Subject == $"feed/{rss.Id}");
    }

    [SkippableTheory]
    [MemberData(nameof(TestEngines.Both), MemberType = typeof(TestEngines))]
    public async Task Claims_wait_for_a_person_unless_an_editor_set_the_feeds_rule(string engine)
    {
        var corpus = Corpus.Load();
        await using var server = await FixtureServer.Start(corpus);
        using var t = new TempFolder();
        using var store = Open(t, engine);
        var subs = new FeedSubscriptions(store);
        subs.Add($"{server.Url}/rss.xml?a={corpus[1].Id}", "ruled", null, "editor-e");
        subs.SetAutoAccept("ruled", "all", "editor-e");
        Assert.Equal("all", subs.Get("ruled").AutoAccept);
        Assert.Throws<FeedInputException>(() => subs.SetAutoAccept("ruled", "everything", "editor-e"));
        using (var worker = new FeedWorker(store, Once)) await worker.RunAsync();
        var article = store.Articles().Single(a => a.Url == $"{server.Url}/articles/{corpus[1].Id}.html");
        var claims = store.Claims(new ClaimFilter { SourceId = article.Id, Review = null });
        Assert.NotEmpty(claims);
        Assert.All(claims, c => Assert.Equal(ReviewState.Accepted, c.Review));
        Assert.Contains(store.AuditLog(1000), e => e.Action == "accept" && e.Actor == $"rule:feed/{subs.Get("ruled").Id}");
        Assert.Contains(store.AuditLog(1000), e => e.Action == "feed-rule" && e.Actor == "editor-e");
    }

    [SkippableTheory]
    [MemberData(nameof(TestEngines.Both), MemberType = typeof(TestEngines))]
    public void Feeds_are_added_paused_resumed_and_removed_with_clear_errors(string engine)
    {
        using var t = new TempFolder();
        using var store = RegistryStore.Open(TestEngines.Engine(engine, t.File("r.db")), empty: true);
        var subs = new FeedSubscriptions(store);
        var f = subs.Add("https://news.example/feed.xml", null, "1h", "editor-e");
        Assert.Equal(("news.example", TimeSpan.FromHours(1)), (f.Name, f.Every));
        Assert.Throws<FeedExistsException>(() => subs.Add("https://news.example/feed.xml", "again", null, "editor-e"));
        subs.Pause("news.example", "editor-e");
        Assert.Equal("paused", subs.List().Single().Health);
        Assert.Null(subs.Records.TakeDueFeed(DateTimeOffset.UtcNow.AddDays(1), TimeSpan.FromMinutes(1)));
        subs.Resume(f.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "editor-e");
        subs.Remove("https://news.example/feed.xml", "editor-e");
        Assert.Empty(subs.List());
        Assert.Contains("no feed 'news.example'", Assert.Throws<KeyNotFoundException>(() => subs.Pause("news.example", "editor-e")).Message);
        // Followed again: the same feed, its history kept.
        Assert.Equal(f.Id, subs.Add("https://news.example/feed.xml", null, null, "editor-e").Id);
        Assert.Equal(["feed-add", "feed-pause", "feed-resume", "feed-remove", "feed-add"],
            store.AuditLog().Where(e => e.Subject == $"feed/{f.Id}").OrderBy(e => e.Seq).Select(e => e.Action));
    }
}

/// <summary>A registry's feeds and items travel with <c>plenary db copy</c>, from one engine to the other.</summary>
public class FeedCopyTests
{
    [SkippableFact]
    public async Task Db_copy_carries_feeds_and_their_items_to_postgresql()
    {
        Skip.If(TestEngines.Server is null, $"PostgreSQL case skipped: ${TestEngines.Variable} is not set");
        var corpus = Corpus.Load();
        await using var server = await FixtureServer.Start(corpus);
        using var t = new TempFolder();
        var file = t.File("r.db");
        using (var store = RegistryStore.Open(TestEngines.Engine("sqlite", file), seed: s => CuratedSeeding.Seed(s)))
        {
            new FeedSubscriptions(store).Add($"{server.Url}/rss.xml?a={corpus[2].Id}", "copied", "1h", "editor-e");
            using var worker = new FeedWorker(store, new WorkerOptions { Once = true, Fetch = new FetchOptions { HostInterval = TimeSpan.Zero } });
            Assert.Equal(1, (await worker.RunAsync()).Ingested);
        }
        var target = TestEngines.Address("postgres", t.File("copy"));
        var copy = global::Plenary.Cli.Tests.Plenary.Run("db", "copy", "--from", file, "--to", target);
        Assert.True(copy.ExitCode == 0, copy.Err);
        using var copied = RegistryStore.Open(TestEngines.Engine("postgres", t.File("copy")));
        var subs = new FeedSubscriptions(copied);
        var feed = Assert.Single(subs.List());
        Assert.Equal(("copied", TimeSpan.FromHours(1), 1L, "healthy"), (feed.Feed.Name, feed.Feed.Every, feed.Ingested, feed.Health));
        Assert.Equal("ingested", Assert.Single(subs.Records.Items(feed.Feed.Id)).Status);
        // Ids go on after the copied ones.
        Assert.True(subs.Add("https://news.example/another.xml", null, null, "editor-e").Id > feed.Feed.Id);
    }
}
