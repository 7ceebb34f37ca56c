using System.Reflection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Plenary.Core.Time;

namespace Plenary.Web.Api;

/// <summary>
/// A typed 200 (or 201) answer in the API's JSON (<see cref="ApiJson"/>: the CLI's shapes, HTML-significant characters
/// escaped). Serialized once, so an answer can be cached as bytes; its type documents the response in the OpenAPI document.
/// </summary>
public sealed class ApiOk<T> : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult
{
    private readonly JsonBytes _body;

    private ApiOk(JsonBytes body) => _body = body;

    public static ApiOk<T> Of(T value, int status = StatusCodes.Status200OK) => new(new JsonBytes(ApiJson.Bytes(value), status));

    /// <summary>An answer already serialized (the answer cache's bytes).</summary>
    public static ApiOk<T> Cached(JsonBytes body) => new(body);

    public JsonBytes Body => _body;

    public int? StatusCode => _body.Status;

    public Task ExecuteAsync(HttpContext context) => _body.ExecuteAsync(context);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(T), ["application/json"]));
}

/// <summary>Which page a list answer holds: <c>offset</c>, <c>limit</c>, the <c>total</c> and the next page's offset (null on the last).</summary>
public sealed record PageInfo(int Offset, int Limit, int Total, int? NextOffset);

/// <summary><c>?offset=&amp;limit=</c> of a list endpoint (parsed by <see cref="Paging.From"/>, whose 400 says what was expected).</summary>
public sealed record PageQuery([property: FromQuery(Name = "offset")] string? Offset, [property: FromQuery(Name = "limit")] string? Limit)
{
    public Paging Page => Paging.From(Offset, Limit);

    /// <summary>One page of <paramref name="all"/>, made into the answer by <paramref name="answer"/> from its items and the page's info.</summary>
    public TAnswer Of<T, TAnswer>(IReadOnlyList<T> all, Func<IReadOnlyList<T>, PageInfo, TAnswer> answer)
    {
        var page = Page;
        return answer(page.Slice(all), page.Info(all.Count));
    }
}

/// <summary><c>?known_at=</c>: read the registry as it was then (a day, month or year meaning its end, or an ISO 8601 time).</summary>
public sealed record KnownAtQuery([property: FromQuery(Name = "known_at")] string? KnownAt)
{
    public DateTimeOffset? Time => Inputs.Time(KnownAt, "known_at");
}

/// <summary><c>?on=</c>: the day, month or year asked about (YYYY-MM-DD, YYYY-MM or YYYY; default: today).</summary>
public sealed record OnQuery([property: FromQuery(Name = "on")] string? On)
{
    public EdtfDate Period => Inputs.Period(On, "on");

    /// <summary>The answer on the day asked, or during the month or the year asked: where an endpoint's <c>on=</c> chooses between the two.</summary>
    public Results<ApiOk<TDay>, ApiOk<TDuring>> Answer<TDay, TDuring>(Func<DateOnly, TDay> onDay, Func<EdtfDate, TDuring> during)
    {
        var period = Period;
        return period.Precision == DatePrecision.Day ? ApiOk<TDay>.Of(onDay(period.Start)) : ApiOk<TDuring>.Of(during(period));
    }
}

/// <summary>How an operation appears in the OpenAPI document.</summary>
public static class EndpointDocs
{
    /// <summary>The operation's id and summary, and the problem statuses it may answer with.</summary>
    public static RouteHandlerBuilder Documented(this RouteHandlerBuilder endpoint, string name, string summary, params int[] problems)
    {
        endpoint.WithName(name).WithSummary(summary);
        foreach (var status in problems) endpoint.ProducesProblem(status);
        return endpoint;
    }
}
