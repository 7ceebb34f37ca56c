using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Plenary.Editorial;
using Plenary.Feeds;
using Plenary.Store.Records;
using Plenary.Web.Api;
using Plenary.Web.Markup;
using static Plenary.Web.Markup.Html;

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
        var token = Layout.Token(ctx);
        var rows = Join(feeds.Select(f => H($"""
            <tr data-feed="{f.Feed.Id.ToString(CultureInfo.InvariantCulture)}">
            <td>{f.Feed.Name}<br><small><a href="{f.Feed.Url}" rel="nofollow noopener">{f.Feed.Url}</a></small></td>
            <td class="health {f.Health}">{f.Health}</td>
            <td>{f.Feed.LastFetchAt?.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture) ?? "never"}</td>
            <td>{f.Ingested.ToString(CultureInfo.InvariantCulture)}</td>
            <td>{f.Waiting.ToString(CultureInfo.InvariantCulture)}</td>
            <td>{(f.Failed + f.Retrying).ToString(CultureInfo.InvariantCulture)}{If((f.Feed.LastError ?? f.LastItemError) is not null, H($"<br><small class=\"error\">{f.Feed.LastError ?? f.LastItemError}</small>"))}</td>
            <td class="actions">
            <form method="post" action="/feeds/{f.Feed.Id.ToString(CultureInfo.InvariantCulture)}/{(f.Feed.Paused ? "resume" : "pause")}">{token}<button type="submit">{(f.Feed.Paused ? "Resume" : "Pause")}</button></form>
            <form method="post" action="/feeds/{f.Feed.Id.ToString(CultureInfo.InvariantCulture)}/rule">{token}<select name="auto_accept" aria-label="Accept without review">{Join(FeedRecords.AutoAcceptRules.Select(rule => H($"<option value=\"{rule}\"{(rule == f.Feed.AutoAccept ? Trusted(" selected") : Empty)}>auto-accept: {rule}</option>")))}</select><button type="submit">Set</button></form>
            <form method="post" action="/feeds/{f.Feed.Id.ToString(CultureInfo.InvariantCulture)}/remove">{token}<button type="submit" class="reject">Remove</button></form>
            </td>
            </tr>
            """)));
        var confirmations = groups.FirstOrDefault(g => g.Kind == ChangeKind.Confirmation)?.Claims.Count ?? 0;
        var counts = Join(groups.Select(g => H($"<li>{ReviewGroups.WireName(g.Kind)}: {g.Claims.Count.ToString(CultureInfo.InvariantCulture)}</li>")));
        return Layout.Page(ctx, "Feeds", H($"""
            <h1>Feeds</h1>
            <p>The news feeds the worker (<code>plenary worker</code>) polls. Each new item's page is read into proposed claims; nothing changes a standing without a person's decision unless a feed's rule says so.</p>
            {If(error is not null, H($"<p class=\"error\" role=\"alert\">{error}</p>"))}
            <table class="feeds">
            <thead><tr><th>Feed</th><th>Health</th><th>Last fetch</th><th>Articles</th><th>Waiting</th><th>Errors</th><th></th></tr></thead>
            <tbody>{(feeds.Count == 0 ? H($"<tr><td colspan=\"7\" class=\"empty\">No feed is followed yet.</td></tr>") : rows)}</tbody>
            </table>
            <h2>Follow a feed</h2>
            <form method="post" action="/feeds/add" class="stack narrow">{token}
            <label>Address (RSS 2.0, Atom or JSON Feed) <input name="url" type="url" required placeholder="https://…"></label>
            <label>Name <input name="name" placeholder="default: the site's host"></label>
            <label>Poll every <input name="every" placeholder="15m"></label>
            <button type="submit">Add</button>
            </form>
            <h2>Review queue by what it would change</h2>
            {(groups.Count == 0 ? H($"<p class=\"empty\">Nothing awaits review.</p>") : H($"<ul>{counts}</ul>"))}
            {If(confirmations > 0, H($"<form method=\"post\" action=\"/feeds/accept-confirmations\">{token}<button type=\"submit\" class=\"accept\">Accept all {confirmations.ToString(CultureInfo.InvariantCulture)} confirmations</button></form>"))}
            <p><a href="/review">Open the review queue</a></p>
            """), status);
    }
}
