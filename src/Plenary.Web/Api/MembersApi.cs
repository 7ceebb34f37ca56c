using Microsoft.AspNetCore.Http.HttpResults;
using Plenary.Core.Ids;
using Plenary.Store.Queries;

namespace Plenary.Web.Api;

/// <summary><c>/members</c>: an organization's members on a day, or during a month or a year.</summary>
public static class MembersApi
{
    public static IEndpointRouteBuilder MapMembersApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/members", Members).Documented("members",
            "An organization's members (and observers, applicants…) on a day (on=YYYY-MM-DD), or its members during a month or a year (on=YYYY-MM, on=YYYY: each with the part of the period it was one)", 400);
        return api;
    }

    public static Results<ApiOk<MembersReport>, ApiOk<MembersDuringReport>> Members(RegistryService r, string? org, [AsParameters] OnQuery on, [AsParameters] KnownAtQuery known) =>
        r.Read(s => Of(new RegistryQueries(s), Inputs.Org(s.Catalog, org, "org"), on, known.Time));

    /// <summary>The members on a day, or during a month or a year (also <c>/organizations/{id}/members</c>).</summary>
    public static Results<ApiOk<MembersReport>, ApiOk<MembersDuringReport>> Of(RegistryQueries queries, OrgId org, OnQuery on, DateTimeOffset? known) =>
        on.Answer(day => queries.Members(org, day, known), period => queries.MembersDuring(org, period, known));
}
