using System.CommandLine;
using Plenary.Core.Claims;
using Plenary.Core.Standings;
using Plenary.Store.Queries;

namespace Plenary.Cli.Commands;

/// <summary><c>plenary timeline STATE ORG</c>: the standing intervals with their sources.</summary>
public static class TimelineCommand
{
    public static Command Create()
    {
        var state = new Argument<string>("state") { Description = "State: id or name" };
        var org = new Argument<string>("org") { Description = "Organization: id or name" };
        var knownAt = CliOptions.KnownAt();
        var format = CliOptions.Format("table", "json");
        var cmd = new Command("timeline", "A state's standing in an organization over time, with the sources of each period") { state, org, knownAt, format };
        cmd.SetAction(r =>
        {
            var known = CliOptions.Time(r.GetValue(knownAt), "--known-at");
            using var store = RegistryOpener.Open(r);
            var s = CliOptions.State(store.Catalog, r.GetValue(state)!);
            var o = CliOptions.Org(store.Catalog, r.GetValue(org)!);
            var report = new RegistryQueries(store).Timeline(s, o, known);
            if (r.GetValue(format) == "json") { Output.Json(report); return 0; }
            Output.Table($"{store.Catalog.StateName(s)} in the {store.Catalog.OrganizationName(o)}", ["from", "until", "standing", "sources"],
                report.Periods.Select(p => (IReadOnlyList<string?>)[p.From + (p.SinceAsserted ? " (at the latest)" : ""), p.Until?.ToString() ?? "…", WireName.Of(p.Standing),
                    p.Basis == StandingBasis.Claims ? string.Join("; ", p.Claims.Select(Output.Source).Distinct())
                        : OrganizationStanding.Explain(p.Basis, store.Catalog.FindOrganization(o), store.Catalog, p.From.End)]));
            foreach (var c in report.Conflicts) Output.Line($"conflict: {c.Reason}");
            return 0;
        });
        return cmd;
    }
}
