using Microsoft.AspNetCore.Http.HttpResults;
using Plenary.Core.Claims;
using Plenary.Core.Ids;
using Plenary.Core.Registry;
using Plenary.Core.Standings;
using Plenary.Core.Time;
using Plenary.Store.Queries;

namespace Plenary.Web.Api;

/// <summary><c>/states</c>: the states, and one with its standings on a day (or during a month or a year) and over time.</summary>
public static class StatesApi
{
    public sealed record StatesPage(IReadOnlyList<State> States, PageInfo Page);

    public sealed record Membership(OrgId Org, string Name, Standing Standing, EdtfDate? Since, StandingBasis Basis);

    public sealed record StateAnswer(State State, DateOnly On, IReadOnlyList<Membership> Memberships);

    /// <summary>A state with its standings during a month or a year (<c>on=2016</c>): each part of the period with its standing.</summary>
    public sealed record StandingsDuringAnswer(State State, EdtfDate During, IReadOnlyList<StandingPart> Memberships);

    public sealed record StateTimelines(StateId State, DateTimeOffset? KnownAt, IReadOnlyList<TimelineReport> Timelines);

    public static IEndpointRouteBuilder MapStatesApi(this IEndpointRouteBuilder api)
    {
        var states = api.MapGroup("/states");
        states.MapGet("", States).Documented("states", "The states the registry knows", 400);
        states.MapGet("/{id}", State).Documented("state",
            "A state and its standings on a day (on=YYYY-MM-DD), or during a month or a year (on=YYYY-MM, on=YYYY: each standing with the part of the period it held; as `plenary show STATE`)", 400, 404);
        states.MapGet("/{id}/timelines", Timelines).Documented("state-timelines", "A state's standing over time in every organization", 400, 404);
        return api;
    }

    public static ApiOk<StatesPage> States(RegistryService r, [AsParameters] PageQuery paging) =>
        r.Read(s => ApiOk<StatesPage>.Of(paging.Of(s.Catalog.States, (states, page) => new StatesPage(states, page))));

    public static Results<Results<ApiOk<StateAnswer>, ApiOk<StandingsDuringAnswer>>, ProblemHttpResult> State(
        RegistryService r, string id, [AsParameters] OnQuery on, [AsParameters] KnownAtQuery known) =>
        r.AboutState(id, (s, state) =>
        {
            var (queries, at) = (new RegistryQueries(s), known.Time);
            return on.Answer(day => new StateAnswer(state, day, queries.StandingsOf(state.Id, day, at)
                    .Where(m => m.Day.Standing != Standing.NotMember)
                    .Select(m => new Membership(m.Org, s.Catalog.OrganizationName(m.Org), m.Day.Standing, m.Day.Since, m.Day.Basis))
                    .ToList()),
                period => new StandingsDuringAnswer(state, period, queries.StandingsDuring(state.Id, period, at).Standings));
        });

    public static Results<ApiOk<StateTimelines>, ProblemHttpResult> Timelines(RegistryService r, string id, [AsParameters] KnownAtQuery known) =>
        r.AboutState(id, (s, state) =>
        {
            var queries = new RegistryQueries(s);
            var at = known.Time;
            return ApiOk<StateTimelines>.Of(new StateTimelines(state.Id, at, queries.Memberships(state.Id, at).Select(m => queries.Timeline(state.Id, m.Org, at)).ToList()));
        });
}
