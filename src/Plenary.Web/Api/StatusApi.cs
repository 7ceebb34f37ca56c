using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Http.HttpResults;
using Plenary.Core.Time;
using Plenary.Store.Queries;

namespace Plenary.Web.Api;

/// <summary><c>/status</c>: a state's standing in an organization on a day, or during a month or a year.</summary>
public static class StatusApi
{
    public sealed record StatusQuery([property: FromQuery(Name = "state")] string? State, [property: FromQuery(Name = "org")] string? Org, [property: FromQuery(Name = "on")] string? On);

    public static IEndpointRouteBuilder MapStatusApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/status", Status)
            .Documented("status", "A state's standing in an organization on a day (on=YYYY-MM-DD), or during a month or a year (on=YYYY-MM, on=YYYY: each standing with the part of the period it held), with the claims behind it", 400);
        return api;
    }

    public static Results<ApiOk<StatusReport>, ApiOk<StatusDuringReport>> Status(RegistryService r, [AsParameters] StatusQuery q, [AsParameters] KnownAtQuery known)
    {
        var period = Inputs.Period(q.On, "on");
        var at = known.Time;
        // The question asked most: answered from the cache (emptied by every write), already serialized.
        var body = r.Cached($"status|{q.State}|{q.Org}|{period}|{at:O}", s =>
        {
            var state = Inputs.State(s.Catalog, q.State, "state");
            var org = Inputs.Org(s.Catalog, q.Org, "org");
            var queries = new RegistryQueries(s);
            return new JsonBytes(period.Precision == DatePrecision.Day
                ? ApiJson.Bytes(queries.Status(state, org, period.Start, at))
                : ApiJson.Bytes(queries.StatusDuring(state, org, period, at)));
        });
        return period.Precision == DatePrecision.Day ? ApiOk<StatusReport>.Cached(body) : ApiOk<StatusDuringReport>.Cached(body);
    }
}
