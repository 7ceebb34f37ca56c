using System.Text.Json;
using System.Text.RegularExpressions;
using Plenary.Core.Articles;
using Plenary.Core.Claims;
using Plenary.Core.Ids;
using Plenary.Core.Json;
using Plenary.Core.Time;
using Plenary.Editorial;
using Plenary.Store.Accounts;
using Plenary.Store.Curated;
using Plenary.Store.Queries;
using Plenary.Tests;

namespace Plenary.Store.Tests;

/// <summary>What every engine must do alike: accounts and sessions, search, concurrent writers, the change signal, the same answers.</summary>
public class EngineTests
{
    private static RegistryStore OpenMini(TempFolder t, string engine, string name = "r.db")
    {
        var data = MiniRegistry.Create(t);
        return RegistryStore.Open(TestEngines.Engine(engine, t.File(name)), seed: s => CuratedSeeding.Seed(s, data));
    }

    [SkippableTheory]
    [MemberData(nameof(TestEngines.Both), MemberType = typeof(TestEngines))]
    public void Accounts_keys_and_sessions_are_kept_and_ended(string engine)
    {
        using var t = new TempFolder();
        using var store = OpenMini(t, engine);
        var accounts = new AccountStore(store);
        var a = accounts.Add("Ana", AccountRole.Editor, "hash", "keyhash", "pk_1", "admin");
        Assert.Throws<AccountExistsException>(() => accounts.Add("ana", AccountRole.Reader, null, "other", "pk_2", "admin"));
        Assert.Equal(a.Id, accounts.FindByKeyHash("keyhash")!.Id);
        Assert.Equal("Ana", accounts.FindByName("ANA")!.Name);
        accounts.StartSession(a.Id, "s1");
        Assert.NotNull(accounts.FindSession("s1"));
        Assert.True(accounts.SetDisabled("Ana", true, "admin"));
        Assert.Null(accounts.FindSession("s1"));
        Assert.True(accounts.FindByKeyHash("keyhash")!.Disabled);
        Assert.True(accounts.SetDisabled("Ana", false, "admin"));
        Assert.False(accounts.FindByKeyHash("keyhash")!.Disabled);
        Assert.Contains(store.AuditLog(), e => e.Action == "user-disable" && e.Subject == "user/Ana");
    }

    [SkippableTheory]
    [MemberData(nameof(TestEngines.Both), MemberType = typeof(TestEngines))]
    public void Search_finds_names_by_prefix_and_ranks_names_first(string engine)
    {
        using var t = new TempFolder();
        using var store = OpenMini(t, engine);
        var (hits, total) = store.Search("armen", 0, 10);
        Assert.True(total >= 1);
        Assert.Equal(("state", "ARM"), (hits[0].Kind, hits[0].Id));
        Assert.Empty(store.Search("zzzqqq", 0, 10).Hits);
        Assert.Equal(0, store.Search("\" OR 1=1 --", 0, 10).Total);
    }

    [SkippableTheory]
    [MemberData(nameof(TestEngines.Both), MemberType = typeof(TestEngines))]
    public void Eight_concurrent_ingesters_record_each_article_once_and_lose_no_claim(string engine)
    {
        using var t = new TempFolder();
        using (OpenMini(t, engine)) { }
        var texts = Enumerable.Range(0, 6).Select(i =>
            $"Armenia froze its participation in the CSTO, Prime Minister said on day {i}. Russia remained a member of the CSTO.").ToList();
        var errors = new List<Exception>();
        var threads = Enumerable.Range(0, 8).Select(w => new Thread(() =>
        {
            try
            {
                // Each ingester a store (a process) of its own, on the same registry.
                using var store = RegistryStore.Open(TestEngines.Engine(engine, t.File("r.db")));
                var desk = new Desk(store);
                foreach (var (text, i) in texts.Select((x, i) => (x, i))) desk.Ingest(new Article($"a{i}", text), $"w{w}");
            }
            catch (Exception e) { lock (errors) errors.Add(e); }
        })).ToList();
        threads.ForEach(x => x.Start());
        threads.ForEach(x => x.Join());
        Assert.Empty(errors);
        using var check = RegistryStore.Open(TestEngines.Engine(engine, t.File("r.db")));
        Assert.Equal(texts.Count, check.Articles().Count);
        var expected = texts.Select((x, i) => new Desk(check).Ingest(new Article($"a{i}", x), "check")).ToList();
        Assert.All(expected, r => Assert.False(r.NewArticle));
        var claims = check.Claims(new ClaimFilter { Review = null }).Where(c => c.SourceId.StartsWith('a')).ToList();
        Assert.Equal(claims.Count, claims.Select(c => c.Id).Distinct().Count());
        Assert.Equal(expected.Sum(r => r.Claims.Count), claims.Count);
        Assert.Equal(texts.Count, check.AuditLog(1000).Count(e => e.Action == "ingest"));
    }

    [SkippableTheory]
    [MemberData(nameof(TestEngines.Both), MemberType = typeof(TestEngines))]
    public void A_write_by_another_store_is_signalled_to_a_watcher(string engine)
    {
        using var t = new TempFolder();
        using var one = OpenMini(t, engine);
        using var watch = one.Engine.WatchChanges();
        var before = watch.Version;
        using var other = RegistryStore.Open(TestEngines.Engine(engine, t.File("r.db")));
        other.SetMeta("touched", "yes");
        // LISTEN/NOTIFY arrives asynchronously, within moments; data_version at once.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (watch.Version == before && DateTime.UtcNow < deadline) Thread.Sleep(5);
        Assert.NotEqual(before, watch.Version);
        Assert.Equal("yes", one.GetMeta("touched"));
    }

    /// <summary>The founding query answers alike on both engines (apart from when each registry recorded its claims).</summary>
    [SkippableFact]
    public void The_founding_query_answers_the_same_on_both_engines()
    {
        using var t = new TempFolder();
        string Answer(string engine)
        {
            using var store = OpenMini(t, engine, engine + ".db");
            var report = new RegistryQueries(store).Status(StateId.Parse("ARM"), OrgId.Parse("csto"), EdtfDate.Parse("2024-11-28").Start);
            return Regex.Replace(JsonSerializer.Serialize(report, DomainJson.Indented), "\"recorded_at\": \"[^\"]*\"", "\"recorded_at\": \"…\"");
        }
        var sqlite = Answer("sqlite");
        Assert.Equal(sqlite, Answer("postgres"));
    }
}
