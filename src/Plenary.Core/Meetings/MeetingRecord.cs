using Plenary.Core.Claims;
using Plenary.Core.Ids;
using Plenary.Core.Text;
using Plenary.Core.Time;

namespace Plenary.Core.Meetings;

/// <summary>A meeting as the registry knows it: merged from every claim about it, with each state's attendance.</summary>
public sealed record MeetingRecord(
    string Id,
    OrgId Org,
    IReadOnlyList<BodyId> Bodies,
    string? Place,
    StateId? Country,
    EdtfDate? Date,
    EdtfDate? EndDate,
    MeetingStatus Status,
    IReadOnlyList<Claim> Claims,
    IReadOnlyDictionary<StateId, AttendanceRecord> Attendance);

public sealed record AttendanceRecord(StateId State, AttendanceKind Attendance, string? Person, IReadOnlyList<Claim> Claims);

/// <summary>
/// Puts meeting and attendance claims together: claims about the same organization whose dates overlap, whose
/// places agree (or are not given) and whose bodies meet are one meeting; an attendance claim joins the meeting it
/// names, or makes one.
/// For one state's attendance the most recently recorded claim wins; the others stay listed.
/// </summary>
public static class MeetingAssembly
{
    private sealed class Draft
    {
        public required OrgId Org;
        public EdtfDate? Date;
        public EdtfDate? EndDate;
        public string? Place;
        public StateId? Country;
        public MeetingStatus Status;
        public DateTimeOffset StatusRecorded;
        public readonly SortedSet<BodyId> Bodies = [];
        public readonly List<Claim> Claims = [];
        public readonly Dictionary<StateId, List<Claim>> Attendance = [];
    }

    public static IReadOnlyList<MeetingRecord> Assemble(IEnumerable<Claim> claims)
    {
        var drafts = new List<Draft>();
        var all = claims.OrderBy(c => c.Fact.ValidFrom?.Precision is { } p ? -(int)p : 0).ThenBy(c => c.RecordedAt).ThenBy(c => c.Sequence).ToList();
        foreach (var c in all)
        {
            if (c.Fact is not MeetingFact m) continue;
            var d = Find(drafts, m.Org, m.Date, m.Place, m.Bodies);
            if (d is null)
            {
                d = new Draft { Org = m.Org, Date = m.Date, Place = m.Place, Country = m.Country, Status = m.Status, StatusRecorded = c.RecordedAt };
                drafts.Add(d);
            }
            else
            {
                if (m.Date is { } md && (d.Date is null || md.Precision > d.Date.Value.Precision)) d.Date = md;
                d.Place ??= m.Place;
                d.Country ??= m.Country;
                // The status follows the latest claim, except that a plan does not undo an outcome: "held" or "cancelled"
                // outranks "scheduled" once known (an older article read later still says "set for Thursday"), while a
                // postponed meeting that is scheduled again is scheduled.
                if ((m.Status != MeetingStatus.Scheduled || d.Status is MeetingStatus.Scheduled or MeetingStatus.Postponed) && c.RecordedAt >= d.StatusRecorded)
                {
                    d.Status = m.Status;
                    d.StatusRecorded = c.RecordedAt;
                }
            }
            d.EndDate ??= m.EndDate;
            foreach (var b in m.Bodies) d.Bodies.Add(b);
            d.Claims.Add(c);
        }
        foreach (var c in all)
        {
            if (c.Fact is not AttendanceFact a) continue;
            var d = Find(drafts, a.Org, a.MeetingDate, a.Place, a.Bodies);
            if (d is null)
            {
                d = new Draft
                {
                    Org = a.Org, Date = a.MeetingDate, Place = a.Place,
                    Status = c.Modality == Modality.Planned ? MeetingStatus.Scheduled : MeetingStatus.Held, StatusRecorded = c.RecordedAt,
                };
                foreach (var b in a.Bodies) d.Bodies.Add(b);
                drafts.Add(d);
            }
            if (!d.Attendance.TryGetValue(a.State, out var list)) d.Attendance[a.State] = list = [];
            list.Add(c);
        }
        var ids = DistinctIds(drafts);
        return drafts
            .Select((d, i) => new MeetingRecord(ids[i], d.Org, d.Bodies.ToList(), d.Place, d.Country, d.Date, d.EndDate, d.Status,
                d.Claims.ToList(),
                d.Attendance.ToDictionary(kv => kv.Key, kv =>
                {
                    var latest = kv.Value.OrderBy(c => c.RecordedAt).ThenBy(c => c.Sequence).Last();
                    var fact = (AttendanceFact)latest.Fact;
                    return new AttendanceRecord(kv.Key, fact.Attendance, fact.Person ?? kv.Value.Select(c => ((AttendanceFact)c.Fact).Person).LastOrDefault(p => p is not null), kv.Value);
                })))
            .OrderBy(m => m.Date?.Start ?? DateOnly.MaxValue).ThenBy(m => m.Org).ThenBy(m => m.Id, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// One id per meeting: <see cref="IdOf"/>, and where meetings of different bodies share a day and a place (the CSTO
    /// summit and the ministerial sessions in Astana on 2024-11-28), each gets its bodies after it —
    /// <c>csto-2024-11-28-astana-csc</c>, <c>csto-2024-11-28-astana-cdm-cfm-cssc</c> — and a number if that is not enough.
    /// </summary>
    private static List<string> DistinctIds(List<Draft> drafts)
    {
        var ids = drafts.Select(d => IdOf(d.Org, d.Date, d.Place)).ToList();
        foreach (var group in Enumerable.Range(0, drafts.Count).GroupBy(i => ids[i], StringComparer.Ordinal).Where(g => g.Count() > 1).ToList())
            foreach (var i in group)
                if (drafts[i].Bodies.Count > 0) ids[i] += "-" + string.Join('-', drafts[i].Bodies.Select(b => b.ToString()[(b.ToString().IndexOf('/') + 1)..]));
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < ids.Count; i++)
        {
            var n = seen[ids[i]] = seen.GetValueOrDefault(ids[i]) + 1;
            if (n > 1) ids[i] += $"-{n}";
        }
        return ids;
    }

    /// <summary>A readable id: <c>csto-2024-11-28-astana</c>.</summary>
    public static string IdOf(OrgId org, EdtfDate? date, string? place)
    {
        var parts = new List<string> { org.Value, date?.ToString() ?? "undated" };
        if (!string.IsNullOrWhiteSpace(place)) parts.Add(NameFolding.Fold(place).Replace(' ', '-'));
        return string.Join('-', parts);
    }

    public static bool SamePlace(string? a, string? b) =>
        a is null || b is null || PlaceKey(a) == PlaceKey(b);

    private static string PlaceKey(string place)
    {
        var f = NameFolding.Fold(place);
        return f.StartsWith("st ", StringComparison.Ordinal) ? "saint " + f[3..] : f;
    }

    /// <summary>
    /// The meeting a claim is about: same organization, overlapping dates, same place (or none given), and — when both
    /// name bodies — a body in common (a summit and a ministerial session in one city on one day are two meetings).
    /// </summary>
    private static Draft? Find(List<Draft> drafts, OrgId org, EdtfDate? date, string? place, IReadOnlyList<BodyId> bodies) =>
        drafts.FirstOrDefault(d => d.Org == org && d.Date is { } dd && date is { } x && dd.Overlaps(x) && SamePlace(d.Place, place) && SharesBodies(d, bodies))
        ?? (date is null ? drafts.FirstOrDefault(d => d.Org == org && place is not null && d.Place is not null && SamePlace(d.Place, place) && SharesBodies(d, bodies)) : null);

    private static bool SharesBodies(Draft d, IReadOnlyList<BodyId> bodies) =>
        bodies.Count == 0 || d.Bodies.Count == 0 || bodies.Any(d.Bodies.Contains);
}
