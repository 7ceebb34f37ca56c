using System.Text.Json;
using Plenary.Core.Claims;
using Plenary.Core.Ids;
using Plenary.Core.Time;
using Plenary.Store.Records;

namespace Plenary.Store.Tests;

/// <summary>Reading claims back: the membership facts read from their bytes, and whole reads of many claims against pages.</summary>
public class ClaimReadingTests
{
    private static ClaimFact ByDocument(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return ClaimJson.ReadFact(doc.RootElement);
    }

    public static TheoryData<string> Facts => new()
    {
        ClaimJson.FactToJson(new MembershipFact(StateId.Parse("ARM"), OrgId.Parse("csto"), Standing.ParticipationFrozen, EdtfDate.Parse("2024-02"))),
        ClaimJson.FactToJson(new MembershipFact(StateId.Parse("ARM"), OrgId.Parse("csto"), Standing.Member, null, EdtfDate.Parse("2024-11-26"))),
        ClaimJson.FactToJson(new MembershipFact(StateId.Parse("MLI"), OrgId.Parse("ecowas"), Standing.WithdrawalAnnounced, EdtfDate.Parse("2024-01-28"), null, EdtfDate.Parse("2025-01-29"))),
        // as PostgreSQL's jsonb gives it back: its own key order, spaces
        """{"org": "csto", "date": "2023", "type": "membership", "as_of": null, "state": "ARM", "status": "observer"}""",
        // left to ClaimJson: another type, an escaped string, a field the fast reader does not know
        ClaimJson.FactToJson(new MeetingFact(OrgId.Parse("csto"), [], "Astana", StateId.Parse("KAZ"), EdtfDate.Parse("2024-11-28"), null, MeetingStatus.Held)),
        """{"type":"membership","state":"\u0041RM","org":"csto","status":"member","date":"2024","as_of":null}""",
        """{"type":"membership","state":"ARM","org":"csto","status":"member","date":"2024","as_of":null,"extra":1}""",
    };

    [Theory]
    [MemberData(nameof(Facts))]
    public void A_stored_fact_reads_back_as_ClaimJson_reads_it(string json) =>
        Assert.Equal(ByDocument(json), new StoredFacts().Read(json));

    [Fact]
    public void Only_the_shape_the_store_writes_is_read_from_the_bytes()
    {
        var facts = new StoredFacts();
        Assert.NotNull(facts.TryMembership(ClaimJson.FactToJson(new MembershipFact(StateId.Parse("ARM"), OrgId.Parse("csto"), Standing.Member, EdtfDate.Parse("2002")))));
        Assert.Null(facts.TryMembership("""{"type":"membership","state":"\u0041RM","org":"csto","status":"member"}"""));
        Assert.Null(facts.TryMembership("""{"type":"membership","state":"ARM","org":"csto"}"""));
        Assert.Null(facts.TryMembership("""{"type":"membership","state":"ARM","org":"csto","status":"member","date":"2024-13"}"""));
        Assert.Null(facts.TryMembership("""{"type":"membership","state":"ARM","org":"csto","status":"member"} x"""));
    }

    [Fact]
    public void A_wrong_stored_fact_names_the_field()
    {
        var e = Assert.Throws<FormatException>(() => new StoredFacts().Read("""{"type":"membership","state":"ARM","org":"csto","status":"member","date":"2024-13"}"""));
        Assert.Contains("date", e.Message);
    }

    [SkippableTheory]
    [MemberData(nameof(Plenary.Tests.TestEngines.Both), MemberType = typeof(Plenary.Tests.TestEngines))]
    public void A_whole_read_of_many_claims_in_parts_equals_the_pages(string engine)
    {
        using var t = new TempFolder();
        using var store = RegistryStore.Open(Plenary.Tests.TestEngines.Engine(engine, t.File("r.db")), empty: true);
        var start = DateTimeOffset.UtcNow;
        var states = new[] { "ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK" };
        Claim Make(int i, ReviewState review) => new()
        {
            Id = $"c{i:D6}",
            Fact = new MembershipFact(StateId.Parse(states[i % states.Length]), OrgId.Parse($"org-{i % 37}"), (Standing)(i % 14), EdtfDate.Parse($"{1900 + i % 120}")),
            SourceId = $"src-{i % 3}",
            Evidence = i % 5 == 0 ? [new Evidence(i % 40, i % 40 + 3)] : [],
            Modality = i % 7 == 0 ? Modality.Planned : Modality.Reported,
            Note = i % 2 == 0 ? $"note {i}" : null,
            Sequence = i,
            RecordedAt = start.AddSeconds(i / 500),
            RecordedBy = i % 2 == 0 ? "curated-data" : "cli:someone",
            Review = review,
        };
        store.AddClaims(Enumerable.Range(0, 1500).Select(i => Make(i, i % 10 == 0 ? ReviewState.Proposed : ReviewState.Accepted)).ToList());
        // Decided again later: some rejected, one accepted after being proposed.
        var decidedAt = start.AddHours(1);
        foreach (var i in new[] { 1, 2, 3, 777 }) store.Decide($"c{i:D6}", ReviewState.Rejected, "editor", at: decidedAt);
        store.Decide("c000010", ReviewState.Accepted, "editor", at: decidedAt);

        var records = new ClaimRecords(store.Engine) { ManyClaimsFrom = 100, ClaimsPerPart = 200 };
        foreach (var filter in new[]
        {
            new ClaimFilter(),
            new ClaimFilter { Review = null },
            new ClaimFilter { Review = ReviewState.Rejected },
            new ClaimFilter { Type = ClaimType.Membership, KnownAt = start.AddMinutes(30) },
            new ClaimFilter { Type = ClaimType.Membership, Review = ReviewState.Proposed, KnownAt = start.AddMinutes(30) },
        })
        {
            var whole = records.Read(filter);
            var paged = new List<Claim>();
            long? after = null;
            while (true)
            {
                var page = records.ReadPage(filter, after, 0, 97);
                paged.AddRange(page.Claims);
                if (!page.More) break;
                after = page.LastKey;
            }
            Assert.Equal(paged.Count, whole.Count);
            Assert.Equal(paged.Select(Wire), whole.Select(Wire));
        }
        Assert.Equal(4, records.Read(new ClaimFilter { Review = ReviewState.Rejected }).Count);
        Assert.Equal(ReviewState.Accepted, records.Read(new ClaimFilter { Review = null }).Single(c => c.Id == "c000010").Review);
        Assert.Equal(ReviewState.Proposed, records.Read(new ClaimFilter { Review = null, KnownAt = start.AddMinutes(30) }).Single(c => c.Id == "c000010").Review);
    }

    /// <summary>Everything a claim holds, in one comparable line.</summary>
    private static string Wire(Claim c) =>
        $"{c.Id}|{c.SourceId}|{ClaimJson.FactToJson(c.Fact)}|{string.Join(';', c.Evidence)}|{c.Modality}|{c.Note}|{c.Corrects}|{c.Sequence}|{c.RecordedAt:O}|{c.RecordedBy}|{c.Review}";
}
