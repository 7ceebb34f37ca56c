using System.Globalization;
using Plenary.Core.Claims;
using Plenary.Core.Standings;
using Plenary.Store.Queries;

namespace Plenary.Web.Pages;

/// <summary>
/// One row of a timeline chart: a label (and a short form, e.g. the acronym, for a label too long to fit), where it
/// links, and the standing periods.
/// </summary>
public sealed record TimelineRow(string Key, string Label, string Href, IReadOnlyList<KnownPeriod> Periods, Func<KnownPeriod, string> PeriodHref, string? Short = null);

/// <summary>What the charts share with the pages: the attendance marks and a meeting's label.</summary>
public static class Charts
{
    public static readonly IReadOnlyDictionary<AttendanceKind, (string Symbol, string Words)> AttendanceMarks = new Dictionary<AttendanceKind, (string, string)>
    {
        [AttendanceKind.Present] = ("●", "present"),
        [AttendanceKind.Absent] = ("✕", "absent"),
        [AttendanceKind.LowerLevel] = ("◐", "represented at a lower level"),
        [AttendanceKind.Remote] = ("◌", "took part remotely"),
    };

    public static string MeetingLabel(MeetingView m) =>
        $"{m.Date?.ToString() ?? "undated"}{(m.Place is { } p ? " " + p : "")}{(m.Bodies.Count > 0 ? " · " + string.Join(", ", m.Bodies.Select(b => b.Name)) : "")}";

    public static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
