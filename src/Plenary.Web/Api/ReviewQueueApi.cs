using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Plenary.Editorial;
using Plenary.Store.Queries;

namespace Plenary.Web.Api;

/// <summary>
/// <c>/api/v1/review</c>: the review queue grouped by what accepting would change, and "accept all confirmations" in one
/// action (editor). Nothing here accepts a claim that would change a standing.
/// </summary>
public static class ReviewQueueApi
{
    public static IEndpointRouteBuilder MapReviewQueueApi(this IEndpointRouteBuilder app)
    {
        var review = app.MapGroup("/api/v1/review").WithTags("registry")
            .WithMetadata(new Microsoft.AspNetCore.Http.ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(System.Text.Json.JsonElement), ["application/json"]));
        review.MapGet("/groups", (RegistryService r) => r.Read(s =>
            {
                var views = new RegistryQueries.ViewCache(s);
                return JsonBytes.Of(new
                {
                    groups = new Desk(s).QueueByChange().Select(g => new { change = ReviewGroups.WireName(g.Kind), count = g.Claims.Count, claims = g.Claims.Select(views.Of).ToList() }).ToList(),
                });
            }))
            .WithName("review-groups").WithSummary("Proposed claims grouped by what accepting them would change: new-standing, new-meeting, other-change, confirmation");
        review.MapPost("/accept-confirmations", (HttpContext ctx, RegistryService r) =>
            {
                var by = ctx.User.Identity!.Name!;
                var ids = r.Write(s => new Desk(s).AcceptConfirmations(by));
                return JsonBytes.Of(new { accepted = ids });
            })
            .RequireAuthorization(ApiEndpoints.EditorPolicy)
            .WithName("accept-confirmations").WithSummary("Accept, in one action, every proposed claim that only confirms an accepted fact by a further source (editor)")
            .ProducesProblem(401).ProducesProblem(403);
        return app;
    }

}
