using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
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

    public static Results<ApiOk<MembersReport>, ApiOk<MembersDuringReport>> Members(RegistryService r, [AsParameters] MembersQuery q, [AsParameters] KnownAtQuery known) =>
        r.Read<Results<ApiOk<MembersReport>, ApiOk<MembersDuringReport>>>(s =>
        {
            var org = Inputs.Org(s.Catalog, q.Org, "org");
            var period = Inputs.Period(q.On, "on");
            var queries = new RegistryQueries(s);
            return period.Precision == DatePrecision.Day
                ? ApiOk<MembersReport>.Of(queries.Members(org, period.Start, known.Time))
                : ApiOk<MembersDuringReport>.Of(queries.MembersDuring(org, period, known.Time));
        });
}
