using System.CommandLine;
using Plenary.Core.Claims;
using Plenary.Core.Standings;
using Plenary.Store.Queries;

namespace Plenary.Cli.Commands;

/// <summary><c>plenary status STATE ORG</c>: a state's standing in an organization on a day, and who says so.</summary>
public static class StatusCommand
{
    public static Command Create()
    {
        var state = new Argument<string>("state") { Description = "State: id (ARM) or name (Armenia)" };
        var org = new Argument<string>("org") { Description = "Organization: id (csto) or name" };
        var on = CliOptions.On();
        var knownAt = CliOptions.KnownAt();
        var format = CliOptions.Format("table", "json");
        var cmd = new Command("status", "A state's standing in an organization on a day, with the claims behind it") { state, org, on, knownAt, format };
        cmd.SetAction(r =>
        {
            var day = CliOptions.Day(r.GetValue(on), "--on");
            var known = CliOptions.Time(r.GetValue(knownAt), "--known-at");
            using var store = RegistryOpener.Open(r);
            var s = CliOptions.State(store.Catalog, r.GetValue(state)!);
            var o = CliOptions.Org(store.Catalog, r.GetValue(org)!);
            var report = new RegistryQueries(store).Status(s, o, day, known);
            if (r.GetValue(format) == "json") { Output.Json(report); return 0; }
            var why = OrganizationStanding.Explain(report.Basis, store.Catalog.FindOrganization(o), store.Catalog, day);
            Output.Line($"{store.Catalog.StateName(s)} in the {store.Catalog.OrganizationName(o)} on {day:yyyy-MM-dd}: {WireName.Of(report.Standing)}"
                + (report.Since is { } since && report.Basis == StandingBasis.Claims ? $" since {since}{(report.SinceAsserted ? " (at the latest)" : "")}" : "")
                + (why is not null ? $" — {why}" : "")
                + (report.Certain || report.Basis == StandingBasis.NoData ? "" : " (uncertain: the change's date is imprecise)"));
            Output.Line($"de jure member: {(report.DeJureMember ? "yes" : "no")}; participating: {(report.Participating ? "yes" : "no")}");
            Output.Table("Who says so", ["claim", "says", "source", "evidence"], report.Claims.Select(c => (IReadOnlyList<string?>)
                [c.Id, c.Says, Output.Source(c), string.Join(" … ", c.Evidence.Select(e => e.Text).Where(t => t is not null))]));
            foreach (var conflict in report.Conflicts) Output.Line($"conflict: {conflict.Reason}");
            return 0;
        });
        return cmd;
    }

}
