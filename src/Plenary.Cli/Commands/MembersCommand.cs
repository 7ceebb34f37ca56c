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
        var org = CliOptions.OrgArgument();
        return new Reading(on: true).Command("members", "The members of an organization on a day (de jure members; observers and others listed apart)", [org], (r, registry) =>
        {
            var o = CliOptions.Org(registry.Catalog, r.GetValue(org)!);
            if (registry.On.Precision != DatePrecision.Day) return During(registry.Queries.MembersDuring(o, registry.On, registry.KnownAt), registry.Json);
            var day = registry.On.Start;
            var report = registry.Queries.Members(o, day, registry.KnownAt);
            if (registry.Json) { Output.Json(report); return 0; }
            if (registry.Catalog.FindOrganization(o) is { } organization && report.Ended is not null)
                Output.Line($"No members on {day:yyyy-MM-dd}: {OrganizationStanding.Ending(organization, registry.Catalog)}.");
            else if (!report.Complete)
                Output.Line($"The registry's member list of the {report.Name} is not complete on {day:yyyy-MM-dd}: a state not listed may be a member it has no data about.");
            Output.Table($"Members of the {report.Name} on {day:yyyy-MM-dd}", ["state", "name", "standing", "since"], Rows(report.Members));
            if (report.Others.Count > 0) Output.Table("Observers, partners, candidates", ["state", "name", "standing", "since"], Rows(report.Others));
            return 0;
        });
    }

    /// <summary>A member row on a day: the state, its name, its standing and since when (also <c>show ORG</c>'s).</summary>
    public static IEnumerable<IReadOnlyList<string?>> Rows(IEnumerable<MemberRow> members) =>
        members.Select(m => (IReadOnlyList<string?>)[m.State.Value, m.Name, WireName.Of(m.Standing), m.Since?.ToString()]);

    private static int During(MembersDuringReport report, bool json)
    {
        if (json) { Output.Json(report); return 0; }
        Output.During($"Members of the {report.Name} during {report.During}", "state", report.During, Parts(report));
        return 0;
    }

    /// <summary>The members during a month or a year, one row a part of it (also <c>show ORG --on 2016</c>'s).</summary>
    public static IEnumerable<(string, string, Standing, EdtfDate, EdtfDate?, bool)> Parts(MembersDuringReport report) =>
        report.Members.Select(m => (m.State.Value, m.Name, m.Standing, m.From, m.Until, m.Whole));
}
