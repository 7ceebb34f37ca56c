using Microsoft.AspNetCore.Http.HttpResults;
using Plenary.Core.Claims;
using Plenary.Core.Ids;
using Plenary.Core.Registry;
using Plenary.Core.Standings;
using Plenary.Core.Time;
using Plenary.Store.Queries;

namespace Plenary.Web.Api;

/// <summary><c>/states</c>: the states, and one with its standings on a day and over time.</summary>
public static class StatesApi
{
    public sealed record StatesPage(IReadOnlyList<State> States, PageInfo Page);

    public sealed record Membership(OrgId Org, string Name, Standing Standing, EdtfDate? Since, StandingBasis Basis);

    public sealed record StateAnswer(State State, DateOnly On, IReadOnlyList<Membership> Memberships);

    public sealed record StateTimelines(StateId State, DateTimeOffset? KnownAt, IReadOnlyList<TimelineReport> Timelines);

    public static IEndpointRouteBuilder MapStatesApi(this IEndpointRouteBuilder api)
    {
        var states = api.MapGroup("/states");
        states.MapGet("", States).Documented("states", "The states the registry knows", 400);
        states.MapGet("/{id}", State).Documented("state", "A state and its standings on a day (as `plenary show STATE`)", 400, 404);
        states.MapGet("/{id}/timelines", Timelines).Documented("state-timelines", "A state's standing over time in every organization", 400, 404);
        return api;
    }

    public static ApiOk<StatesPage> States(RegistryService r, [AsParameters] PageQuery paging) =>
        r.Read(s => ApiOk<StatesPage>.Of(paging.Of(s.Catalog.States, (states, page) => new StatesPage(states, page))));

    public static Results<ApiOk<StateAnswer>, ProblemHttpResult> State(RegistryService r, string id, [AsParameters] OnQuery q, [AsParameters] KnownAtQuery known) =>
        r.Read<Results<ApiOk<StateAnswer>, ProblemHttpResult>>(s =>
        {
            if (Inputs.FindState(s.Catalog, id, out var missing) is not { } state) return Problems.NotFound(missing);
            var day = Inputs.Day(q.On, "on");
            var memberships = new RegistryQueries(s).StandingsOf(state.Id, day, known.Time)
                .Where(m => m.Day.Standing != Standing.NotMember)
                .Select(m => new Membership(m.Org, s.Catalog.OrganizationName(m.Org), m.Day.Standing, m.Day.Since, m.Day.Basis))
                .ToList();
            return ApiOk<StateAnswer>.Of(new StateAnswer(state, day, memberships));
        });

    public static Results<ApiOk<StateTimelines>, ProblemHttpResult> Timelines(RegistryService r, string id, [AsParameters] KnownAtQuery known) =>
        r.Read<Results<ApiOk<StateTimelines>, ProblemHttpResult>>(s =>
        {
            if (Inputs.FindState(s.Catalog, id, out var missing) is not { } state) return Problems.NotFound(missing);
            var queries = new RegistryQueries(s);
            var at = known.Time;
            return ApiOk<StateTimelines>.Of(new StateTimelines(state.Id, at, queries.Memberships(state.Id, at).Select(m => queries.Timeline(state.Id, m.Org, at)).ToList()));
        });
}
