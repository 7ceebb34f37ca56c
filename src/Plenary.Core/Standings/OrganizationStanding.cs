using Plenary.Core.Claims;
using Plenary.Core.Registry;
using Plenary.Core.Time;

namespace Plenary.Core.Standings;

/// <summary>What speaks for a standing on a day.</summary>
public enum StandingBasis
{
    /// <summary>Claims about the state and the organization.</summary>
    Claims,
    /// <summary>No claim, but the organization's member list is complete then (its coverage): not a member.</summary>
    CompleteList,
    /// <summary>The organization did not exist yet.</summary>
    NotFounded,
    /// <summary>The organization had ended (dissolved or superseded): every membership ended with it.</summary>
    OrganizationEnded,
    /// <summary>Nothing: no claim, and the organization's coverage does not reach the day. The standing is unknown.</summary>
    NoData,
}

/// <summary>
/// A state's standing in an organization as the registry can vouch for it: the claims (<see cref="StandingDerivation"/>)
/// bounded by the organization's own facts.
/// <list type="bullet">
/// <item>From the day the organization ended (dissolved or superseded) the state is not a member, whatever the claims said before.</item>
/// <item>Where a claim speaks, its standing holds.</item>
/// <item>Where none speaks: before the organization was founded, not a member; inside a coverage period (a complete member
///   list), not a member; otherwise <see cref="Standing.Unknown"/> — no data is not a "no".</item>
/// </list>
/// <paramref name="coverageKnown"/> is false when reading the registry as it was before the organization's coverage was
/// recorded (<c>--known-at</c> before the registry was loaded): then coverage speaks for nothing.
/// </summary>
public static class OrganizationStanding
{
    public static StandingOnDay On(StandingHistory history, Organization? org, DateOnly day, bool coverageKnown = true) =>
        On(history, org, day, coverageKnown, withConflicts: true);

    private static StandingOnDay On(StandingHistory history, Organization? org, DateOnly day, bool coverageKnown, bool withConflicts)
    {
        var claimed = history.On(day, withConflicts);
        if (org?.EndedOn() is { } end && day >= end.Start)
        {
            // "Dissolved in 1991": until the year is out, what the claims say may still hold, but no longer surely.
            if (day <= end.End && end.Precision != DatePrecision.Day && claimed.Basis == StandingBasis.Claims) return claimed with { Certain = false };
            return new StandingOnDay(day, Standing.NotMember, end, false, end.Precision == DatePrecision.Day || day > end.End, [], [], StandingBasis.OrganizationEnded);
        }
        // A source that says it does not know (COW's -9) is not overruled by a complete list.
        if (claimed.Basis != StandingBasis.NoData || org is null || history.PeriodOn(day) is not null) return claimed;
        if (org.Founded is { } founded && day < founded.Start && coverageKnown)
            return new StandingOnDay(day, Standing.NotMember, null, false, true, [], [], StandingBasis.NotFounded);
        if (coverageKnown && org.CoverageOn(day) is { } coverage)
            return new StandingOnDay(day, Standing.NotMember, null, false, coverage.Period.SurelyContains(day), [], [], StandingBasis.CompleteList);
        return claimed;
    }

    /// <summary>
    /// The standing over time from <paramref name="from"/> up to (not including) <paramref name="until"/>, as consecutive
    /// periods with what speaks for each: the claims' periods cut at the organization's end, and between them "not a member"
    /// (before founding, inside coverage, after the end) or "unknown" (no data). Charts draw every period, unknown ones as such.
    /// </summary>
    public static IReadOnlyList<KnownPeriod> Periods(StandingHistory history, Organization? org, DateOnly from, DateOnly until, bool coverageKnown = true)
    {
        // The standing can change only at these days; between two of them it is the standing on the first. They are few
        // (a handful per pair), so a list searched in order, sorted once, serves (the panel asks this for ~95k pairs).
        var marks = new List<(DateOnly Day, EdtfDate Date)>(8);
        int IndexOf(DateOnly d)
        {
            for (int k = 0; k < marks.Count; k++)
                if (marks[k].Day == d) return k;
            return -1;
        }
        void Mark(DateOnly d, EdtfDate as_)
        {
            if (d <= from || d >= until) return;
            int k = IndexOf(d);
            if (k < 0) marks.Add((d, as_));
            else if (as_.Precision > marks[k].Date.Precision) marks[k] = (d, as_);
        }
        foreach (var p in history.Periods)
        {
            Mark(p.From.Start, p.From);
            if (p.Until is { } u) Mark(u.Start, u);
        }
        if (org is not null)
        {
            if (org.Founded is { } f) Mark(f.Start, f);
            if (org.EndedOn() is { } e)
            {
                Mark(e.Start, e);
                if (e.Precision != DatePrecision.Day) Mark(e.End.AddDays(1), EdtfDate.Of(e.End.AddDays(1)));
            }
            if (coverageKnown)
                foreach (var c in org.Coverage)
                {
                    if (c.Period.From is { } cf) Mark(cf.Start, cf);
                    // The day after a coverage ends is no date of a source's: a claim's own date on that day is shown instead.
                    if (c.Period.To is { } ct && ct.End < DateOnly.MaxValue && IndexOf(ct.End.AddDays(1)) < 0) Mark(ct.End.AddDays(1), EdtfDate.Of(ct.End.AddDays(1)));
                }
        }
        // Days are unique, so the order is total.
        marks.Sort(static (a, b) => a.Day.CompareTo(b.Day));
        var result = new List<KnownPeriod>(marks.Count + 1);
        // The period being built: written out when the next one differs, so a merge does not copy a record.
        StandingOnDay? open = null;
        EdtfDate openStart = default, openUntil = default;
        bool openHasUntil = false;
        for (int i = 0; i <= marks.Count; i++)
        {
            var (day, date) = i == 0 ? (from, EdtfDate.Of(from)) : marks[i - 1];
            var on = On(history, org, day, coverageKnown, withConflicts: false);
            bool hasNext = i < marks.Count;
            var next = hasNext ? marks[i].Date : default;
            if (open is not null && open.Standing == on.Standing && open.Basis == on.Basis && SameClaims(open.Claims, on.Claims))
            {
                openUntil = next; openHasUntil = hasNext;
                continue;
            }
            if (open is not null) result.Add(new KnownPeriod(open.Standing, openStart, openHasUntil ? openUntil : null, open.SinceAsserted, open.Basis, open.Claims));
            // A period that began before the chart keeps its own start (so "since 1945-10-24" is not "since the chart's first day").
            openStart = i == 0 && on.Basis == StandingBasis.Claims && on.Since is { } since ? since : date;
            open = on; openUntil = next; openHasUntil = hasNext;
        }
        if (open is not null) result.Add(new KnownPeriod(open.Standing, openStart, openHasUntil ? openUntil : null, open.SinceAsserted, open.Basis, open.Claims));
        return result;
    }

    /// <summary><c>SequenceEqual</c> of two claim lists, without an enumerator for the usual case (the same list, or both empty).</summary>
    private static bool SameClaims(IReadOnlyList<Claim> a, IReadOnlyList<Claim> b)
    {
        if (ReferenceEquals(a, b)) return true;
        if (a.Count != b.Count) return false;
        var eq = EqualityComparer<Claim>.Default;
        for (int k = 0; k < a.Count; k++)
            if (!eq.Equals(a[k], b[k])) return false;
        return true;
    }

    /// <summary>
    /// The standing during a period (a year, a month; a day is a period of one day): its parts in order, each with one
    /// standing. One part: that standing held the whole period; more: it changed during it, and each held part of it.
    /// Parts with the same standing one after the other (a claim confirming it, say) are one part.
    /// </summary>
    public static StandingDuring During(StandingHistory history, Organization? org, EdtfDate period, bool coverageKnown = true)
    {
        var until = period.End == DateOnly.MaxValue ? DateOnly.MaxValue : period.End.AddDays(1);
        var parts = new List<KnownPeriod>();
        foreach (var p in Periods(history, org, period.Start, until, coverageKnown))
        {
            if (parts.Count > 0 && parts[^1] is var last && last.Standing == p.Standing)
                parts[^1] = last with { Until = p.Until, Claims = [.. last.Claims, .. p.Claims.Except(last.Claims)] };
            else parts.Add(p);
        }
        return new StandingDuring(period, parts);
    }

    /// <summary>
    /// Why the standing is what it is, in words, when claims are not the reason: "no data: …", "the … ended on …".
    /// Null when claims speak.
    /// </summary>
    public static string? Explain(StandingBasis basis, Organization? org, Catalog catalog, DateOnly? on = null) => basis switch
    {
        StandingBasis.NoData => $"no data: no claim says what it was then, and the registry's member list of the {org?.Name ?? "organization"} is not complete then",
        StandingBasis.CompleteList => $"not on the member list of the {org?.Name}, which is complete then"
            + ((on is { } d ? org?.CoverageOn(d) : org?.Coverage.FirstOrDefault()) is { } c && catalog.FindSource(c.SourceId) is { } s ? $" ({s.Title})" : ""),
        StandingBasis.NotFounded => $"the {org?.Name} was founded on {org?.Founded}",
        StandingBasis.OrganizationEnded when org is not null => Ending(org, catalog),
        _ => null,
    };

    /// <summary>"the Eurasian Economic Community ended on 2015-01-01 (dissolved; succeeded by the Eurasian Economic Union)".</summary>
    public static string? Ending(Organization org, Catalog catalog)
    {
        if (org.EndedOn() is not { } end) return null;
        var how = org.Dissolved is { } d && d == end ? "dissolved" : "superseded";
        var successors = org.Successors.Count > 0 ? $"; succeeded by the {string.Join(" and the ", org.Successors.Select(catalog.OrganizationName))}" : "";
        return $"the {org.Name} ended on {end} ({how}{successors})";
    }

    /// <summary>
    /// The whole timeline: from the earliest of the organization's founding, its first coverage and the first claim, to an
    /// open end. Empty when nothing at all is known.
    /// </summary>
    public static IReadOnlyList<KnownPeriod> Periods(StandingHistory history, Organization? org, bool coverageKnown = true)
    {
        var starts = history.Periods.Select(p => p.From.Start).ToList();
        if (history.Periods.Count == 0 && org is null) return [];
        if (org?.Founded is { } f) starts.Add(f.Start);
        if (coverageKnown && org is not null) starts.AddRange(org.Coverage.Select(c => c.Period.From?.Start).OfType<DateOnly>());
        if (starts.Count == 0) return [];
        return Periods(history, org, starts.Min(), DateOnly.MaxValue, coverageKnown);
    }
}

/// <summary>A stretch of time with one standing and what speaks for it (see <see cref="OrganizationStanding.Periods"/>).</summary>
public sealed record KnownPeriod(Standing Standing, EdtfDate From, EdtfDate? Until, bool SinceAsserted, StandingBasis Basis, IReadOnlyList<Claim> Claims) : IStandingSpan;

/// <summary>
/// A state's standing during a period (<see cref="OrganizationStanding.During"/>): <see cref="Parts"/> in order, the first
/// from its own start (which may be before the period), the last open-ended (<c>Until</c> null) or ending at the next change.
/// </summary>
public sealed record StandingDuring(EdtfDate Period, IReadOnlyList<KnownPeriod> Parts)
{
    /// <summary>The standing changed during the period: each part held only part of it.</summary>
    public bool Changed => Parts.Count > 1;

    /// <summary>"year", "month" or "day": the words for <see cref="Period"/>.</summary>
    public string PeriodWord => WordFor(Period);

    public static string WordFor(EdtfDate period) => period.Precision switch { DatePrecision.Year => "year", DatePrecision.Month => "month", _ => "day" };

    /// <summary>"the whole year (since 2002-10-07)", "part of the year (from 2024-02)": how long a standing held in a period.</summary>
    public static string Span(EdtfDate period, EdtfDate from, EdtfDate? until, bool whole) =>
        $"{(whole ? "the whole" : "part of the")} {WordFor(period)} ({(from.Start < period.Start ? "since" : "from")} {from}{(until is { } u ? $" until {u}" : "")})";
}
