using Microsoft.AspNetCore.Mvc;
using Plenary.Store.Queries;

namespace Plenary.Web.Api;

/// <summary><c>/members</c>: an organization's members on a day.</summary>
public static class MembersApi
{
    public sealed record MembersQuery([property: FromQuery(Name = "org")] string? Org, [property: FromQuery(Name = "on")] string? On);

    public static IEndpointRouteBuilder MapMembersApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/members", Members).Documented("members", "An organization's members (and observers, applicants…) on a day", 400);
        return api;
    }

    public static ApiOk<MembersReport> Members(RegistryService r, [AsParameters] MembersQuery q, [AsParameters] KnownAtQuery known) => r.Read(s =>
    {
        var org = Inputs.Org(s.Catalog, q.Org, "org");
        return ApiOk<MembersReport>.Of(new RegistryQueries(s).Members(org, Inputs.Day(q.On, "on"), known.Time));
    });
}
