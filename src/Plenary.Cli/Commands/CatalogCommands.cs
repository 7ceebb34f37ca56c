using System.CommandLine;
using Plenary.Core.Claims;
using Plenary.Core.Registry;
using Plenary.Core.Standings;
using Plenary.Core.Time;
using Plenary.Store.Queries;

namespace Plenary.Cli.Commands;

/// <summary><c>plenary orgs</c>, <c>plenary states</c> and <c>plenary show X</c>: the registry's named things.</summary>
public static class CatalogCommands
{
    public static Command Orgs()
    {
        var state = new Option<string?>("--state") { Description = "Only the organizations this state (id or name) belongs to on --on (members, observers, partners)" };
        return new Reading(on: true).Command("orgs", "The organizations the registry knows, or those a state belongs to", [state], (r, registry) =>
        {
            if (r.GetValue(state) is { } stateName)
            {
                var s = CliOptions.State(registry.Catalog, stateName);
                return registry.On.Precision == DatePrecision.Day ? OrgsOfState(registry, s, registry.On.Start) : OrgsOfStateDuring(registry, s, registry.On);
            }
            var orgs = registry.Catalog.Organizations;
            if (registry.Json) { Output.Json(new { organizations = orgs }); return 0; }
            Output.Table(null, ["id", "name", "acronyms", "founded", "ended", "headquarters"],
                orgs.Select(o => (IReadOnlyList<string?>)[o.Id.Value, o.Name, string.Join(", ", o.Acronyms), o.Founded?.ToString(), o.EndedOn()?.ToString(), o.Headquarters]));
            return 0;
        });
    }

    /// <summary>The organizations a state is in on a day: de jure members and the states taking part as observers or partners.</summary>
    private static int OrgsOfState(Reading.Session registry, Core.Ids.StateId state, DateOnly day)
    {
        var c = registry.Catalog;
        var rows = registry.Queries.StandingsOf(state, day, registry.KnownAt)
            .Where(x => x.Day.DeJureMember || x.Day.Participating)
            .Select(x => new { org = x.Org, name = c.OrganizationName(x.Org), standing = x.Day.Standing, since = x.Day.Since, certain = x.Day.Certain })
            .ToList();
        if (registry.Json) { Output.Json(new { state, on = day, known_at = registry.KnownAt, organizations = rows }); return 0; }
        Output.Table($"Organizations {c.StateName(state)} belongs to on {day:yyyy-MM-dd}", ["org", "name", "standing", "since"],
            rows.Select(x => (IReadOnlyList<string?>)[x.org.Value, x.name, WireName.Of(x.standing), x.since?.ToString()]));
        return 0;
    }

    /// <summary>The organizations a state was in during a year or a month, with the part of the period it was in each.</summary>
    private static int OrgsOfStateDuring(Reading.Session registry, Core.Ids.StateId state, EdtfDate period)
    {
        var report = registry.Queries.StandingsDuring(state, period, registry.KnownAt);
        report = report with { Standings = report.Standings.Where(p => p.Standing.IsDeJureMember() || p.Standing.IsParticipating()).ToList() };
        if (registry.Json) { Output.Json(report); return 0; }
        Output.During($"Organizations {registry.Catalog.StateName(state)} belonged to during {period}", "org", period, Parts(report));
        return 0;
    }

    private static IEnumerable<(string, string, Standing, EdtfDate, EdtfDate?, bool)> Parts(StandingsDuringReport report) =>
        report.Standings.Select(p => (p.Org.Value, p.Name, p.Standing, p.From, p.Until, p.Whole));

    public static Command States()
    {
        return new Reading(knownAt: false).Command("states", "The states the registry knows", [], (r, registry) =>
        {
            var states = registry.Catalog.States;
            if (registry.Json) { Output.Json(new { states }); return 0; }
            Output.Table(null, ["id", "name", "cow", "capital", "until"],
                states.Select(s => (IReadOnlyList<string?>)[s.Id.Value, s.Name, s.CowCode?.ToString(System.Globalization.CultureInfo.InvariantCulture), s.Capital, s.Until?.ToString()]));
            return 0;
        });
    }

    public static Command Show()
    {
        var what = new Argument<string>("name") { Description = "An organization, state or person: id or name" };
        return new Reading(on: true).Command("show", "Everything the registry holds about one organization, state or person", [what], (r, registry) =>
        {
            var name = r.GetValue(what)!;
            var c = registry.Catalog;
            if (c.ResolveOrganization(name).Id is { } orgId) { ShowOrg(c.FindOrganization(orgId)!, registry, registry.On); return 0; }
            if (c.ResolveState(name).Id is { } stateId) { ShowState(c.FindState(stateId)!, registry, registry.On); return 0; }
            if (c.ResolvePerson(name).Id is { } personId) { ShowPerson(c.FindPerson(personId)!, registry); return 0; }
            var hints = new[] { c.ResolveOrganization(name).Error, c.ResolveState(name).Error, c.ResolvePerson(name).Error };
            throw new UsageException($"'{name}' is no organization, state or person the registry knows; " +
                string.Join("; ", hints.Where(h => h is not null && h.Contains("closest", StringComparison.Ordinal)).Select(h => h![(h!.IndexOf("closest", StringComparison.Ordinal))..]).DefaultIfEmpty("try `plenary orgs` or `plenary states`")));
        });
    }

    /// <summary>An organization, with its members on a day or, for a year or a month, during it (as <c>members --on</c>).</summary>
    private static void ShowOrg(Organization org, Reading.Session registry, EdtfDate period)
    {
        var (q, c, known) = (registry.Queries, registry.Catalog, registry.KnownAt);
        var members = period.Precision == DatePrecision.Day ? q.Members(org.Id, period.Start, known) : null;
        var during = members is null ? q.MembersDuring(org.Id, period, known) : null;
        var chairs = q.Chairs(org.Id, known);
        if (registry.Json) { Output.Json(new { organization = org, members = (object?)members ?? during, chairs }); return; }
        Output.Line($"{org.Name} ({org.Id}){(org.Acronyms.Count > 0 ? " — " + string.Join(", ", org.Acronyms) : "")}");
        Output.Line($"founded {org.Founded?.ToString() ?? "?"}; headquarters {org.Headquarters ?? "?"}");
        if (OrganizationStanding.Ending(org, c) is { } ending) Output.Line(char.ToUpperInvariant(ending[0]) + ending[1..] + (org.EndNote is { } n ? $" — {n}" : ""));
        if (org.Predecessors.Count > 0) Output.Line($"predecessors: {string.Join(", ", org.Predecessors.Select(c.OrganizationName))}");
        if (org.Successors.Count > 0) Output.Line($"successors: {string.Join(", ", org.Successors.Select(c.OrganizationName))}");
        Output.Line(org.Coverage.Count == 0 ? "coverage: none (the member list is not known to be complete at any time; no fact means unknown)"
            : $"coverage: {string.Join("; ", org.Coverage.Select(cv => $"{cv.Period} ({c.FindSource(cv.SourceId)?.Title ?? cv.SourceId})"))}");
        if (org.Bodies.Count > 0)
            Output.Table("Bodies", ["id", "name", "level"], org.Bodies.Select(b => (IReadOnlyList<string?>)[b.Id.ToString(), b.Name, b.Level]));
        if (during is not null) Output.During($"Members during {period}", "state", period, MembersCommand.Parts(during));
        else Output.Table($"Members on {period}", ["state", "name", "standing", "since"], MembersCommand.Rows(members!.Members.Concat(members.Others)));
        if (chairs.Count > 0)
            Output.Table("Chairs", ["from", "until", "body", "state", "person", "scope"],
                chairs.Select(ch => (IReadOnlyList<string?>)[ch.From?.ToString(), ch.Until?.ToString(), ch.Body?.ToString(), ch.State.Value, ch.Person, WireName.Of(ch.Scope)]));
    }

    /// <summary>A state, with its standings on a day or, for a year or a month, during it (each part of the period it held).</summary>
    private static void ShowState(State state, Reading.Session registry, EdtfDate period)
    {
        if (period.Precision != DatePrecision.Day)
        {
            var report = registry.Queries.StandingsDuring(state.Id, period, registry.KnownAt);
            report = report with { Standings = report.Standings.Where(p => p.Standing != Standing.Unknown).ToList() };
            if (registry.Json) { Output.Json(new { state, during = period, memberships = report.Standings }); return; }
            StateHead(state);
            Output.During($"Standings during {period}", "org", period, Parts(report));
            return;
        }
        var day = period.Start;
        var memberships = registry.Queries.StandingsOf(state.Id, day, registry.KnownAt)
            .Where(m => m.Day.Standing is not (Standing.NotMember or Standing.Unknown))
            .Select(m => new { org = m.Org, name = registry.Catalog.OrganizationName(m.Org), standing = m.Day.Standing, since = m.Day.Since })
            .ToList();
        if (registry.Json) { Output.Json(new { state, on = day, memberships }); return; }
        StateHead(state);
        Output.Table($"Standings on {day:yyyy-MM-dd}", ["org", "name", "standing", "since"],
            memberships.Select(m => (IReadOnlyList<string?>)[m.org.Value, m.name, WireName.Of(m.standing), m.since?.ToString()]));
    }

    private static void StateHead(State state)
    {
        Output.Line($"{state.Name} ({state.Id}){(state.CowCode is { } cow ? $", COW {cow}" : "")}; capital {state.Capital ?? "?"}");
        if (state.Aliases.Count > 0) Output.Line($"also: {string.Join(", ", state.Aliases)}");
    }

    private static void ShowPerson(Person person, Reading.Session registry)
    {
        var statements = registry.Queries.Statements(person, registry.KnownAt);
        if (registry.Json) { Output.Json(new { person, statements }); return; }
        Output.Line($"{person.Name} ({person.Id}){(person.State is { } s ? $", {s}" : "")}");
        Output.Table("Offices", ["role", "of", "from", "until"],
            person.Offices.Select(o => (IReadOnlyList<string?>)[o.Role, o.Org?.Value ?? o.State?.Value, o.Term.From?.ToString(), o.Term.To?.ToString()]));
        Output.Table("Statements", ["claim", "said", "source"],
            statements.Select(st => (IReadOnlyList<string?>)[st.Id, st.Says, Output.Source(st)]));
    }
}
