using Plenary.Core.Claims;
using Plenary.Core.Time;

namespace Plenary.Core.Standings;

/// <summary>
/// One stretch of time during which a state held one standing in an organization, from <see cref="From"/> up to
/// (not including) <see cref="Until"/>. <see cref="SinceAsserted"/> is true when the start is only the date a source
/// said it held ("remains a member", as of 2024-11-26), not the date it began.
/// </summary>
public sealed record StandingPeriod(Standing Standing, EdtfDate From, EdtfDate? Until, bool SinceAsserted, IReadOnlyList<Claim> Claims) : IStandingSpan;

/// <summary>Two sources that say incompatible things about the same time: shown to the reader, never silently resolved.</summary>
public sealed record StandingConflict(EdtfDate Date, Claim Kept, Claim Contradicted, string Reason);

/// <summary>
/// The answer to "what was the standing on that day, and who says so?". <see cref="Basis"/> says what speaks for it:
/// claims, a complete member list, the organization's own dates, or nothing (<see cref="Standing.Unknown"/>).
/// </summary>
public sealed record StandingOnDay(
    DateOnly On,
    Standing Standing,
    EdtfDate? Since,
    bool SinceAsserted,
    bool Certain,
    IReadOnlyList<Claim> Claims,
    IReadOnlyList<StandingConflict> Conflicts,
    StandingBasis Basis = StandingBasis.Claims)
{
    public bool DeJureMember => Standing.IsDeJureMember();
    public bool Participating => Standing.IsParticipating();
}

/// <summary>A state's standing in one organization over time, derived from membership claims; see <see cref="StandingDerivation"/>.</summary>
public sealed class StandingHistory
{
    public IReadOnlyList<StandingPeriod> Periods { get; }
    public IReadOnlyList<StandingConflict> Conflicts { get; }
    /// <summary>Claims that give no date at all (an article without a publication date): kept, but they cannot be placed in time.</summary>
    public IReadOnlyList<Claim> Undated { get; }

    internal StandingHistory(IReadOnlyList<StandingPeriod> periods, IReadOnlyList<StandingConflict> conflicts, IReadOnlyList<Claim> undated)
    {
        Periods = periods; Conflicts = conflicts; Undated = undated;
    }

    /// <summary>
    /// The standing the claims give on a day: the period that may have begun by then and was not yet followed by another.
    /// A period that began "2024-02" is uncertain on 2024-02-10 (it may not have begun yet): <see cref="StandingOnDay.Certain"/> says so.
    /// Before the first claim nothing is known (<see cref="Standing.Unknown"/>): whether the state was then not a member
    /// is for the organization's dates and coverage to say (<see cref="OrganizationStanding"/>).
    /// </summary>
    public StandingOnDay On(DateOnly day) => On(day, withConflicts: true);

    /// <summary><see cref="On(DateOnly)"/>, without looking for the conflicts when the caller does not show them (the periods).</summary>
    internal StandingOnDay On(DateOnly day, bool withConflicts)
    {
        var found = PeriodOn(day);
        if (found is null) return new StandingOnDay(day, Standing.Unknown, null, false, false, [], [], StandingBasis.NoData);
        if (found.Standing == Standing.Unknown) return new StandingOnDay(day, Standing.Unknown, found.From, false, false, found.Claims, [], StandingBasis.NoData);
        bool certain = found.From.End <= day || found.Standing == Standing.NotMember;
        IReadOnlyList<StandingConflict> conflicts = withConflicts && Conflicts.Count > 0
            ? Conflicts.Where(c => c.Date.Overlaps(found.From) || (found.Until is { } u && c.Date.Overlaps(u))).ToList()
            : [];
        return new StandingOnDay(day, found.Standing, found.From, found.SinceAsserted, certain, found.Claims, conflicts);
    }

    /// <summary>The period of the claims that may have begun by the day and was not yet followed by another, if any.</summary>
    public StandingPeriod? PeriodOn(DateOnly day)
    {
        StandingPeriod? found = null;
        foreach (var p in Periods)
        {
            if (p.From.Start > day) break;
            found = p;
        }
        return found;
    }
}

/// <summary>
/// Derives a state's standing in an organization from the claims about it — the registry's central rule, a pure function.
/// <list type="bullet">
/// <item>A claim with a <c>date</c> is a change of standing from that date; a later change supersedes an earlier one from its date on.</item>
/// <item>A claim with only <c>as_of</c> asserts the standing held then. If the standing already derived is compatible
///   ("remains a full member" while participation is frozen: frozen members are de jure members), it confirms it;
///   otherwise it is a change from, at the latest, that date.</item>
/// <item><c>withdrawal-announced</c> with an <c>effective</c> date turns into <c>withdrawn</c> on that date.</item>
/// <item>Two sources that give incompatible standings for overlapping dates are reported as a conflict; the more precise,
///   then the later recorded, is kept for the timeline.</item>
/// <item>Same-day changes apply in the order they were recorded (then in their source's order).</item>
/// </list>
/// </summary>
public static class StandingDerivation
{
    // A struct: the panel derives ~95k pairs, and these live only for one derivation.
    private readonly record struct Change(EdtfDate Date, Standing Standing, Claim Claim, bool Asserted);

    public static StandingHistory Derive(IEnumerable<Claim> claims)
    {
        var changes = new List<Change>(claims is IReadOnlyCollection<Claim> known ? known.Count : 4);
        List<Claim>? undated = null;
        foreach (var claim in claims)
        {
            if (claim.Fact is not MembershipFact m) continue;
            if (m.ValidFrom is not { } from) { (undated ??= []).Add(claim); continue; }
            changes.Add(new Change(from, m.Status, claim, m.Date is null));
            if (m.Status == Standing.WithdrawalAnnounced && m.Effective is { } effective && effective > from)
                changes.Add(new Change(effective, Standing.Withdrawn, claim, false));
        }
        changes.Sort((a, b) =>
        {
            int c = a.Date.CompareTo(b.Date);
            if (c != 0) return c;
            c = a.Claim.RecordedAt.CompareTo(b.Claim.RecordedAt);
            if (c != 0) return c;
            c = a.Claim.Sequence.CompareTo(b.Claim.Sequence);
            return c != 0 ? c : string.CompareOrdinal(a.Claim.Id, b.Claim.Id);
        });

        var periods = new List<StandingPeriod>();
        var conflicts = new List<StandingConflict>();
        Standing? standing = null;
        EdtfDate from0 = default;
        bool asserted = false;
        var support = new List<Claim>();

        foreach (var ch in changes)
        {
            if (standing is { } cur)
            {
                if ((ch.Asserted && cur.IsConfirmedBy(ch.Standing)) || cur == ch.Standing)
                {
                    // The same standing said again: it supports the period, and a finer date inside the known one refines its start.
                    support.Add(ch.Claim);
                    if (!ch.Asserted && cur == ch.Standing && (asserted || (from0.Contains(ch.Date) && ch.Date.Precision > from0.Precision)))
                    {
                        from0 = asserted && ch.Date > from0 ? from0 : ch.Date;
                        asserted = false;
                    }
                    continue;
                }
                var opener = Opener(support, cur);
                if (from0.Overlaps(ch.Date) && opener.SourceId != ch.Claim.SourceId)
                    conflicts.Add(new StandingConflict(ch.Date, ch.Claim, opener,
                        $"{opener.SourceId} says {WireName.Of(cur)} from {from0}; {ch.Claim.SourceId} says {WireName.Of(ch.Standing)} from {ch.Date}"));
                if (from0 == ch.Date)
                {
                    // Superseded on its own first day: the period never held; its claims stay visible through the conflict list.
                }
                else
                {
                    // No copy: the support list is replaced below and never changed again.
                    periods.Add(new StandingPeriod(cur, from0, ch.Date, asserted, support));
                }
            }
            standing = ch.Standing;
            from0 = ch.Date;
            asserted = ch.Asserted;
            support = [ch.Claim];
        }
        if (standing is { } last) periods.Add(new StandingPeriod(last, from0, null, asserted, support));
        return new StandingHistory(periods, conflicts, (IReadOnlyList<Claim>?)undated ?? []);
    }

    /// <summary>The claim that opened the period: the first that is not only a confirmation, else the first.</summary>
    private static Claim Opener(List<Claim> support, Standing current)
    {
        foreach (var c in support)
            if (!IsConfirmation(c, current)) return c;
        return support[0];
    }

    private static bool IsConfirmation(Claim c, Standing current) =>
        c.Fact is MembershipFact m && m.Date is null && m.Status != current;
}
