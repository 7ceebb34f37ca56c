using System.CommandLine;
using Plenary.Core.Claims;

namespace Plenary.Cli.Commands;

/// <summary><c>plenary attendance ORG</c>: the organization's meetings and who attended or stayed away.</summary>
public static class AttendanceCommand
{
    public static Command Create()
    {
        var org = CliOptions.OrgArgument();
        var from = new Option<string?>("--from") { Description = "First day (YYYY-MM-DD)" };
        var to = new Option<string?>("--to") { Description = "Last day (YYYY-MM-DD)" };
        return new Reading().Command("attendance", "An organization's meetings with each member's attendance", [org, from, to], (r, registry) =>
        {
            var f = CliOptions.OptionalDay(r.GetValue(from), "--from");
            var t = CliOptions.OptionalDay(r.GetValue(to), "--to");
            if (f > t) throw new UsageException($"--from {f:yyyy-MM-dd} is after --to {t:yyyy-MM-dd}");
            var o = CliOptions.Org(registry.Catalog, r.GetValue(org)!);
            var report = registry.Queries.Attendance(o, f, t, registry.KnownAt);
            if (registry.Json) { Output.Json(report); return 0; }
            var states = report.Meetings.SelectMany(m => m.Attendance.Keys).Distinct().Order().ToList();
            Output.Table($"Meetings of the {registry.Catalog.OrganizationName(o)}", ["date", "place", "bodies", "status", .. states.Select(s => s.Value)],
                report.Meetings.Select(m => (IReadOnlyList<string?>)[m.Date?.ToString(), m.Place, string.Join(", ", m.Bodies.Select(b => b.Name)), WireName.Of(m.Status),
                    .. states.Select(s => m.Attendance.TryGetValue(s, out var a) ? WireName.Of(a) : "")]));
            return 0;
        });
    }
}
