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

/// <summary>
/// Which page a list answer holds: <c>offset</c>, <c>limit</c>, the <c>total</c> and the next page's offset (null on the
/// last); on the lists paged by key (claims, the audit log, articles) also <c>next_cursor</c>, the opaque cursor of the next
/// page (absent on the last).
/// </summary>
public sealed record PageInfo(int Offset, int Limit, int Total, int? NextOffset)
{
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? NextCursor { get; init; }
}

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

/// <summary>
/// <c>?offset=&amp;limit=&amp;cursor=</c> of a list paged by key: <c>cursor</c> (a page's <c>next_cursor</c>) reads the next
/// page by an indexed seek, however deep, and meets every row exactly once while rows are added; <c>offset</c> still works.
/// </summary>
public sealed record KeysetPageQuery(
    [property: FromQuery(Name = "offset")] string? Offset,
    [property: FromQuery(Name = "limit")] string? Limit,
    [property: FromQuery(Name = "cursor"), System.ComponentModel.Description("The next_cursor of the previous page, unchanged (with the same filters): reads the next page by key, however deep; give it or offset, not both")] string? Cursor)
{
    public Paging Page => Paging.From(Offset, Limit);

    /// <summary>The cursor given for <paramref name="list"/> with <paramref name="filters"/>, or null (paging by offset).</summary>
    public PageCursor? After(string list, string filters)
    {
        if (string.IsNullOrEmpty(Cursor)) return null;
        if (Offset is not null) throw new BadInputException("cursor: give either cursor or offset, not both");
        return PageCursor.Read(Cursor, list, filters);
    }

    /// <summary>The page's info: from the cursor's position when a cursor was given, with the next page's cursor when <paramref name="nextKey"/> is given.</summary>
    public PageInfo Info(PageCursor? after, int total, string list, string filters, string? nextKey)
    {
        var page = Page;
        var at = after is null ? page : page with { Offset = after.Position };
        return at.Info(total) with { NextCursor = nextKey is null ? null : PageCursor.Make(list, filters, nextKey, at.End) };
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
