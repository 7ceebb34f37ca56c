using System.CommandLine;
using Plenary.Core.Claims;
using Plenary.Store.Queries;

namespace Plenary.Cli.Commands;

/// <summary><c>plenary attendance ORG</c>: the organization's meetings and who attended or stayed away.</summary>
public static class AttendanceCommand
{
    public static Command Create()
    {
        var org = new Argument<string>("org") { Description = "Organization: id or name" };
        var from = new Option<string?>("--from") { Description = "First day (YYYY-MM-DD)" };
        var to = new Option<string?>("--to") { Description = "Last day (YYYY-MM-DD)" };
        var knownAt = CliOptions.KnownAt();
        var format = CliOptions.Format("table", "json");
        var cmd = new Command("attendance", "An organization's meetings with each member's attendance") { org, from, to, knownAt, format };
        cmd.SetAction(r =>
        {
            var f = CliOptions.OptionalDay(r.GetValue(from), "--from");
            var t = CliOptions.OptionalDay(r.GetValue(to), "--to");
            if (f > t) throw new UsageException($"--from {f:yyyy-MM-dd} is after --to {t:yyyy-MM-dd}");
            var known = CliOptions.Time(r.GetValue(knownAt), "--known-at");
            using var store = RegistryOpener.Open(r);
            var o = CliOptions.Org(store.Catalog, r.GetValue(org)!);
            var report = new RegistryQueries(store).Attendance(o, f, t, known);
            if (r.GetValue(format) == "json") { Output.Json(report); return 0; }
            var states = report.Meetings.SelectMany(m => m.Attendance.Keys).Distinct().Order().ToList();
            Output.Table($"Meetings of the {store.Catalog.OrganizationName(o)}", ["date", "place", "bodies", "status", .. states.Select(s => s.Value)],
                report.Meetings.Select(m => (IReadOnlyList<string?>)[m.Date?.ToString(), m.Place, string.Join(", ", m.Bodies.Select(b => b.Name)), WireName.Of(m.Status),
                    .. states.Select(s => m.Attendance.TryGetValue(s, out var a) ? WireName.Of(a) : "")]));
            return 0;
        });
        return cmd;
    }
}
