using Plenary.Core.Claims;

namespace Plenary.Editorial;

/// <summary>What accepting a proposed claim would change in the registry.</summary>
public enum ChangeKind
{
    /// <summary>A further source for a fact already accepted: accepting it changes no answer, only adds a source.</summary>
    Confirmation,
    /// <summary>A membership standing the registry does not hold yet (a state joins, freezes, withdraws…).</summary>
    NewStanding,
    /// <summary>A meeting the registry does not hold yet.</summary>
    NewMeeting,
    /// <summary>Anything else new: attendance, a chair, a statement.</summary>
    OtherChange,
}

/// <summary>Proposed claims that would make the same kind of change, in queue order.</summary>
public sealed record ReviewGroup(ChangeKind Kind, IReadOnlyList<Claim> Claims);

/// <summary>
/// The desk's rule for grouping the review queue: a proposed claim confirms an accepted one when it says the same thing
/// (for a membership: the same state, organization and standing, from the same date — a report "as of" a day without a
/// date of change confirms any accepted claim of that standing); otherwise it is a new standing, a new meeting, or another change.
/// </summary>
public static class ReviewGroups
{
    public static readonly ChangeKind[] Order = [ChangeKind.NewStanding, ChangeKind.NewMeeting, ChangeKind.OtherChange, ChangeKind.Confirmation];

    public static string WireName(ChangeKind kind) => kind switch
    {
        ChangeKind.Confirmation => "confirmation",
        ChangeKind.NewStanding => "new-standing",
        ChangeKind.NewMeeting => "new-meeting",
        _ => "other-change",
    };

    public static ChangeKind Classify(Claim proposed, IReadOnlyList<Claim> accepted)
    {
        if (accepted.Any(a => a.Id != proposed.Id && Confirms(proposed.Fact, a.Fact))) return ChangeKind.Confirmation;
        return proposed.Fact switch
        {
            MembershipFact => ChangeKind.NewStanding,
            MeetingFact => ChangeKind.NewMeeting,
            _ => ChangeKind.OtherChange,
        };
    }

    public static bool Confirms(ClaimFact proposed, ClaimFact accepted) => (proposed, accepted) switch
    {
        (MembershipFact p, MembershipFact a) => p.State == a.State && p.Org == a.Org && p.Status == a.Status
            && (p.Date is null || p.Date == a.Date),
        _ => proposed.Equals(accepted),
    };

    /// <summary>Groups proposed claims against the accepted ones, groups in <see cref="Order"/> (changes first), empty groups left out.</summary>
    public static IReadOnlyList<ReviewGroup> Group(IReadOnlyList<Claim> proposed, IReadOnlyList<Claim> accepted)
    {
        var byType = accepted.GroupBy(a => a.Fact.Type).ToDictionary(g => g.Key, g => (IReadOnlyList<Claim>)g.ToList());
        var kinds = proposed.Select(p => (Claim: p, Kind: Classify(p, byType.GetValueOrDefault(p.Fact.Type) ?? []))).ToList();
        return Order.Select(k => new ReviewGroup(k, kinds.Where(x => x.Kind == k).Select(x => x.Claim).ToList()))
            .Where(g => g.Claims.Count > 0).ToList();
    }
}
