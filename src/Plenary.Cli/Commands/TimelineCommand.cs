using System.CommandLine;
using Plenary.Core.Claims;
using Plenary.Core.Standings;

namespace Plenary.Cli.Commands;

/// <summary><c>plenary timeline STATE ORG</c>: the standing intervals with their sources.</summary>
public static class TimelineCommand
{
    public static Command Create()
    {
        var stateInOrg = new CliOptions.StateInOrg();
        return new Reading().Command("timeline", "A state's standing in an organization over time, with the sources of each period", stateInOrg.Arguments, (r, registry) =>
        {
            var c = registry.Catalog;
            var (s, o) = stateInOrg.Resolve(r, c);
            var report = registry.Queries.Timeline(s, o, registry.KnownAt);
            if (registry.Json) { Output.Json(report); return 0; }
            Output.Table($"{c.StateName(s)} in the {c.OrganizationName(o)}", ["from", "until", "standing", "sources"],
                report.Periods.Select(p => (IReadOnlyList<string?>)[p.From + (p.SinceAsserted ? " (at the latest)" : ""), p.Until?.ToString() ?? "…", WireName.Of(p.Standing),
                    p.Basis == StandingBasis.Claims ? string.Join("; ", p.Claims.Select(Output.Source).Distinct())
                        : OrganizationStanding.Explain(p.Basis, c.FindOrganization(o), c, p.From.End)]));
            foreach (var conflict in report.Conflicts) Output.Line($"conflict: {conflict.Reason}");
            return 0;
        });
    }
}
