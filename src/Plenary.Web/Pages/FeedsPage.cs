using Microsoft.AspNetCore.Antiforgery;
using Plenary.Editorial;
using Plenary.Feeds;
using Plenary.Web.Api;
using Plenary.Store.Records;
using Plenary.Web.Components;

namespace Plenary.Web.Pages;

/// <summary>
/// <c>/feeds</c> for editors: the feeds the worker polls with their health, last fetch, articles and errors; forms to
/// add, pause, resume and remove a feed and to set its auto-accept rule; the review queue's counts by what accepting
/// would change, with "accept all confirmations" in one action. Every value shown is HTML-encoded.
/// </summary>
public static class FeedsPage
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/feeds", (HttpContext ctx, RegistryService r) => Render(ctx, r, null)).RequireAuthorization(ApiEndpoints.EditorPolicy).ExcludeFromDescription();
        MapForm(app, "/feeds/add", (ctx, r, form, by) =>
            new FeedSubscriptions(r).Add(form["url"].ToString(), form["name"].ToString(), form["every"] is { Count: > 0 } e && e.ToString().Length > 0 ? e.ToString() : null, by));
        MapForm(app, "/feeds/{id}/pause", (ctx, r, form, by) => new FeedSubscriptions(r).Pause(Id(ctx), by));
        MapForm(app, "/feeds/{id}/resume", (ctx, r, form, by) => new FeedSubscriptions(r).Resume(Id(ctx), by));
        MapForm(app, "/feeds/{id}/remove", (ctx, r, form, by) => new FeedSubscriptions(r).Remove(Id(ctx), by));
        MapForm(app, "/feeds/{id}/rule", (ctx, r, form, by) => new FeedSubscriptions(r).SetAutoAccept(Id(ctx), form["auto_accept"].ToString(), by));
        MapForm(app, "/feeds/accept-confirmations", (ctx, r, form, by) => new Desk(r).AcceptConfirmations(by));
    }

    private static string Id(HttpContext ctx) => ctx.Request.RouteValues["id"]?.ToString() ?? "";

    /// <summary>A form post (antiforgery checked first); the change is made, then the page is shown again, or with the error at 4xx.</summary>
    private static void MapForm(WebApplication app, string pattern, Action<HttpContext, Plenary.Store.RegistryStore, IFormCollection, string> change) =>
        app.MapPost(pattern, async (HttpContext ctx, IAntiforgery antiforgery, RegistryService r) =>
        {
            await antiforgery.ValidateRequestAsync(ctx);
            var form = await ctx.Request.ReadFormAsync(ctx.RequestAborted);
            var by = ctx.User.Identity!.Name!;
            try
            {
                r.Write(s => { change(ctx, s, form, by); return 0; });
            }
            catch (Exception e) when (e is FeedInputException or FeedExistsException or KeyNotFoundException)
            {
                return Render(ctx, r, e.Message, e is KeyNotFoundException ? 404 : e is FeedExistsException ? 409 : 400);
            }
            return Results.Redirect("/feeds");
        }).DisableAntiforgery().RequireAuthorization(ApiEndpoints.EditorPolicy).ExcludeFromDescription();

    private static IResult Render(HttpContext ctx, RegistryService r, string? error, int status = 200)
    {
        var (feeds, groups) = r.Read(s => (new FeedSubscriptions(s).List(), new Desk(s).QueueByChange()));
        return PageResult.Of<Components.Pages.FeedsPage, Components.Pages.FeedsPage.Info>(ctx, new(feeds, groups, error), status);
    }
}
