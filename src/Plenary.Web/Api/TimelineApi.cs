using Plenary.Store.Queries;

namespace Plenary.Web.Api;

/// <summary><c>/timeline</c>: a state's standing in an organization over time.</summary>
public static class TimelineApi
{
    public static IEndpointRouteBuilder MapTimelineApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/timeline", Timeline).Documented("timeline", "A state's standing in an organization over time", 400);
        return api;
    }

    public static ApiOk<TimelineReport> Timeline(RegistryService r, string? state, string? org, [AsParameters] KnownAtQuery known) => r.Read(s =>
        ApiOk<TimelineReport>.Of(new RegistryQueries(s).Timeline(Inputs.State(s.Catalog, state, "state"), Inputs.Org(s.Catalog, org, "org"), known.Time)));
}
