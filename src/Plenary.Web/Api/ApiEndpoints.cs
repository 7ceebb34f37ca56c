namespace Plenary.Web.Api;

/// <summary>
/// The HTTP API under <c>/api/v1</c>: one file per resource, each a <c>MapXxxApi</c> with named handlers. This is the one
/// place where they are listed. JSON shapes are the CLI's <c>--format json</c> shapes; errors are RFC 9457 problems.
/// </summary>
public static class ApiEndpoints
{
    public const string EditorPolicy = "editor";
    public const string AdminPolicy = "admin";

    public static void Map(WebApplication app)
    {
        var api = app.MapGroup("/api/v1").WithTags("registry");
        api.MapMetaApi();
        api.MapStatusApi();
        api.MapMembersApi();
        api.MapTimelineApi();
        api.MapAttendanceApi();
        api.MapMeetingsApi();
        api.MapOrganizationsApi();
        api.MapStatesApi();
        api.MapPersonsApi();
        api.MapStatementsApi();
        api.MapArticlesApi();
        api.MapClaimsApi();
        api.MapSearchApi();
        api.MapAuditApi();
    }
}
