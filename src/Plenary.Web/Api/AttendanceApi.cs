using Microsoft.AspNetCore.Mvc;
using Plenary.Core.Ids;
using Plenary.Store.Queries;

namespace Plenary.Web.Api;

/// <summary><c>/attendance</c>: who attended an organization's meetings, paged by meeting.</summary>
public static class AttendanceApi
{
    public sealed record AttendanceQuery([property: FromQuery(Name = "org")] string? Org, [property: FromQuery(Name = "from")] string? From, [property: FromQuery(Name = "to")] string? To);

    /// <summary>An <see cref="AttendanceReport"/> with one page of its meetings.</summary>
    public sealed record AttendancePage(OrgId Org, DateOnly? From, DateOnly? To, DateTimeOffset? KnownAt, IReadOnlyList<MeetingView> Meetings, PageInfo Page);

    public static IEndpointRouteBuilder MapAttendanceApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/attendance", Attendance).Documented("attendance", "Who attended an organization's meetings (paged by meeting)", 400);
        return api;
    }

    public static ApiOk<AttendancePage> Attendance(RegistryService r, [AsParameters] AttendanceQuery q, [AsParameters] KnownAtQuery known, [AsParameters] PageQuery paging) => r.Read(s =>
    {
        var org = Inputs.Org(s.Catalog, q.Org, "org");
        var report = new RegistryQueries(s).Attendance(org, Inputs.OptionalDay(q.From, "from"), Inputs.OptionalDay(q.To, "to"), known.Time);
        return ApiOk<AttendancePage>.Of(paging.Of(report.Meetings, (meetings, page) => new AttendancePage(report.Org, report.From, report.To, report.KnownAt, meetings, page)));
    });
}
