namespace Plenary.Web.Api;

/// <summary><c>/ping</c> and <c>/me</c>: a trivial answer, and who the request is made as.</summary>
public static class MetaApi
{
    public sealed record Pong(bool Ok);

    public sealed record Me(string? Name, string? Role);

    public static IEndpointRouteBuilder MapMetaApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/ping", Ping).Documented("ping", "A trivial answer (for load comparisons and health checks)").WithTags("meta");
        api.MapGet("/me", WhoAmI).Documented("me", "Who the request is made as").WithTags("accounts");
        return api;
    }

    // Served from bytes made once: the cheapest answer there is (load comparisons measure the server, not this).
    private static readonly JsonBytes PongBytes = new(ApiJson.Bytes(new Pong(true)));

    public static ApiOk<Pong> Ping() => ApiOk<Pong>.Cached(PongBytes);

    public static ApiOk<Me> WhoAmI(HttpContext ctx) => ApiOk<Me>.Of(ctx.User.Identity?.IsAuthenticated == true
        ? new Me(ctx.User.Identity.Name, ctx.User.FindFirst(System.Security.Claims.ClaimTypes.Role)?.Value)
        : new Me(null, "anonymous"));
}
