using Microsoft.AspNetCore.Mvc;
using Plenary.Store.Queries;

namespace Plenary.Web.Api;

/// <summary><c>/timeline</c>: a state's standing in an organization over time.</summary>
public static class TimelineApi
{
    public sealed record TimelineQuery([property: FromQuery(Name = "state")] string? State, [property: FromQuery(Name = "org")] string? Org);

    public static IEndpointRouteBuilder MapTimelineApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/timeline", Timeline).Documented("timeline", "A state's standing in an organization over time", 400);
        return api;
    }

    public static ApiOk<TimelineReport> Timeline(RegistryService r, [AsParameters] TimelineQuery q, [AsParameters] KnownAtQuery known) => r.Read(s =>
    {
        var state = Inputs.State(s.Catalog, q.State, "state");
        var org = Inputs.Org(s.Catalog, q.Org, "org");
        return ApiOk<TimelineReport>.Of(new RegistryQueries(s).Timeline(state, org, known.Time));
    });
}
