using Plenary.Editorial;
using Plenary.Feeds;
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
    /// <param name="editor">The pages only an editor may see.</param>
    public static void Map(IEndpointRouteBuilder editor)
    {
        editor.MapGet("/feeds", (HttpContext ctx, RegistryService r) => Render(ctx, r, null));
        Change(editor, "/feeds/add", (ctx, r, form, by) =>
            new FeedSubscriptions(r).Add(form["url"].ToString(), form["name"].ToString(), form["every"] is { Count: > 0 } e && e.ToString().Length > 0 ? e.ToString() : null, by));
        Change(editor, "/feeds/{id}/pause", (ctx, r, form, by) => new FeedSubscriptions(r).Pause(Id(ctx), by));
        Change(editor, "/feeds/{id}/resume", (ctx, r, form, by) => new FeedSubscriptions(r).Resume(Id(ctx), by));
        Change(editor, "/feeds/{id}/remove", (ctx, r, form, by) => new FeedSubscriptions(r).Remove(Id(ctx), by));
        Change(editor, "/feeds/{id}/rule", (ctx, r, form, by) => new FeedSubscriptions(r).SetAutoAccept(Id(ctx), form["auto_accept"].ToString(), by));
        Change(editor, "/feeds/accept-confirmations", (ctx, r, form, by) => new Desk(r).AcceptConfirmations(by));
    }

    private static string Id(HttpContext ctx) => ctx.Request.RouteValues["id"]?.ToString() ?? "";

    /// <summary>A form post (a page form: antiforgery checked first); the change is made, then the page is shown again, or with the error at 4xx.</summary>
    private static void Change(IEndpointRouteBuilder editor, string pattern, Action<HttpContext, Plenary.Store.RegistryStore, IFormCollection, string> change) =>
        editor.MapForm(pattern, (ctx, form) =>
        {
            var r = ctx.RequestServices.GetRequiredService<RegistryService>();
            var by = ctx.User.Identity!.Name!;
            try
            {
                r.Write(s => { change(ctx, s, form, by); return 0; });
            }
            catch (Exception e) when (e is FeedInputException or FeedExistsException or KeyNotFoundException)
            {
                return Task.FromResult(Render(ctx, r, e.Message, e is KeyNotFoundException ? 404 : e is FeedExistsException ? 409 : 400));
            }
            return Task.FromResult(Results.Redirect("/feeds"));
        });

    private static IResult Render(HttpContext ctx, RegistryService r, string? error, int status = 200)
    {
        var (feeds, groups) = r.Read(s => (new FeedSubscriptions(s).List(), new Desk(s).QueueByChange()));
        return PageResult.Of<Components.Pages.FeedsPage, Components.Pages.FeedsPage.Info>(ctx, new(feeds, groups, error), status);
    }
}
