using Plenary.Core.Claims;
using Plenary.Core.Time;

namespace Plenary.Core.Standings;

/// <summary>
/// The year rule of the panel tables (COW's annual codes): a year's standing is the one that held for the larger part of
/// the calendar year — the most days, days with no standing counting as not a member; a tie goes to the later standing.
/// A founding year is thus "not a member" when the organization existed for less than half of it.
/// </summary>
public static class YearStanding
{
    public static Standing Of(IReadOnlyList<StandingPeriod> periods, int year) => Of<StandingPeriod>(periods, year);

    /// <summary>The same rule over the periods <see cref="OrganizationStanding"/> gives (the panel's cells).</summary>
    public static Standing OfKnown(IReadOnlyList<KnownPeriod> periods, int year) => Of<KnownPeriod>(periods, year);

    private static Standing Of<T>(IReadOnlyList<T> periods, int year) where T : class, IStandingSpan
    {
        var start = new DateOnly(year, 1, 1);
        var end = new DateOnly(year, 12, 31);
        int yearDays = end.DayNumber - start.DayNumber + 1;
        Standing best = Standing.NotMember;
        int bestDays = 0, covered = 0;
        Span<int> days = stackalloc int[16];
        days.Clear();
        for (int i = 0; i < periods.Count; i++)
        {
            var p = periods[i];
            var from = p.From.Start;
            if (from > end) break;
            var until = p.Until is { } u ? u.Start : DateOnly.MaxValue;
            if (until <= start) continue;
            int a = Math.Max(from.DayNumber, start.DayNumber), b = Math.Min(until.DayNumber - 1, end.DayNumber);
            if (b < a) continue;
            int n = b - a + 1;
            covered += n;
            int k = (int)p.Standing;
            days[k] += n;
            if (days[k] >= bestDays) { bestDays = days[k]; best = p.Standing; } // ">=": a tie goes to the later standing
        }
        int none = yearDays - covered;
        int nm = days[(int)Standing.NotMember] + none;
        if (nm > bestDays) best = Standing.NotMember;
        return best;
    }
}

/// <summary>A stretch of time with one standing: what the year rule reads of <see cref="StandingPeriod"/> and <see cref="KnownPeriod"/>.</summary>
internal interface IStandingSpan
{
    Standing Standing { get; }
    EdtfDate From { get; }
    EdtfDate? Until { get; }
}
