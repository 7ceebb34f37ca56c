using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Plenary.Core.Ids;
using Plenary.Core.Time;
using Plenary.Store.Queries;

namespace Plenary.Web.Api;

/// <summary><c>/members</c>: an organization's members on a day, or during a month or a year.</summary>
public static class MembersApi
{
    public sealed record MembersQuery([property: FromQuery(Name = "org")] string? Org, [property: FromQuery(Name = "on")] string? On);

    public static IEndpointRouteBuilder MapMembersApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/members", Members).Documented("members",
            "An organization's members (and observers, applicants…) on a day (on=YYYY-MM-DD), or its members during a month or a year (on=YYYY-MM, on=YYYY: each with the part of the period it was one)", 400);
        return api;
    }

    public static Results<ApiOk<MembersReport>, ApiOk<MembersDuringReport>> Members(RegistryService r, [AsParameters] MembersQuery q, [AsParameters] KnownAtQuery known)
    {
        var period = Inputs.Period(q.On, "on");
        return r.Read(s => Of(new RegistryQueries(s), Inputs.Org(s.Catalog, q.Org, "org"), period, known.Time));
    }

    /// <summary>The members on a day, or during a month or a year (also <c>/organizations/{id}/members</c>).</summary>
    public static Results<ApiOk<MembersReport>, ApiOk<MembersDuringReport>> Of(RegistryQueries queries, OrgId org, EdtfDate period, DateTimeOffset? known) =>
        period.Precision == DatePrecision.Day
            ? ApiOk<MembersReport>.Of(queries.Members(org, period.Start, known))
            : ApiOk<MembersDuringReport>.Of(queries.MembersDuring(org, period, known));
}
