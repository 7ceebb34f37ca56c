using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Plenary.Editorial;
using Plenary.Feeds;
using Plenary.Store.Queries;
using Plenary.Store.Records;

namespace Plenary.Web.Api;

/// <summary>A feed to follow: its address, an optional name and polling interval ("15m").</summary>
public sealed record FeedRequest(string? Url, string? Name, string? Every);

/// <summary>A feed's rule for accepting claims without a person: none, confirmations or all.</summary>
public sealed record FeedRuleRequest(string? AutoAccept);

/// <summary>
/// <c>/api/v1/feeds</c>: the feeds the worker polls — list, add, remove, pause, resume, set the auto-accept rule, and an
/// item list per feed. Everything here is for editors (feeds are the registry's intake, and their errors are operations'
/// business); errors are RFC 9457 problem details.
/// </summary>
public static class FeedsApi
{
    public static IEndpointRouteBuilder MapFeedsApi(this IEndpointRouteBuilder app)
    {
        var feeds = app.MapGroup("/api/v1/feeds").WithTags("feeds").RequireAuthorization(ApiEndpoints.EditorPolicy)
            // Their answers are JSON objects in the shapes docs/feeds.md describes.
            .WithMetadata(new Microsoft.AspNetCore.Http.ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(System.Text.Json.JsonElement), ["application/json"]));
        feeds.MapGet("", (RegistryService r) => r.Read(s => JsonBytes.Of(new { feeds = new FeedSubscriptions(s).List().Select(FeedViews.Of).ToList() })))
            .WithName("feeds").WithSummary("The feeds followed: last fetch, health, articles found, errors (editor)")
            .ProducesProblem(401).ProducesProblem(403);
        feeds.MapGet("/{feed}", (RegistryService r, string feed) => r.Read(s =>
            {
                var subs = new FeedSubscriptions(s);
                var found = Guard(() => subs.Get(feed));
                return JsonBytes.Of(new
                {
                    feed = FeedViews.Of(subs.List().Single(f => f.Feed.Id == found.Id)),
                    items = subs.Records.Items(found.Id).Select(FeedViews.Of).ToList(),
                });
            }))
            .WithName("feed").WithSummary("One feed (by id, URL or name) with its items and each item's status and last error (editor)")
            .ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);
        feeds.MapPost("", async (HttpContext ctx, RegistryService r) =>
            {
                var body = await RequestBody.Read<FeedRequest>(ctx);
                var by = ctx.User.Identity!.Name!;
                var feed = r.Write(s => Guard(() => new FeedSubscriptions(s).Add(body.Url ?? throw new BadInputException("url: required (the feed's http or https address)"), body.Name, body.Every, by)));
                return r.Read(s => JsonBytes.Of(new { feed = FeedViews.Of(new FeedSubscriptions(s).List().Single(f => f.Feed.Id == feed.Id)) }, StatusCodes.Status201Created));
            })
            .Accepts<FeedRequest>("application/json")
            .WithName("feed-add").WithSummary("Follow a feed (RSS 2.0, Atom or JSON Feed): the worker polls it and reads each new item (editor). 409 when it is followed already.")
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(409);
        feeds.MapDelete("/{feed}", (HttpContext ctx, RegistryService r, string feed) => Change(ctx, r, feed, (s, by) => s.Remove(feed, by)))
            .WithName("feed-remove").WithSummary("Stop following a feed; its items and the articles read from them stay (editor)")
            .ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);
        feeds.MapPost("/{feed}/pause", (HttpContext ctx, RegistryService r, string feed) => Change(ctx, r, feed, (s, by) => s.Pause(feed, by)))
            .WithName("feed-pause").WithSummary("Stop polling a feed and reading its items until resumed (editor)")
            .ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);
        feeds.MapPost("/{feed}/resume", (HttpContext ctx, RegistryService r, string feed) => Change(ctx, r, feed, (s, by) => s.Resume(feed, by)))
            .WithName("feed-resume").WithSummary("Poll a paused feed again, at once (editor)")
            .ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);
        feeds.MapPut("/{feed}/rule", async (HttpContext ctx, RegistryService r, string feed) =>
            {
                var body = await RequestBody.Read<FeedRuleRequest>(ctx);
                return Change(ctx, r, feed, (s, by) => s.SetAutoAccept(feed, body.AutoAccept ?? throw new BadInputException("auto_accept: required (none, confirmations or all)"), by));
            })
            .Accepts<FeedRuleRequest>("application/json")
            .WithName("feed-rule").WithSummary("Set which claims read from the feed are accepted without a person: none (default), confirmations, all (editor)")
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);
        return app;
    }

    private static IResult Change(HttpContext ctx, RegistryService r, string feed, Action<FeedSubscriptions, string> change)
    {
        var by = ctx.User.Identity!.Name!;
        var id = r.Write(s =>
        {
            var subs = new FeedSubscriptions(s);
            var target = Guard(() => subs.Get(feed));
            Guard(() => { change(subs, by); return 0; });
            return target.Id;
        });
        return r.Read(s => new FeedSubscriptions(s).List().FirstOrDefault(f => f.Feed.Id == id) is { } now
            ? JsonBytes.Of(new { feed = FeedViews.Of(now) })
            : JsonBytes.Of(new { removed = id }));
    }

    /// <summary>The feed layer's errors as the API's problem kinds (400, 404, 409).</summary>
    private static T Guard<T>(Func<T> work)
    {
        try
        {
            return work();
        }
        catch (FeedInputException e) { throw new BadInputException(e.Message); }
        catch (FeedExistsException e) { throw new ConflictException(e.Message); }
        catch (KeyNotFoundException e) { throw new NotFoundException(e.Message); }
    }

}
