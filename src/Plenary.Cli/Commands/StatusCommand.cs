using System.CommandLine;
using Plenary.Core.Claims;
using Plenary.Core.Standings;
using Plenary.Core.Time;
using Plenary.Store.Queries;

namespace Plenary.Cli.Commands;

/// <summary><c>plenary status STATE ORG</c>: a state's standing in an organization on a day, and who says so.</summary>
public static class StatusCommand
{
    public static Command Create()
    {
        var stateInOrg = new CliOptions.StateInOrg();
        return new Reading(on: true).Command("status", "A state's standing in an organization on a day, with the claims behind it", stateInOrg.Arguments, (r, registry) =>
        {
            var (s, o) = stateInOrg.Resolve(r, registry.Catalog);
            if (registry.On.Precision != DatePrecision.Day) return During(registry, s, o, registry.On);
            var day = registry.On.Start;
            var report = registry.Queries.Status(s, o, day, registry.KnownAt);
            if (registry.Json) { Output.Json(report); return 0; }
            var why = OrganizationStanding.Explain(report.Basis, registry.Catalog.FindOrganization(o), registry.Catalog, day);
            Output.Line($"{registry.Catalog.StateName(s)} in the {registry.Catalog.OrganizationName(o)} on {day:yyyy-MM-dd}: {WireName.Of(report.Standing)}"
                + (report.Since is { } since && report.Basis == StandingBasis.Claims ? $" since {since}{(report.SinceAsserted ? " (at the latest)" : "")}" : "")
                + (why is not null ? $" — {why}" : "")
                + (report.Certain || report.Basis == StandingBasis.NoData ? "" : " (uncertain: the change's date is imprecise)"));
            Output.Line($"de jure member: {(report.DeJureMember ? "yes" : "no")}; participating: {(report.Participating ? "yes" : "no")}");
            WhoSaysSo(report.Claims, report.Conflicts);
            return 0;
        });
    }

    /// <summary>"Armenia in the CSTO during 2024: changed during the year", then each part with its standing.</summary>
    private static int During(Reading.Session registry, Core.Ids.StateId s, Core.Ids.OrgId o, EdtfDate period)
    {
        var report = registry.Queries.StatusDuring(s, o, period, registry.KnownAt);
        if (registry.Json) { Output.Json(report); return 0; }
        var catalog = registry.Catalog;
        var org = catalog.FindOrganization(o);
        string Part(PartView p) => $"{WireName.Of(p.Standing)}, {StandingDuring.Span(period, p.From, p.Until, p.Whole)}"
            + (OrganizationStanding.Explain(p.Basis, org, catalog, p.From.Start < period.Start ? period.Start : p.From.Start) is { } why ? $" — {why}" : "");
        var head = $"{catalog.StateName(s)} in the {catalog.OrganizationName(o)} during {period}: ";
        if (report.Parts.Count == 1) Output.Line(head + Part(report.Parts[0]));
        else
        {
            Output.Line(head + $"changed during the {StandingDuring.WordFor(period)}");
            foreach (var p in report.Parts) Output.Line("  " + Part(p));
        }
        WhoSaysSo(report.Parts.SelectMany(p => p.Claims).DistinctBy(c => c.Id).ToList(), report.Conflicts);
        return 0;
    }

    /// <summary>The claims behind the answer, with their evidence, and the conflicts between them.</summary>
    private static void WhoSaysSo(IReadOnlyList<ClaimView> claims, IReadOnlyList<ConflictView> conflicts)
    {
        Output.Table("Who says so", ["claim", "says", "source", "evidence"], claims.Select(c => (IReadOnlyList<string?>)
            [c.Id, c.Says, Output.Source(c), string.Join(" … ", c.Evidence.Select(e => e.Text).Where(t => t is not null))]));
        foreach (var conflict in conflicts) Output.Line($"conflict: {conflict.Reason}");
    }
}
