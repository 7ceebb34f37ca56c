using Plenary.Core.Claims;
using Plenary.Core.Ids;
using Plenary.Core.Time;
using Plenary.Editorial;
using Plenary.Store;
using Plenary.Tests;

namespace Plenary.Feeds.Tests;

/// <summary>The desk groups its queue by what accepting would change, and accepts all confirmations in one action.</summary>
public class DeskGroupingTests
{
    private static readonly DateTimeOffset At = new(2030, 3, 9, 12, 0, 0, TimeSpan.Zero);

    private static Claim Proposed(string source, ClaimFact fact, ReviewState review = ReviewState.Proposed) => new()
    {
        Id = Claim.IdFor(source, fact, []), Fact = fact, SourceId = source, RecordedAt = At, RecordedBy = "test", Review = review,
    };

    private static MembershipFact Frozen(string date) =>
        new(StateId.Parse("KGZ"), OrgId.Parse("csto"), Standing.ParticipationFrozen, EdtfDate.Parse(date));

    [Fact]
    public void A_claim_saying_what_an_accepted_claim_says_is_a_confirmation_else_a_change_by_kind()
    {
        var accepted = new[] { Proposed("a1", Frozen("2030-03-04"), ReviewState.Accepted) };
        var meeting = new MeetingFact(OrgId.Parse("csto"), [], "Bishkek", StateId.Parse("KGZ"), EdtfDate.Parse("2030-04-02"), null, MeetingStatus.Scheduled);
        var asOf = new MembershipFact(StateId.Parse("KGZ"), OrgId.Parse("csto"), Standing.ParticipationFrozen, AsOf: EdtfDate.Parse("2030-03-09"));
        Assert.Equal(ChangeKind.Confirmation, ReviewGroups.Classify(Proposed("b", Frozen("2030-03-04")), accepted));
        Assert.Equal(ChangeKind.Confirmation, ReviewGroups.Classify(Proposed("b", asOf), accepted));
        Assert.Equal(ChangeKind.NewStanding, ReviewGroups.Classify(Proposed("b", Frozen("2030-03-05")), accepted));
        Assert.Equal(ChangeKind.NewStanding, ReviewGroups.Classify(Proposed("b", Frozen("2030-03-04") with { Status = Standing.Withdrawn }), accepted));
        Assert.Equal(ChangeKind.NewMeeting, ReviewGroups.Classify(Proposed("b", meeting), accepted));
        Assert.Equal(ChangeKind.Confirmation, ReviewGroups.Classify(Proposed("c", meeting), [Proposed("b", meeting, ReviewState.Accepted)]));
    }

    [SkippableTheory]
    [MemberData(nameof(TestEngines.Both), MemberType = typeof(TestEngines))]
    public void Accept_all_confirmations_accepts_only_confirmations_in_one_action(string engine)
    {
        using var t = new TempFolder();
        using var store = RegistryStore.Open(TestEngines.Engine(engine, t.File("r.db")), empty: true);
        var confirmation = Proposed("second-source", Frozen("2030-03-04"));
        var change = Proposed("second-source", Frozen("2030-03-04") with { Status = Standing.Withdrawn });
        var meeting = Proposed("second-source", new MeetingFact(OrgId.Parse("csto"), [], "Bishkek", null, EdtfDate.Parse("2030-04-02"), null, MeetingStatus.Scheduled));
        store.AddClaims([Proposed("first-source", Frozen("2030-03-04"), ReviewState.Accepted), confirmation, change, meeting]);
        var desk = new Desk(store);

        var groups = desk.QueueByChange();
        Assert.Equal([ChangeKind.NewStanding, ChangeKind.NewMeeting, ChangeKind.Confirmation], groups.Select(g => g.Kind));
        Assert.Equal(confirmation.Id, Assert.Single(groups[^1].Claims).Id);

        var accepted = desk.AcceptConfirmations("editor-e");
        Assert.Equal([confirmation.Id], accepted);
        Assert.Equal(ReviewState.Accepted, store.FindClaim(confirmation.Id)!.Review);
        Assert.Equal(ReviewState.Proposed, store.FindClaim(change.Id)!.Review);
        Assert.Equal(ReviewState.Proposed, store.FindClaim(meeting.Id)!.Review);
        Assert.Contains(store.AuditLog(), e => e.Action == "accept" && e.Subject == $"claim/{confirmation.Id}" && e.Actor == "editor-e");
        Assert.Empty(desk.AcceptConfirmations("editor-e"));
    }
}
