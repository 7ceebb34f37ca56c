using System.CommandLine;
using Plenary.Core.Claims;
using Plenary.Core.Registry;
using Plenary.Core.Standings;
using Plenary.Core.Time;
using Plenary.Store;
using Plenary.Store.Queries;

namespace Plenary.Cli.Commands;

/// <summary><c>plenary orgs</c>, <c>plenary states</c> and <c>plenary show X</c>: the registry's named things.</summary>
public static class CatalogCommands
{
    public static Command Orgs()
    {
        var format = CliOptions.Format("table", "json");
        var state = new Option<string?>("--state") { Description = "Only the organizations this state (id or name) belongs to on --on (members, observers, partners)" };
        var on = CliOptions.During();
        var knownAt = CliOptions.KnownAt();
        var cmd = new Command("orgs", "The organizations the registry knows, or those a state belongs to") { format, state, on, knownAt };
        cmd.SetAction(r =>
        {
            var period = CliOptions.Period(r.GetValue(on), "--on");
            var known = CliOptions.Time(r.GetValue(knownAt), "--known-at");
            using var store = RegistryOpener.Open(r);
            if (r.GetValue(state) is { } stateName)
            {
                var s = CliOptions.State(store.Catalog, stateName);
                var json = r.GetValue(format) == "json";
                return period.Precision == DatePrecision.Day ? OrgsOfState(store, s, period.Start, known, json) : OrgsOfStateDuring(store, s, period, known, json);
            }
            var orgs = store.Catalog.Organizations;
            if (r.GetValue(format) == "json") { Output.Json(new { organizations = orgs }); return 0; }
            Output.Table(null, ["id", "name", "acronyms", "founded", "ended", "headquarters"],
                orgs.Select(o => (IReadOnlyList<string?>)[o.Id.Value, o.Name, string.Join(", ", o.Acronyms), o.Founded?.ToString(), o.EndedOn()?.ToString(), o.Headquarters]));
            return 0;
        });
        return cmd;
    }

    /// <summary>The organizations a state is in on a day: de jure members and the states taking part as observers or partners.</summary>
    private static int OrgsOfState(RegistryStore store, Core.Ids.StateId state, DateOnly day, DateTimeOffset? known, bool json)
    {
        var c = store.Catalog;
        var rows = new RegistryQueries(store).StandingsOf(state, day, known)
            .Where(x => x.Day.DeJureMember || x.Day.Participating)
            .Select(x => new { org = x.Org, name = c.OrganizationName(x.Org), standing = x.Day.Standing, since = x.Day.Since, certain = x.Day.Certain })
            .ToList();
        if (json) { Output.Json(new { state, on = day, known_at = known, organizations = rows }); return 0; }
        Output.Table($"Organizations {c.StateName(state)} belongs to on {day:yyyy-MM-dd}", ["org", "name", "standing", "since"],
            rows.Select(x => (IReadOnlyList<string?>)[x.org.Value, x.name, WireName.Of(x.standing), x.since?.ToString()]));
        return 0;
    }

    /// <summary>The organizations a state was in during a year or a month, with the part of the period it was in each.</summary>
    private static int OrgsOfStateDuring(RegistryStore store, Core.Ids.StateId state, EdtfDate period, DateTimeOffset? known, bool json)
    {
        var report = new RegistryQueries(store).StandingsDuring(state, period, known);
        report = report with { Standings = report.Standings.Where(p => p.Standing.IsDeJureMember() || p.Standing.IsParticipating()).ToList() };
        if (json) { Output.Json(report); return 0; }
        Output.During($"Organizations {store.Catalog.StateName(state)} belonged to during {period}", "org", period, Rows(report));
        return 0;
    }

    private static IEnumerable<(string, string, Standing, EdtfDate, EdtfDate?, bool)> Rows(StandingsDuringReport report) =>
        report.Standings.Select(p => (p.Org.Value, p.Name, p.Standing, p.From, p.Until, p.Whole));

    public static Command States()
    {
        var format = CliOptions.Format("table", "json");
        var cmd = new Command("states", "The states the registry knows") { format };
        cmd.SetAction(r =>
        {
            using var store = RegistryOpener.Open(r);
            var states = store.Catalog.States;
            if (r.GetValue(format) == "json") { Output.Json(new { states }); return 0; }
            Output.Table(null, ["id", "name", "cow", "capital", "until"],
                states.Select(s => (IReadOnlyList<string?>)[s.Id.Value, s.Name, s.CowCode?.ToString(System.Globalization.CultureInfo.InvariantCulture), s.Capital, s.Until?.ToString()]));
            return 0;
        });
        return cmd;
    }

    public static Command Show()
    {
        var what = new Argument<string>("name") { Description = "An organization, state or person: id or name" };
        var on = CliOptions.During();
        var knownAt = CliOptions.KnownAt();
        var format = CliOptions.Format("table", "json");
        var cmd = new Command("show", "Everything the registry holds about one organization, state or person") { what, on, knownAt, format };
        cmd.SetAction(r =>
        {
            var period = CliOptions.Period(r.GetValue(on), "--on");
            var known = CliOptions.Time(r.GetValue(knownAt), "--known-at");
            using var store = RegistryOpener.Open(r);
            var name = r.GetValue(what)!;
            var queries = new RegistryQueries(store);
            var json = r.GetValue(format) == "json";
            var c = store.Catalog;
            if (c.ResolveOrganization(name).Id is { } orgId) { ShowOrg(c.FindOrganization(orgId)!, queries, period, known, json); return 0; }
            if (c.ResolveState(name).Id is { } stateId) { ShowState(c.FindState(stateId)!, queries, c, period, known, json); return 0; }
            if (c.ResolvePerson(name).Id is { } personId) { ShowPerson(c.FindPerson(personId)!, queries, known, json); return 0; }
            var hints = new[] { c.ResolveOrganization(name).Error, c.ResolveState(name).Error, c.ResolvePerson(name).Error };
            throw new UsageException($"'{name}' is no organization, state or person the registry knows; " +
                string.Join("; ", hints.Where(h => h is not null && h.Contains("closest", StringComparison.Ordinal)).Select(h => h![(h!.IndexOf("closest", StringComparison.Ordinal))..]).DefaultIfEmpty("try `plenary orgs` or `plenary states`")));
        });
        return cmd;
    }

    /// <summary>An organization, with its members on a day or, for a year or a month, during it (as <c>members --on</c>).</summary>
    private static void ShowOrg(Organization org, RegistryQueries q, EdtfDate period, DateTimeOffset? known, bool json)
    {
        var day = period.Start;
        var members = period.Precision == DatePrecision.Day ? q.Members(org.Id, day, known) : null;
        var during = members is null ? q.MembersDuring(org.Id, period, known) : null;
        var chairs = q.Chairs(org.Id, known);
        if (json) { Output.Json(new { organization = org, members = (object?)members ?? during, chairs }); return; }
        Output.Line($"{org.Name} ({org.Id}){(org.Acronyms.Count > 0 ? " — " + string.Join(", ", org.Acronyms) : "")}");
        Output.Line($"founded {org.Founded?.ToString() ?? "?"}; headquarters {org.Headquarters ?? "?"}");
        if (OrganizationStanding.Ending(org, q.Catalog) is { } ending) Output.Line(char.ToUpperInvariant(ending[0]) + ending[1..] + (org.EndNote is { } n ? $" — {n}" : ""));
        if (org.Predecessors.Count > 0) Output.Line($"predecessors: {string.Join(", ", org.Predecessors.Select(q.Catalog.OrganizationName))}");
        if (org.Successors.Count > 0) Output.Line($"successors: {string.Join(", ", org.Successors.Select(q.Catalog.OrganizationName))}");
        Output.Line(org.Coverage.Count == 0 ? "coverage: none (the member list is not known to be complete at any time; no fact means unknown)"
            : $"coverage: {string.Join("; ", org.Coverage.Select(cv => $"{cv.Period} ({q.Catalog.FindSource(cv.SourceId)?.Title ?? cv.SourceId})"))}");
        if (org.Bodies.Count > 0)
            Output.Table("Bodies", ["id", "name", "level"], org.Bodies.Select(b => (IReadOnlyList<string?>)[b.Id.ToString(), b.Name, b.Level]));
        if (during is not null)
            Output.During($"Members during {period}", "state", period, during.Members.Select(m => (m.State.Value, m.Name, m.Standing, m.From, m.Until, m.Whole)));
        else
            Output.Table($"Members on {day:yyyy-MM-dd}", ["state", "name", "standing", "since"],
                members!.Members.Concat(members.Others).Select(m => (IReadOnlyList<string?>)[m.State.Value, m.Name, WireName.Of(m.Standing), m.Since?.ToString()]));
        if (chairs.Count > 0)
            Output.Table("Chairs", ["from", "until", "body", "state", "person", "scope"],
                chairs.Select(ch => (IReadOnlyList<string?>)[ch.From?.ToString(), ch.Until?.ToString(), ch.Body?.ToString(), ch.State.Value, ch.Person, WireName.Of(ch.Scope)]));
    }

    /// <summary>A state, with its standings on a day or, for a year or a month, during it (each part of the period it held).</summary>
    private static void ShowState(State state, RegistryQueries q, Catalog c, EdtfDate period, DateTimeOffset? known, bool json)
    {
        if (period.Precision != DatePrecision.Day)
        {
            var report = q.StandingsDuring(state.Id, period, known);
            report = report with { Standings = report.Standings.Where(p => p.Standing != Standing.Unknown).ToList() };
            if (json) { Output.Json(new { state, during = period, memberships = report.Standings }); return; }
            StateHead(state);
            Output.During($"Standings during {period}", "org", period, Rows(report));
            return;
        }
        var day = period.Start;
        var memberships = q.StandingsOf(state.Id, day, known)
            .Where(m => m.Day.Standing is not (Standing.NotMember or Standing.Unknown))
            .Select(m => new { org = m.Org, name = c.OrganizationName(m.Org), standing = m.Day.Standing, since = m.Day.Since })
            .ToList();
        if (json) { Output.Json(new { state, on = day, memberships }); return; }
        StateHead(state);
        Output.Table($"Standings on {day:yyyy-MM-dd}", ["org", "name", "standing", "since"],
            memberships.Select(m => (IReadOnlyList<string?>)[m.org.Value, m.name, WireName.Of(m.standing), m.since?.ToString()]));
    }

    private static void StateHead(State state)
    {
        Output.Line($"{state.Name} ({state.Id}){(state.CowCode is { } cow ? $", COW {cow}" : "")}; capital {state.Capital ?? "?"}");
        if (state.Aliases.Count > 0) Output.Line($"also: {string.Join(", ", state.Aliases)}");
    }

    private static void ShowPerson(Person person, RegistryQueries q, DateTimeOffset? known, bool json)
    {
        var statements = q.Statements(person, known);
        if (json) { Output.Json(new { person, statements }); return; }
        Output.Line($"{person.Name} ({person.Id}){(person.State is { } s ? $", {s}" : "")}");
        Output.Table("Offices", ["role", "of", "from", "until"],
            person.Offices.Select(o => (IReadOnlyList<string?>)[o.Role, o.Org?.Value ?? o.State?.Value, o.Term.From?.ToString(), o.Term.To?.ToString()]));
        Output.Table("Statements", ["claim", "said", "source"],
            statements.Select(st => (IReadOnlyList<string?>)[st.Id, st.Says, Output.Source(st)]));
    }
}
