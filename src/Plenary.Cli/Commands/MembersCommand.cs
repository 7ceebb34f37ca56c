using System.CommandLine;
using Plenary.Core.Claims;
using Plenary.Core.Standings;
using Plenary.Core.Time;
using Plenary.Store.Queries;

namespace Plenary.Cli.Commands;

/// <summary><c>plenary members ORG</c>: who belongs to an organization on a day (or during a month or a year), and in what standing.</summary>
public static class MembersCommand
{
    public static Command Create()
    {
        var org = new Argument<string>("org") { Description = "Organization: id (csto) or name" };
        var on = CliOptions.During();
        var knownAt = CliOptions.KnownAt();
        var format = CliOptions.Format("table", "json");
        var cmd = new Command("members", "The members of an organization on a day (de jure members; observers and others listed apart)") { org, on, knownAt, format };
        cmd.SetAction(r =>
        {
            var period = CliOptions.Period(r.GetValue(on), "--on");
            var known = CliOptions.Time(r.GetValue(knownAt), "--known-at");
            using var store = RegistryOpener.Open(r);
            var o = CliOptions.Org(store.Catalog, r.GetValue(org)!);
            if (period.Precision != DatePrecision.Day) return During(new RegistryQueries(store).MembersDuring(o, period, known), r.GetValue(format) == "json");
            var day = period.Start;
            var report = new RegistryQueries(store).Members(o, day, known);
            if (r.GetValue(format) == "json") { Output.Json(report); return 0; }
            if (store.Catalog.FindOrganization(o) is { } organization && report.Ended is not null)
                Output.Line($"No members on {day:yyyy-MM-dd}: {OrganizationStanding.Ending(organization, store.Catalog)}.");
            else if (!report.Complete)
                Output.Line($"The registry's member list of the {report.Name} is not complete on {day:yyyy-MM-dd}: a state not listed may be a member it has no data about.");
            Output.Table($"Members of the {report.Name} on {day:yyyy-MM-dd}", ["state", "name", "standing", "since"],
                report.Members.Select(m => (IReadOnlyList<string?>)[m.State.Value, m.Name, WireName.Of(m.Standing), m.Since?.ToString()]));
            if (report.Others.Count > 0)
                Output.Table("Observers, partners, candidates", ["state", "name", "standing", "since"],
                    report.Others.Select(m => (IReadOnlyList<string?>)[m.State.Value, m.Name, WireName.Of(m.Standing), m.Since?.ToString()]));
            return 0;
        });
        return cmd;
    }

    private static int During(MembersDuringReport report, bool json)
    {
        if (json) { Output.Json(report); return 0; }
        Output.During($"Members of the {report.Name} during {report.During}", "state", report.During,
            report.Members.Select(m => (m.State.Value, m.Name, m.Standing, m.From, m.Until, m.Whole)));
        return 0;
    }
}
