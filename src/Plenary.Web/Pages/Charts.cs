using System.Globalization;
using Plenary.Core.Claims;
using Plenary.Core.Standings;
using Plenary.Core.Time;
using Plenary.Store.Queries;
using Plenary.Web.Markup;
using static Plenary.Web.Markup.Html;

namespace Plenary.Web.Pages;

/// <summary>One row of a timeline chart: a label, where it links, and the standing periods.</summary>
public sealed record TimelineRow(string Key, string Label, string Href, IReadOnlyList<KnownPeriod> Periods, Func<KnownPeriod, string> PeriodHref);

/// <summary>
/// Server-rendered charts: the membership timeline as SVG (a row per state or organization, a band per standing,
/// coloured by class so a frozen or suspended band shows at a glance), and the attendance matrix as a table.
/// Each comes with its data as a plain table too, so it reads without sight and without JavaScript.
/// </summary>
public static class Charts
{
    private const int Width = 1000, LabelWidth = 190, RightPad = 16, RowHeight = 24, BandHeight = 16, AxisHeight = 26;

    public static Html Timeline(string id, string caption, IReadOnlyList<TimelineRow> rows, DateOnly today)
    {
        if (rows.Count == 0) return H($"""<p class="empty">No membership facts yet.</p>""");
        var first = rows.SelectMany(r => r.Periods).Where(p => p.Standing != Standing.NotMember).Select(p => p.From.Start).DefaultIfEmpty(today).Min();
        var startYear = first.Year;
        var endYear = today.Year + 1;
        var start = new DateOnly(startYear, 1, 1);
        var end = new DateOnly(endYear, 1, 1);
        double span = end.DayNumber - start.DayNumber;
        double plot = Width - LabelWidth - RightPad;
        double X(DateOnly d) => LabelWidth + plot * Math.Clamp((d.DayNumber - start.DayNumber) / span, 0, 1);
        var height = AxisHeight + rows.Count * RowHeight + 6;

        var years = endYear - startYear;
        var step = years <= 12 ? 1 : years <= 25 ? 2 : years <= 60 ? 5 : 10;
        var axis = Join(Enumerable.Range(0, years + 1).Where(i => (startYear + i) % step == 0 || i == 0).Select(i =>
        {
            var x = X(new DateOnly(startYear + i, 1, 1));
            return H($"""<line class="grid" x1="{x:0.#}" y1="{AxisHeight - 6}" x2="{x:0.#}" y2="{height}"/><text class="year" x="{x + 3:0.#}" y="{AxisHeight - 10}">{startYear + i}</text>""");
        }));
        var todayX = X(today);
        var body = Join(rows.Select((row, i) =>
        {
            var y = AxisHeight + i * RowHeight;
            var bands = Join(row.Periods.Where(p => p.Standing != Standing.NotMember).Select(p =>
            {
                var x1 = X(p.From.Start);
                var x2 = X(p.Until?.Start ?? today);
                var w = Math.Max(2, x2 - x1);
                var standing = WireName.Of(p.Standing);
                var words = p.Standing == Standing.Unknown ? "no data" : standing;
                var tip = $"{row.Label}: {words} from {p.From}{(p.Until is { } u ? $" until {u}" : " (current)")}{(p.SinceAsserted ? " — start is the date a source asserted it" : "")}";
                var fill = p.Standing == Standing.Unknown ? H($" fill=\"url(#{id}-nodata)\"") : Empty;
                return H($"""<a href="{row.PeriodHref(p)}"><rect{fill} class="band st-{standing}{(p.From.Precision != DatePrecision.Day ? " approx" : "")}" x="{x1:0.#}" y="{y + (RowHeight - BandHeight) / 2}" width="{w:0.#}" height="{BandHeight}" rx="2" data-row="{row.Key}" data-basis="{WireName.Of(p.Basis)}" data-standing="{standing}" data-from="{p.From}" data-until="{p.Until?.ToString() ?? ""}" data-tip="{tip}"><title>{tip}</title></rect></a>""");
            }));
            return H($"""<g class="row" data-row="{row.Key}"><a href="{row.Href}"><text class="label" x="{LabelWidth - 8}" y="{y + RowHeight / 2 + 4}">{Shorten(row.Label, 26)}</text></a>{bands}</g>""");
        }));
        var legend = Join(rows.SelectMany(r => r.Periods).Select(p => p.Standing).Where(s => s != Standing.NotMember).Distinct().Order()
            .Select(s => H($"""<li><span class="swatch st-{WireName.Of(s)}" aria-hidden="true"></span>{(s == Standing.Unknown ? "unknown (no data)" : WireName.Of(s))}</li>""")));
        var table = Join(rows.SelectMany(r => r.Periods.Where(p => p.Standing != Standing.NotMember).Select(p =>
            H($"""<tr><th scope="row">{r.Label}</th><td>{(p.Standing == Standing.Unknown ? "unknown (no data)" : WireName.Of(p.Standing))}</td><td>{p.From}</td><td>{p.Until?.ToString() ?? "—"}</td><td>{p.Claims.Count}</td></tr>"""))));
        return H($"""
            <figure class="timeline" id="{id}">
            <svg viewBox="0 0 {Width} {height}" width="100%" role="img" aria-labelledby="{id}-caption" preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg">
            <defs><pattern id="{id}-nodata" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#eeeeee"/><line x1="0" y1="0" x2="0" y2="6" stroke="#a0a0a0" stroke-width="2"/></pattern></defs>
            {axis}{body}
            <line class="today" x1="{todayX:0.#}" y1="{AxisHeight - 6}" x2="{todayX:0.#}" y2="{height}"/>
            </svg>
            <figcaption id="{id}-caption">{caption}</figcaption>
            <ul class="legend" aria-label="Standings">{legend}</ul>
            <details><summary>The timeline as a table</summary>
            <table><thead><tr><th scope="col">Who</th><th scope="col">Standing</th><th scope="col">From</th><th scope="col">Until</th><th scope="col">Claims</th></tr></thead><tbody>{table}</tbody></table>
            </details>
            </figure>
            """);
    }

    public static readonly IReadOnlyDictionary<AttendanceKind, (string Symbol, string Words)> AttendanceMarks = new Dictionary<AttendanceKind, (string, string)>
    {
        [AttendanceKind.Present] = ("●", "present"),
        [AttendanceKind.Absent] = ("✕", "absent"),
        [AttendanceKind.LowerLevel] = ("◐", "represented at a lower level"),
        [AttendanceKind.Remote] = ("◌", "took part remotely"),
    };

    /// <summary>Meetings down, states across; each cell says present, absent, lower level or remote (or nothing known).</summary>
    public static Html AttendanceMatrix(IReadOnlyList<MeetingView> meetings, IReadOnlyList<(string Id, string Name)> states)
    {
        if (meetings.Count == 0) return H($"""<p class="empty">No meetings recorded.</p>""");
        var head = Join(states.Select(s => H($"""<th scope="col" class="state"><a href="/states/{s.Id}" title="{s.Name}">{s.Id}</a></th>""")));
        var rows = Join(meetings.Select(m =>
        {
            var cells = Join(states.Select(s =>
            {
                if (!Core.Ids.StateId.TryParse(s.Id, out var sid) || !m.Attendance.TryGetValue(sid, out var kind))
                    return H($"""<td class="att att-none"><span class="sr">{s.Name}: not recorded</span></td>""");
                var (symbol, words) = AttendanceMarks[kind];
                var tip = $"{s.Name} at {MeetingLabel(m)}: {words}";
                return H($"""<td class="att att-{WireName.Of(kind)}" data-tip="{tip}" title="{tip}"><span aria-hidden="true">{symbol}</span><span class="sr">{s.Name}: {words}</span></td>""");
            }));
            return H($"""<tr><th scope="row" class="meeting"><a href="/meetings/{m.Id}">{MeetingLabel(m)}</a>{If(m.Status != Core.Claims.MeetingStatus.Held, H($" <small>({WireName.Of(m.Status)})</small>"))}</th>{cells}</tr>""");
        }));
        var key = Join(AttendanceMarks.Select(kv => H($"""<li><span class="att att-{WireName.Of(kv.Key)}" aria-hidden="true">{kv.Value.Symbol}</span> {kv.Value.Words}</li>""")));
        return H($"""
            <div class="matrix-wrap" tabindex="0" role="region" aria-label="Attendance matrix">
            <table class="matrix"><caption class="sr">Attendance: meetings by member state</caption>
            <thead><tr><th scope="col">Meeting</th>{head}</tr></thead><tbody>{rows}</tbody></table>
            </div>
            <ul class="legend">{key}<li><span class="att att-none" aria-hidden="true"></span> not recorded</li></ul>
            """);
    }

    public static string MeetingLabel(MeetingView m) =>
        $"{m.Date?.ToString() ?? "undated"}{(m.Place is { } p ? " " + p : "")}{(m.Bodies.Count > 0 ? " · " + string.Join(", ", m.Bodies.Select(b => b.Name)) : "")}";

    private static string Shorten(string s, int n) => s.Length <= n ? s : s[..(n - 1)] + "…";

    public static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
