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
        var state = new Argument<string>("state") { Description = "State: id (ARM) or name (Armenia)" };
        var org = new Argument<string>("org") { Description = "Organization: id (csto) or name" };
        var on = CliOptions.During();
        var knownAt = CliOptions.KnownAt();
        var format = CliOptions.Format("table", "json");
        var cmd = new Command("status", "A state's standing in an organization on a day, with the claims behind it") { state, org, on, knownAt, format };
        cmd.SetAction(r =>
        {
            var period = CliOptions.Period(r.GetValue(on), "--on");
            var known = CliOptions.Time(r.GetValue(knownAt), "--known-at");
            using var store = RegistryOpener.Open(r);
            var s = CliOptions.State(store.Catalog, r.GetValue(state)!);
            var o = CliOptions.Org(store.Catalog, r.GetValue(org)!);
            if (period.Precision != DatePrecision.Day) return During(store, s, o, period, known, r.GetValue(format) == "json");
            var day = period.Start;
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

    /// <summary>"Armenia in the CSTO during 2024: changed during the year", then each part with its standing.</summary>
    private static int During(Store.RegistryStore store, Core.Ids.StateId s, Core.Ids.OrgId o, EdtfDate period, DateTimeOffset? known, bool json)
    {
        var report = new RegistryQueries(store).StatusDuring(s, o, period, known);
        if (json) { Output.Json(report); return 0; }
        var org = store.Catalog.FindOrganization(o);
        string Part(PartView p) => $"{WireName.Of(p.Standing)}, {StandingDuring.Span(period, p.From, p.Until, p.Whole)}"
            + (OrganizationStanding.Explain(p.Basis, org, store.Catalog, p.From.Start < period.Start ? period.Start : p.From.Start) is { } why ? $" — {why}" : "");
        var head = $"{store.Catalog.StateName(s)} in the {store.Catalog.OrganizationName(o)} during {period}: ";
        if (report.Parts.Count == 1) Output.Line(head + Part(report.Parts[0]));
        else
        {
            Output.Line(head + $"changed during the {StandingDuring.WordFor(period)}");
            foreach (var p in report.Parts) Output.Line("  " + Part(p));
        }
        var claims = report.Parts.SelectMany(p => p.Claims).DistinctBy(c => c.Id).ToList();
        Output.Table("Who says so", ["claim", "says", "source", "evidence"], claims.Select(c => (IReadOnlyList<string?>)
            [c.Id, c.Says, Output.Source(c), string.Join(" … ", c.Evidence.Select(e => e.Text).Where(t => t is not null))]));
        foreach (var conflict in report.Conflicts) Output.Line($"conflict: {conflict.Reason}");
        return 0;
    }
}
