using Microsoft.Data.Sqlite;
using Plenary.Core.Articles;
using Plenary.Core.Claims;
using Plenary.Core.Ids;
using Plenary.Core.Time;
using Plenary.Store;
using Plenary.Store.Curated;
using Plenary.Store.Queries;

namespace Plenary.Editorial.Tests;

/// <summary>The desk against a real registry file made from the shipped curated data.</summary>
public sealed class DeskTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("plenary-desk-").FullName;
    private RegistryStore? _opened;

    /// <summary>The registry of the engine the test runs on, made on first use (a PostgreSQL case skips there without a server).</summary>
    private string _engine = "sqlite";

    // Curated data only: the seed article is the thing under test here.
    private RegistryStore _store => _opened ??= RegistryStore.Open(Plenary.Tests.TestEngines.Engine(_engine, Path.Combine(_dir, "r.db")), seed: s => CuratedSeeding.Seed(s));

    public void Dispose()
    {
        _opened?.Dispose();
        SqliteConnection.ClearAllPools();
        Plenary.Tests.TestEngines.DropUnder(_dir);
        Directory.Delete(_dir, true);
    }

    private const string Text = "Kyrgyzstan’s Foreign Ministry announced on Monday that Kyrgyzstan has frozen its participation in the Collective Security Treaty Organization.";

    private static Article News(string text = Text) => new("kgz-test", text, new DateOnly(2030, 3, 6), Outlet: "test");

    [SkippableTheory]
    [MemberData(nameof(Plenary.Tests.TestEngines.Both), MemberType = typeof(Plenary.Tests.TestEngines))]
    public void Ingesting_the_same_article_twice_changes_nothing(string engine)
    {
        _engine = engine;
        var desk = new Desk(_store);
        var first = desk.Ingest(News(), "editor-a");
        var claimsAfterFirst = _store.Claims(new ClaimFilter { Review = null }).Count;
        var auditAfterFirst = _store.AuditLog(10_000).Count;
        var second = desk.Ingest(News() with { Id = "renamed" }, "editor-b");
        Assert.True(first.NewArticle);
        Assert.False(second.NewArticle);
        Assert.Equal(first.ArticleId, second.ArticleId);
        Assert.Equal(0, second.Added);
        Assert.Equal(claimsAfterFirst, _store.Claims(new ClaimFilter { Review = null }).Count);
        Assert.Equal(auditAfterFirst, _store.AuditLog(10_000).Count);
    }

    [SkippableTheory]
    [MemberData(nameof(Plenary.Tests.TestEngines.Both), MemberType = typeof(Plenary.Tests.TestEngines))]
    public void Proposed_claims_change_nothing_until_accepted(string engine)
    {
        _engine = engine;
        var desk = new Desk(_store);
        var q = new RegistryQueries(_store);
        var kgz = StateId.Parse("KGZ");
        var csto = OrgId.Parse("csto");
        var on = new DateOnly(2030, 3, 6);
        var result = desk.Ingest(News(), "editor");
        var frozen = result.Claims.Where(c => c.Fact is MembershipFact { Status: Standing.ParticipationFrozen }).ToList();
        Assert.NotEmpty(frozen);
        Assert.All(result.Claims, c => Assert.Equal(ReviewState.Proposed, c.Review));
        Assert.All(result.Claims, c => Assert.All(c.Evidence, e => Assert.True(e.FitsIn(Text.Length))));
        Assert.Equal(Standing.Member, q.Status(kgz, csto, on).Standing);
        Assert.Contains(desk.Queue(), c => c.Id == frozen[0].Id);

        desk.Accept(frozen.Select(c => c.Id).ToList(), "editor");
        var status = q.Status(kgz, csto, on);
        Assert.Equal(Standing.ParticipationFrozen, status.Standing);
        Assert.Contains(status.Claims, c => c.Source.Id == result.ArticleId && c.Evidence.Any(e => e.Text!.Contains("frozen", StringComparison.Ordinal)));
        Assert.DoesNotContain(desk.Queue(), c => c.Id == frozen[0].Id);
    }

    [SkippableTheory]
    [MemberData(nameof(Plenary.Tests.TestEngines.Both), MemberType = typeof(Plenary.Tests.TestEngines))]
    public void A_correction_is_a_new_claim_and_the_original_stays_readable(string engine)
    {
        _engine = engine;
        var desk = new Desk(_store);
        var result = desk.Ingest(News(), "editor");
        var original = result.Claims.First(c => c.Fact is MembershipFact);
        var corrected = ((MembershipFact)original.Fact) with { Status = Standing.Suspended, Date = EdtfDate.Parse("2030-03-02") };
        var fixedClaim = desk.Correct(original.Id, corrected, "editor", "the CSTO suspended it");
        Assert.Equal(original.Id, fixedClaim.Corrects);
        Assert.Equal(ReviewState.Rejected, _store.FindClaim(original.Id)!.Review);
        Assert.Equal(ReviewState.Accepted, _store.FindClaim(fixedClaim.Id)!.Review);
        Assert.Equal(corrected, _store.FindClaim(fixedClaim.Id)!.Fact);
        Assert.Equal(original.Fact, _store.FindClaim(original.Id)!.Fact);
        Assert.Contains(_store.AuditLog(5), a => a.Action == "correct" && a.Actor == "editor");
        Assert.Throws<ArgumentException>(() => desk.Correct(original.Id, new ChairFact(OrgId.Parse("csto"), null, StateId.Parse("KGZ"), null, null, ChairScope.Term), "editor"));
    }

    [SkippableTheory]
    [MemberData(nameof(Plenary.Tests.TestEngines.Both), MemberType = typeof(Plenary.Tests.TestEngines))]
    public void A_batch_with_an_unknown_id_decides_nothing(string engine)
    {
        _engine = engine;
        var desk = new Desk(_store);
        var result = desk.Ingest(News(), "editor");
        Assert.Throws<UnknownClaimException>(() => desk.Accept([result.Claims[0].Id, "c-unknown"], "editor"));
        Assert.Equal(ReviewState.Proposed, _store.FindClaim(result.Claims[0].Id)!.Review);
    }

    [SkippableTheory]
    [MemberData(nameof(Plenary.Tests.TestEngines.Both), MemberType = typeof(Plenary.Tests.TestEngines))]
    public void Accepting_twice_is_refused_and_records_one_decision(string engine)
    {
        _engine = engine;
        var desk = new Desk(_store);
        var id = desk.Ingest(News(), "editor").Claims[0].Id;
        desk.Accept([id], "editor");
        var e = Assert.Throws<AlreadyDecidedException>(() => desk.Accept([id], "editor"));
        Assert.Contains("already accepted", e.Message);
        Assert.Single(_store.AuditLog(1000), a => a.Action == "accept" && a.Subject == $"claim/{id}");
        desk.Reject([id], "editor", "on second thought");
        Assert.Equal(ReviewState.Rejected, _store.FindClaim(id)!.Review);
    }

    [SkippableTheory]
    [MemberData(nameof(Plenary.Tests.TestEngines.Both), MemberType = typeof(Plenary.Tests.TestEngines))]
    public void The_seed_article_is_read_and_accepted_once(string engine)
    {
        _engine = engine;
        var first = SeedArticle.Ingest(_store);
        Assert.True(first.NewArticle);
        Assert.NotEmpty(first.Claims);
        Assert.All(first.Claims, c => Assert.Equal(ReviewState.Accepted, _store.FindClaim(c.Id)!.Review));
        var again = SeedArticle.Ingest(_store);
        Assert.False(again.NewArticle);
        var status = new RegistryQueries(_store).Status(StateId.Parse("ARM"), OrgId.Parse("csto"), new DateOnly(2024, 11, 28));
        Assert.Equal(Standing.ParticipationFrozen, status.Standing);
        Assert.Contains(status.Claims, c => c.Source.Id == "seed-article");
    }
}
