using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Plenary.Core.Articles;
using Plenary.Core.Claims;
using Plenary.Core.Standings;
using Plenary.Core.Ids;
using Plenary.Core.Time;
using Plenary.Store.Curated;
using Plenary.Store.Queries;

namespace Plenary.Store.Tests;

public class RegistryStoreTests
{
    private static RegistryStore OpenMini(TempFolder t, string engine, string name = "r.db")
    {
        var data = MiniRegistry.Create(t);
        return RegistryStore.Open(Plenary.Tests.TestEngines.Engine(engine, t.File(name)), seed: s => CuratedSeeding.Seed(s, data));
    }

    private static DateOnly D(string s) => EdtfDate.Parse(s).Start;

    [SkippableTheory]
    [MemberData(nameof(Plenary.Tests.TestEngines.Both), MemberType = typeof(Plenary.Tests.TestEngines))]
    public void A_creation_cut_short_after_the_schema_is_seeded_on_the_next_open(string engine)
    {
        using var t = new TempFolder();
        // What a process killed between the migrations and the first meta write leaves behind.
        using (var half = Plenary.Tests.TestEngines.Engine(engine, t.File("r.db"))) half.CreateOrMigrate();
        var data = MiniRegistry.Create(t);
        using var store = RegistryStore.Open(Plenary.Tests.TestEngines.Engine(engine, t.File("r.db")), seed: s => CuratedSeeding.Seed(s, data));
        Assert.True(store.Created);
        Assert.Equal(Standing.ParticipationFrozen, new RegistryQueries(store).Status(StateId.Parse("ARM"), OrgId.Parse("csto"), D("2024-11-28")).Standing);
    }

    [Fact]
    public void An_empty_sqlite_file_in_wal_mode_becomes_a_seeded_registry()
    {
        using var t = new TempFolder();
        var path = t.File("r.db");
        using (var c = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "PRAGMA journal_mode = WAL;";
            cmd.ExecuteNonQuery();
        }
        var data = MiniRegistry.Create(t);
        using var store = RegistryStore.Open(new Plenary.Store.Sqlite.SqliteEngine(path), seed: s => CuratedSeeding.Seed(s, data));
        Assert.True(store.Created);
        Assert.NotEmpty(store.Catalog.States);
    }

    [SkippableTheory]
    [MemberData(nameof(Plenary.Tests.TestEngines.Both), MemberType = typeof(Plenary.Tests.TestEngines))]
    public void A_new_registry_is_created_seeded_and_answers_standing_questions(string engine)
    {
        using var t = new TempFolder();
        using var store = OpenMini(t, engine);
        var q = new RegistryQueries(store);
        var status = q.Status(StateId.Parse("ARM"), OrgId.Parse("csto"), D("2024-11-28"));
        Assert.Equal(Standing.ParticipationFrozen, status.Standing);
        Assert.True(status.DeJureMember);
        Assert.False(status.Participating);
        Assert.Equal("2024-02", status.Since.ToString());
        Assert.Equal("Armenia has frozen participation in CSTO", Assert.Single(status.Claims).Source.Title);

        var members = q.Members(OrgId.Parse("csto"), D("2004-01-01"));
        Assert.Equal(["ARM", "KAZ", "RUS"], members.Members.Select(m => m.State.Value));
        Assert.Equal(["ARM", "KAZ", "RUS", "UZB"], q.Members(OrgId.Parse("csto"), D("2008-01-01")).Members.Select(m => m.State.Value));

        var meeting = Assert.Single(q.Attendance(OrgId.Parse("csto"), D("2024-01-01"), D("2024-12-31")).Meetings);
        Assert.Equal(AttendanceKind.Absent, meeting.Attendance[StateId.Parse("ARM")]);
        Assert.Equal(AttendanceKind.LowerLevel, meeting.Attendance[StateId.Parse("KAZ")]);
        Assert.Empty(q.Attendance(OrgId.Parse("csto"), D("2025-01-01"), null).Meetings);
    }

    [SkippableTheory]
    [MemberData(nameof(Plenary.Tests.TestEngines.Both), MemberType = typeof(Plenary.Tests.TestEngines))]
    public void Opening_again_changes_nothing(string engine)
    {
        using var t = new TempFolder();
        int claims, audit;
        using (var store = OpenMini(t, engine))
        {
            claims = store.Claims(new ClaimFilter { Review = null }).Count;
            audit = store.AuditLog(1000).Count;
        }
        using (var again = OpenMini(t, engine))
        {
            Assert.Equal(claims, again.Claims(new ClaimFilter { Review = null }).Count);
            Assert.Equal(audit, again.AuditLog(1000).Count);
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Plenary.Tests.TestEngines.Both), MemberType = typeof(Plenary.Tests.TestEngines))]
    public void Adding_the_same_claims_twice_adds_them_once(string engine)
    {
        using var t = new TempFolder();
        using var store = OpenMini(t, engine);
        var fact = new MembershipFact(StateId.Parse("RUS"), OrgId.Parse("csto"), Standing.Member, null, EdtfDate.Parse("2024-11-26"));
        var claim = new Claim { Id = Claim.IdFor("a1", fact, [new Evidence(0, 4)]), Fact = fact, SourceId = "a1", Evidence = [new Evidence(0, 4)], RecordedAt = DateTimeOffset.UtcNow, RecordedBy = "t" };
        Assert.Equal(1, store.AddClaims([claim]));
        Assert.Equal(0, store.AddClaims([claim, claim]));
        var read = store.FindClaim(claim.Id)!;
        Assert.Equal(fact, read.Fact);
        Assert.Equal(ReviewState.Proposed, read.Review);
        Assert.Equal([new Evidence(0, 4)], read.Evidence);
    }

    [SkippableTheory]
    [MemberData(nameof(Plenary.Tests.TestEngines.Both), MemberType = typeof(Plenary.Tests.TestEngines))]
    public void Claim_pages_by_key_meet_every_claim_once_while_claims_are_added(string engine)
    {
        using var t = new TempFolder();
        using var store = OpenMini(t, engine);
        int n = 0;
        Claim Next()
        {
            var fact = new MembershipFact(StateId.Parse("RUS"), OrgId.Parse("csto"), Standing.Member, null, EdtfDate.Parse($"20{10 + n % 15}-01-01"));
            var source = $"page{n++}";
            return new Claim { Id = Claim.IdFor(source, fact, []), Fact = fact, SourceId = source, RecordedAt = DateTimeOffset.UtcNow, RecordedBy = "t" };
        }
        store.AddClaims(Enumerable.Range(0, 20).Select(_ => Next()).ToList());
        var rejected = store.Claims(new ClaimFilter { Review = null }).Where(c => c.SourceId.StartsWith("page", StringComparison.Ordinal)).Take(3).ToList();
        foreach (var c in rejected) store.Decide(c.Id, ReviewState.Rejected, "editor");

        foreach (var filter in new[] { new ClaimFilter { Review = null }, new ClaimFilter { Review = ReviewState.Proposed }, new ClaimFilter { Review = ReviewState.Rejected } })
        {
            var seen = new List<string>();
            long? after = null;
            for (int pages = 0; ; pages++)
            {
                Assert.True(pages < 1000);
                var page = store.ClaimPage(filter, after, 0, 4);
                Assert.True(page.Claims.Count <= 4);
                seen.AddRange(page.Claims.Select(c => c.Id));
                if (!page.More) break;
                after = page.LastKey;
                store.AddClaims([Next()]);
            }
            // Claims added between pages come after the key: the walk ends with every claim the filter selects, each once.
            Assert.Equal(store.Claims(filter).Select(c => c.Id).ToList(), seen);
            Assert.Equal(seen.Count, store.ClaimCount(filter));
            // By offset, the same order.
            Assert.Equal(seen.Skip(2).Take(3).ToList(), store.ClaimPage(filter, null, 2, 3).Claims.Select(c => c.Id).ToList());
        }
        Assert.Equal(3, store.ClaimCount(new ClaimFilter { Review = ReviewState.Rejected }));
    }

    [SkippableTheory]
    [MemberData(nameof(Plenary.Tests.TestEngines.Both), MemberType = typeof(Plenary.Tests.TestEngines))]
    public void Known_at_reads_the_registry_as_it_was(string engine)
    {
        using var t = new TempFolder();
        using var store = OpenMini(t, engine);
        var seeded = DateTimeOffset.UtcNow;
        var later = seeded.AddDays(30);
        var fact = new MembershipFact(StateId.Parse("ARM"), OrgId.Parse("csto"), Standing.WithdrawalAnnounced, EdtfDate.Parse("2024-11-01"));
        var claim = new Claim { Id = Claim.IdFor("later", fact, []), Fact = fact, SourceId = "later", RecordedAt = later, RecordedBy = "t" };
        store.AddClaims([claim]);
        store.Decide(claim.Id, ReviewState.Accepted, "editor", at: later.AddDays(1));
        var q = new RegistryQueries(store);
        var armCsto = (StateId.Parse("ARM"), OrgId.Parse("csto"));
        Assert.Equal(Standing.WithdrawalAnnounced, q.Status(armCsto.Item1, armCsto.Item2, D("2024-11-28"), later.AddDays(2)).Standing);
        // Recorded but not yet accepted: the registry did not hold it.
        Assert.Equal(Standing.ParticipationFrozen, q.Status(armCsto.Item1, armCsto.Item2, D("2024-11-28"), later.AddHours(1)).Standing);
        Assert.Equal(Standing.ParticipationFrozen, q.Status(armCsto.Item1, armCsto.Item2, D("2024-11-28"), seeded.AddMinutes(1)).Standing);
        // Before the registry existed it knew nothing.
        Assert.Equal(Standing.Unknown, q.Status(armCsto.Item1, armCsto.Item2, D("2024-11-28"), seeded.AddYears(-1)).Standing);
        // The decision history is kept, with its audit entry.
        store.Decide(claim.Id, ReviewState.Rejected, "admin", "wrong", at: later.AddDays(3));
        Assert.Equal(ReviewState.Accepted, store.FindClaim(claim.Id, later.AddDays(2))!.Review);
        Assert.Equal(ReviewState.Rejected, store.FindClaim(claim.Id)!.Review);
        var audit = store.AuditLog(2);
        Assert.Equal("reject", audit[0].Action);
        Assert.Equal("admin", audit[0].Actor);
        Assert.Contains("accepted", audit[0].Before);
    }

    [SkippableTheory]
    [MemberData(nameof(Plenary.Tests.TestEngines.Both), MemberType = typeof(Plenary.Tests.TestEngines))]
    public void Deciding_an_unknown_claim_fails_and_writes_nothing(string engine)
    {
        using var t = new TempFolder();
        using var store = OpenMini(t, engine);
        var before = store.AuditLog(1000).Count;
        Assert.Throws<KeyNotFoundException>(() => store.Decide("c-nope", ReviewState.Accepted, "editor"));
        Assert.Equal(before, store.AuditLog(1000).Count);
    }

    [SkippableTheory]
    [MemberData(nameof(Plenary.Tests.TestEngines.Both), MemberType = typeof(Plenary.Tests.TestEngines))]
    public void Articles_are_stored_once_by_content(string engine)
    {
        using var t = new TempFolder();
        using var store = OpenMini(t, engine);
        var a = new Article("seed", "Armenia will not be represented.", new DateOnly(2024, 11, 27), Outlet: "news.am");
        var first = store.InTransaction(tx => store.AddArticle(tx, a, "editor", DateTimeOffset.UtcNow));
        var second = store.InTransaction(tx => store.AddArticle(tx, a with { Id = "other-name" }, "editor", DateTimeOffset.UtcNow));
        Assert.True(first.Added);
        Assert.False(second.Added);
        Assert.Equal("seed", second.Id);
        var other = store.InTransaction(tx => store.AddArticle(tx, a with { Text = "Different text." }, "editor", DateTimeOffset.UtcNow));
        Assert.NotEqual("seed", other.Id);
        Assert.Equal(a.Text, store.FindArticle("seed")!.Text);
    }

    [Fact]
    public void A_file_that_is_not_a_registry_is_refused_untouched()
    {
        using var t = new TempFolder();
        var text = t.Write("notes.db", "these are my notes, not a database");
        var hash = SHA256.HashData(File.ReadAllBytes(text));
        var e = Assert.Throws<StoreException>(() => RegistryStore.Open(new Plenary.Store.Sqlite.SqliteEngine(text)));
        Assert.Contains("not a Plenary registry", e.Message);
        Assert.Equal(hash, SHA256.HashData(File.ReadAllBytes(text)));

        var other = t.File("other.db");
        using (var c = new SqliteConnection($"Data Source={other};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "CREATE TABLE invoices(id INTEGER PRIMARY KEY, total REAL)";
            cmd.ExecuteNonQuery();
        }
        var otherHash = SHA256.HashData(File.ReadAllBytes(other));
        Assert.Contains("an SQLite database of something else", Assert.Throws<StoreException>(() => RegistryStore.Open(new Plenary.Store.Sqlite.SqliteEngine(other))).Message);
        Assert.Equal(otherHash, SHA256.HashData(File.ReadAllBytes(other)));
        Assert.False(File.Exists(other + "-wal"));
    }

    [Fact]
    public void A_registry_that_fails_to_seed_is_not_left_behind()
    {
        using var t = new TempFolder();
        var data = MiniRegistry.Create(t, csto: MiniRegistry.Csto.Replace("status: participation-frozen", "status: frozen"));
        var path = t.File("r.db");
        Assert.Throws<DataFileException>(() => RegistryStore.Open(new Plenary.Store.Sqlite.SqliteEngine(path), seed: s => CuratedSeeding.Seed(s, data)));
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void An_interrupted_seeding_of_an_existing_file_resumes_on_the_next_open()
    {
        using var t = new TempFolder();
        var data = MiniRegistry.Create(t);
        var path = t.File("r.db");
        using (var s = RegistryStore.Open(new Plenary.Store.Sqlite.SqliteEngine(path), empty: true)) s.SetMeta("contents", "seeding"); // as a crash after creation leaves it
        using var store = RegistryStore.Open(new Plenary.Store.Sqlite.SqliteEngine(path), seed: s => CuratedSeeding.Seed(s, data));
        Assert.Equal("seeded", store.GetMeta("contents"));
        Assert.NotEmpty(store.MembershipClaims());
    }

    [Fact]
    public void An_empty_registry_has_the_schema_and_no_data()
    {
        using var t = new TempFolder();
        using var store = RegistryStore.Open(new Plenary.Store.Sqlite.SqliteEngine(t.File("e.db")), empty: true, seed: _ => throw new InvalidOperationException("must not seed"));
        Assert.Empty(store.Catalog.States);
        Assert.Empty(store.Claims(new ClaimFilter { Review = null }));
        Assert.True(store.SchemaVersion >= 1);
    }

    [SkippableTheory]
    [MemberData(nameof(Plenary.Tests.TestEngines.Both), MemberType = typeof(Plenary.Tests.TestEngines))]
    public void Writes_are_all_or_nothing(string engine)
    {
        using var t = new TempFolder();
        using var store = OpenMini(t, engine);
        var before = store.Claims(new ClaimFilter { Review = null }).Count;
        var fact = new MembershipFact(StateId.Parse("RUS"), OrgId.Parse("csto"), Standing.Member, EdtfDate.Parse("2025"));
        var good = new Claim { Id = "c-good", Fact = fact, SourceId = "x", RecordedAt = DateTimeOffset.UtcNow, RecordedBy = "t" };
        Assert.ThrowsAny<Exception>(() => store.InTransaction(tx =>
        {
            store.AddClaims(tx, [good]);
            throw new IOException("crash in the middle of an import");
        }));
        Assert.Equal(before, store.Claims(new ClaimFilter { Review = null }).Count);
    }

    [Fact]
    public void Catalog_round_trips_through_the_store()
    {
        using var t = new TempFolder();
        var data = MiniRegistry.Create(t);
        using var store = RegistryStore.Open(new Plenary.Store.Sqlite.SqliteEngine(t.File("r.db")), seed: s => CuratedSeeding.Seed(s, data));
        var loaded = CuratedData.Load(data, DateTimeOffset.UtcNow).Catalog;
        Assert.Equal(loaded.States, store.Catalog.States, new JsonEquality<Core.Registry.State>());
        Assert.Equal(loaded.Organizations, store.Catalog.Organizations, new JsonEquality<Core.Registry.Organization>());
        Assert.Equal("Charter of the Collective Security Treaty Organization", store.Catalog.FindSource("csto-charter")!.Title);
    }

    private sealed class JsonEquality<T> : IEqualityComparer<T>
    {
        private static string J(T? x) => System.Text.Json.JsonSerializer.Serialize(x, Core.Json.DomainJson.Options);
        public bool Equals(T? x, T? y) => J(x) == J(y);
        public int GetHashCode(T obj) => J(obj).GetHashCode(StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_claim_the_answer_is_not_member_inside_coverage_and_unknown_outside_it_or_before_the_registry_knew_it()
    {
        using var t = new TempFolder();
        // The mini CSTO with a complete member list from its founding to 2019 only.
        var csto = MiniRegistry.Csto.Replace("headquarters: Moscow", "headquarters: Moscow\ncoverage:\n  - from: \"2002-10-07\"\n    until: \"2019-12-31\"\n    source: csto-charter");
        var data = MiniRegistry.Create(t, csto);
        using var store = RegistryStore.Open(new Plenary.Store.Sqlite.SqliteEngine(t.File("r.db")), seed: s => CuratedSeeding.Seed(s, data));
        var q = new RegistryQueries(store);
        var rus = StateId.Parse("RUS");
        var arm = StateId.Parse("ARM");
        var org = OrgId.Parse("csto");
        var kazBefore = q.Status(StateId.Parse("KAZ"), org, D("2001-01-01"));
        Assert.Equal(Standing.NotMember, kazBefore.Standing);
        Assert.Equal(StandingBasis.NotFounded, kazBefore.Basis);
        Assert.Equal(Standing.Member, q.Status(rus, org, D("2010-01-01")).Standing);
        // Uzbekistan's first fact is its joining in 2006: before it, inside the coverage, it was not a member.
        var none = q.Status(StateId.Parse("UZB"), org, D("2004-01-01"));
        Assert.Equal(Standing.NotMember, none.Standing);
        Assert.Equal(StandingBasis.CompleteList, none.Basis);
        Assert.True(none.Certain);
        Assert.True(q.Members(org, D("2004-01-01")).Complete);
        var after = q.Status(StateId.Parse("UZB"), org, D("2001-01-01").AddYears(20));
        Assert.Equal(Standing.Member, after.Standing); // Uzbekistan's rejoining (2006) is a claim: it speaks beyond the coverage
        Assert.False(q.Members(org, D("2024-11-28")).Complete);
        Assert.Equal(Standing.Unknown, q.Status(StateId.Parse("UZB"), org, D("2004-01-01"), DateTimeOffset.UtcNow.AddYears(-1)).Standing);
        Assert.Equal(Standing.ParticipationFrozen, q.Status(arm, org, D("2024-11-28")).Standing);
    }
}
