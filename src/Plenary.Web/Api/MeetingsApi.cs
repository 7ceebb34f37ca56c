using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Http.HttpResults;
using Plenary.Store.Queries;

namespace Plenary.Web.Api;

/// <summary><c>/meetings</c>: meetings with their attendance, and one meeting.</summary>
public static class MeetingsApi
{
    public sealed record MeetingsQuery([property: FromQuery(Name = "org")] string? Org, [property: FromQuery(Name = "from")] string? From, [property: FromQuery(Name = "to")] string? To);

    public sealed record MeetingsPage(IReadOnlyList<MeetingView> Meetings, PageInfo Page);

    public sealed record MeetingAnswer(MeetingView Meeting);

    public static IEndpointRouteBuilder MapMeetingsApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/meetings", Meetings).Documented("meetings", "Meetings, with attendance", 400);
        api.MapGet("/meetings/{id}", Meeting).Documented("meeting", "One meeting", 404);
        return api;
    }

    public static ApiOk<MeetingsPage> Meetings(RegistryService r, [AsParameters] MeetingsQuery q, [AsParameters] KnownAtQuery known, [AsParameters] PageQuery paging) => r.Read(s =>
    {
        var org = Inputs.OptionalOrg(s.Catalog, q.Org, "org");
        var queries = new RegistryQueries(s);
        var all = queries.Meetings(org, Inputs.OptionalDay(q.From, "from"), Inputs.OptionalDay(q.To, "to"), known.Time);
        var views = new RegistryQueries.ViewCache(s);
        return ApiOk<MeetingsPage>.Of(paging.Of(all, (meetings, page) => new MeetingsPage(meetings.Select(m => queries.View(m, views)).ToList(), page)));
    });

    public static Results<ApiOk<MeetingAnswer>, ProblemHttpResult> Meeting(RegistryService r, string id, [AsParameters] KnownAtQuery known) => r.Read<Results<ApiOk<MeetingAnswer>, ProblemHttpResult>>(s =>
    {
        var queries = new RegistryQueries(s);
        return queries.Meetings(null, null, null, known.Time).FirstOrDefault(x => x.Id == id) is { } m
            ? ApiOk<MeetingAnswer>.Of(new MeetingAnswer(queries.View(m)))
            : Problems.NotFound($"no meeting '{id}'");
    });
}
