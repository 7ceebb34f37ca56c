using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Plenary.Core.Articles;
using Plenary.Core.Claims;
using Plenary.Core.Registry;
using Plenary.Store;
using Plenary.Store.Queries;
using Plenary.Web.Editorial;

namespace Plenary.Web.Api;

/// <summary>An article to ingest: claims.md's input object (the text, and its publication date for relative dates).</summary>
public sealed record IngestRequest(string? Id, string? Text, string? Published, string? Url, string? Outlet, string? Title);

/// <summary>A review decision's optional note.</summary>
public sealed record DecisionRequest(string? Note);

/// <summary>A correction: the fields of the fact that change (claims.md names; the rest is kept), and why.</summary>
public sealed record CorrectionRequest(JsonElement Fact, string? Note);

/// <summary>The HTTP API under <c>/api/v1</c>, grouped by resource. JSON shapes are the CLI's <c>--format json</c> shapes.</summary>
public static class ApiEndpoints
{
    public const string EditorPolicy = "editor";
    public const string AdminPolicy = "admin";

    public static void Map(WebApplication app)
    {
        var api = app.MapGroup("/api/v1").WithTags("registry");

        api.MapGet("/ping", () => new JsonBytes(Pong)).WithName("ping").WithSummary("A trivial answer (for load comparisons and health checks)").WithTags("meta");

        api.MapGet("/status", (RegistryService r, string? state, string? org, string? on, [FromQuery(Name = "known_at")] string? knownAt) =>
            {
                var day = Inputs.Day(on, "on");
                var known = Inputs.Time(knownAt, "known_at");
                // The question asked most: answered from the cache (emptied by every write), already serialized.
                return r.Cached($"status|{state}|{org}|{day:yyyy-MM-dd}|{known:O}", s =>
                {
                    var st = Inputs.State(s.Catalog, state, "state");
                    var o = Inputs.Org(s.Catalog, org, "org");
                    return new JsonBytes(ApiJson.Bytes(new RegistryQueries(s).Status(st, o, day, known)));
                });
            })
            .WithName("status").WithSummary("A state's standing in an organization on a day, with the claims behind it")
            .Produces<StatusReport>().ProducesProblem(400);

        api.MapGet("/members", (RegistryService r, string? org, string? on, [FromQuery(Name = "known_at")] string? knownAt) => r.Read(s =>
            {
                var o = Inputs.Org(s.Catalog, org, "org");
                return ApiJson.Result(new RegistryQueries(s).Members(o, Inputs.Day(on, "on"), Inputs.Time(knownAt, "known_at")));
            }))
            .WithName("members").WithSummary("An organization's members (and observers, applicants…) on a day").Produces<MembersReport>().ProducesProblem(400);

        api.MapGet("/timeline", (RegistryService r, string? state, string? org, [FromQuery(Name = "known_at")] string? knownAt) => r.Read(s =>
            {
                var st = Inputs.State(s.Catalog, state, "state");
                var o = Inputs.Org(s.Catalog, org, "org");
                return ApiJson.Result(new RegistryQueries(s).Timeline(st, o, Inputs.Time(knownAt, "known_at")));
            }))
            .WithName("timeline").WithSummary("A state's standing in an organization over time").Produces<TimelineReport>().ProducesProblem(400);

        api.MapGet("/attendance", (RegistryService r, string? org, string? from, string? to, [FromQuery(Name = "known_at")] string? knownAt, string? offset, string? limit) => r.Read(s =>
            {
                var o = Inputs.Org(s.Catalog, org, "org");
                var page = Paging.From(offset, limit);
                var report = new RegistryQueries(s).Attendance(o, Inputs.OptionalDay(from, "from"), Inputs.OptionalDay(to, "to"), Inputs.Time(knownAt, "known_at"));
                return ApiJson.Result(page.Annotate(ApiJson.Node(report with { Meetings = page.Slice(report.Meetings) }), report.Meetings.Count));
            }))
            .WithName("attendance").WithSummary("Who attended an organization's meetings (paged by meeting)").Produces<AttendanceReport>().ProducesProblem(400);

        api.MapGet("/meetings", (RegistryService r, string? org, string? from, string? to, [FromQuery(Name = "known_at")] string? knownAt, string? offset, string? limit) => r.Read(s =>
            {
                var o = Inputs.OptionalOrg(s.Catalog, org, "org");
                var page = Paging.From(offset, limit);
                var q = new RegistryQueries(s);
                var all = q.Meetings(o, Inputs.OptionalDay(from, "from"), Inputs.OptionalDay(to, "to"), Inputs.Time(knownAt, "known_at"));
                var views = new RegistryQueries.ViewCache(s);
                return ApiJson.Result(page.Annotate(ApiJson.Node(new { meetings = page.Slice(all).Select(m => q.View(m, views)).ToList() }), all.Count));
            }))
            .WithName("meetings").WithSummary("Meetings, with attendance").ProducesProblem(400);

        api.MapGet("/meetings/{id}", (RegistryService r, string id, [FromQuery(Name = "known_at")] string? knownAt) => r.Read(s =>
            {
                var q = new RegistryQueries(s);
                var m = q.Meetings(null, null, null, Inputs.Time(knownAt, "known_at")).FirstOrDefault(x => x.Id == id) ?? throw new NotFoundException($"no meeting '{id}'");
                return ApiJson.Result(new { meeting = q.View(m) });
            }))
            .WithName("meeting").WithSummary("One meeting").ProducesProblem(404);

        var orgs = api.MapGroup("/organizations");
        orgs.MapGet("", (RegistryService r, string? offset, string? limit) => r.Read(s =>
            {
                var page = Paging.From(offset, limit);
                var all = s.Catalog.Organizations;
                return ApiJson.Result(page.Annotate(ApiJson.Node(new { organizations = page.Slice(all) }), all.Count));
            }))
            .WithName("organizations").WithSummary("The organizations the registry knows").ProducesProblem(400);
        orgs.MapGet("/{id}", (RegistryService r, string id, string? on, [FromQuery(Name = "known_at")] string? knownAt) => r.Read(s =>
            {
                var org = Inputs.PathOrg(s.Catalog, id);
                var q = new RegistryQueries(s);
                var known = Inputs.Time(knownAt, "known_at");
                return ApiJson.Result(new { organization = org, members = q.Members(org.Id, Inputs.Day(on, "on"), known), chairs = q.Chairs(org.Id, known) });
            }))
            .WithName("organization").WithSummary("An organization, its members on a day and its chairs (as `plenary show ORG`)").ProducesProblem(404);
        orgs.MapGet("/{id}/members", (RegistryService r, string id, string? on, [FromQuery(Name = "known_at")] string? knownAt) => r.Read(s =>
            ApiJson.Result(new RegistryQueries(s).Members(Inputs.PathOrg(s.Catalog, id).Id, Inputs.Day(on, "on"), Inputs.Time(knownAt, "known_at")))))
            .WithName("organization-members").WithSummary("An organization's members on a day").Produces<MembersReport>().ProducesProblem(404);
        orgs.MapGet("/{id}/timelines", (RegistryService r, string id, [FromQuery(Name = "known_at")] string? knownAt, string? offset, string? limit) => r.Read(s =>
            {
                var org = Inputs.PathOrg(s.Catalog, id);
                var page = Paging.From(offset, limit);
                var q = new RegistryQueries(s);
                var known = Inputs.Time(knownAt, "known_at");
                var states = q.Histories(org.Id, known).Select(h => h.State).ToList();
                return ApiJson.Result(page.Annotate(ApiJson.Node(new { org = org.Id, known_at = known, timelines = page.Slice(states).Select(st => q.Timeline(st, org.Id, known)).ToList() }), states.Count));
            }))
            .WithName("organization-timelines").WithSummary("Every state's standing over time in one organization").ProducesProblem(404);
        orgs.MapGet("/{id}/chairs", (RegistryService r, string id, [FromQuery(Name = "known_at")] string? knownAt, string? offset, string? limit) => r.Read(s =>
            {
                var page = Paging.From(offset, limit);
                var all = new RegistryQueries(s).Chairs(Inputs.PathOrg(s.Catalog, id).Id, Inputs.Time(knownAt, "known_at"));
                return ApiJson.Result(page.Annotate(ApiJson.Node(new { chairs = page.Slice(all) }), all.Count));
            }))
            .WithName("organization-chairs").WithSummary("Who chaired the organization and its bodies").ProducesProblem(404);

        var states = api.MapGroup("/states");
        states.MapGet("", (RegistryService r, string? offset, string? limit) => r.Read(s =>
            {
                var page = Paging.From(offset, limit);
                var all = s.Catalog.States;
                return ApiJson.Result(page.Annotate(ApiJson.Node(new { states = page.Slice(all) }), all.Count));
            }))
            .WithName("states").WithSummary("The states the registry knows").ProducesProblem(400);
        states.MapGet("/{id}", (RegistryService r, string id, string? on, [FromQuery(Name = "known_at")] string? knownAt) => r.Read(s =>
            {
                var state = Inputs.PathState(s.Catalog, id);
                var day = Inputs.Day(on, "on");
                var memberships = new RegistryQueries(s).StandingsOf(state.Id, day, Inputs.Time(knownAt, "known_at"))
                    .Where(m => m.Day.Standing != Standing.NotMember)
                    .Select(m => new { org = m.Org, name = s.Catalog.OrganizationName(m.Org), standing = m.Day.Standing, since = m.Day.Since, basis = m.Day.Basis })
                    .ToList();
                return ApiJson.Result(new { state, on = day, memberships });
            }))
            .WithName("state").WithSummary("A state and its standings on a day (as `plenary show STATE`)").ProducesProblem(404);
        states.MapGet("/{id}/timelines", (RegistryService r, string id, [FromQuery(Name = "known_at")] string? knownAt) => r.Read(s =>
            {
                var state = Inputs.PathState(s.Catalog, id);
                var q = new RegistryQueries(s);
                var known = Inputs.Time(knownAt, "known_at");
                return ApiJson.Result(new { state = state.Id, known_at = known, timelines = q.Memberships(state.Id, known).Select(m => q.Timeline(state.Id, m.Org, known)).ToList() });
            }))
            .WithName("state-timelines").WithSummary("A state's standing over time in every organization").ProducesProblem(404);

        var persons = api.MapGroup("/persons");
        persons.MapGet("", (RegistryService r, string? offset, string? limit) => r.Read(s =>
            {
                var page = Paging.From(offset, limit);
                var all = s.Catalog.Persons;
                return ApiJson.Result(page.Annotate(ApiJson.Node(new { persons = page.Slice(all) }), all.Count));
            }))
            .WithName("persons").WithSummary("The persons the registry knows").ProducesProblem(400);
        persons.MapGet("/{id}", (RegistryService r, string id, [FromQuery(Name = "known_at")] string? knownAt) => r.Read(s =>
            {
                var person = Inputs.PathPerson(s.Catalog, id);
                return ApiJson.Result(new { person, statements = Reads.Statements(s, person, Inputs.Time(knownAt, "known_at")) });
            }))
            .WithName("person").WithSummary("A person, with the statements attributed to them").ProducesProblem(404);

        api.MapGet("/statements", (RegistryService r, string? speaker, string? about, [FromQuery(Name = "known_at")] string? knownAt, string? offset, string? limit) => r.Read(s =>
            {
                var page = Paging.From(offset, limit);
                var person = string.IsNullOrEmpty(speaker) ? null : Inputs.PathPerson(s.Catalog, speaker);
                var all = Reads.Statements(s, person, Inputs.Time(knownAt, "known_at"))
                    .Where(c => about is null || (c.Fact.TryGetProperty("about", out var a) && a.ValueKind == JsonValueKind.Array && a.EnumerateArray().Any(x => x.GetString() == about)))
                    .ToList();
                return ApiJson.Result(page.Annotate(ApiJson.Node(new { statements = page.Slice(all) }), all.Count));
            }))
            .WithName("statements").WithSummary("Direct quotations, by speaker (a person id or name) and subject (a state or organization id)").ProducesProblem(400).ProducesProblem(404);

        var articles = api.MapGroup("/articles");
        articles.MapGet("", (RegistryService r, string? offset, string? limit) => r.Read(s =>
            {
                var page = Paging.From(offset, limit);
                var all = s.Articles();
                return ApiJson.Result(page.Annotate(ApiJson.Node(new { articles = page.Slice(all).Select(a => Reads.ArticleSummary(a)).ToList() }), all.Count));
            }))
            .WithName("articles").WithSummary("The articles the registry has read").ProducesProblem(400);
        articles.MapGet("/{id}", (RegistryService r, string id) => r.Read(s =>
            {
                var a = s.FindArticle(id) ?? throw new NotFoundException($"no article '{id}'");
                return ApiJson.Result(new { article = Reads.ArticleDetail(a), claims = Reads.ClaimsOf(s, a.Id) });
            }))
            .WithName("article").WithSummary("An article's text and every claim read from it, in any review state").ProducesProblem(404);
        articles.MapPost("", async (HttpContext ctx, RegistryService r, IEditorial editorial) =>
            {
                var body = await ReadBody<IngestRequest>(ctx);
                var article = Reads.ArticleFrom(body.Id, Inputs.Required(body.Text, "text"), body.Published, body.Url, body.Outlet, body.Title);
                var by = ctx.User.Identity!.Name!;
                var outcome = r.Write(s => editorial.Ingest(s, article, by));
                return r.Read(s => ApiJson.Result(new
                {
                    article = outcome.ArticleId,
                    added = outcome.Added,
                    claims = Reads.ClaimsOf(s, outcome.ArticleId),
                }, outcome.Added ? StatusCodes.Status201Created : StatusCodes.Status200OK));
            })
            .RequireAuthorization(EditorPolicy)
            .Accepts<IngestRequest>("application/json")
            .WithName("ingest").WithSummary("Ingest an article: it is stored and the reader proposes claims for review (editor). 201 when new, 200 when the same text was already read.")
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403);

        var claims = api.MapGroup("/claims");
        claims.MapGet("", (RegistryService r, string? type, string? org, string? state, string? source, string? review, [FromQuery(Name = "known_at")] string? knownAt, string? offset, string? limit) => r.Read(s =>
            {
                var page = Paging.From(offset, limit);
                var filter = new ClaimFilter
                {
                    Type = Inputs.Enum<ClaimType>(type, "type"),
                    Org = Inputs.OptionalOrg(s.Catalog, org, "org"),
                    State = Inputs.OptionalState(s.Catalog, state, "state"),
                    SourceId = string.IsNullOrEmpty(source) ? null : source,
                    Review = review is null or "" or "all" ? null : Inputs.Enum<ReviewState>(review, "review"),
                    KnownAt = Inputs.Time(knownAt, "known_at"),
                };
                var all = s.Claims(filter);
                var views = new RegistryQueries.ViewCache(s);
                return ApiJson.Result(page.Annotate(ApiJson.Node(new { claims = page.Slice(all).Select(views.Of).ToList() }), all.Count));
            }))
            .WithName("claims").WithSummary("Claims, by type, organization, state, source and review state (proposed|accepted|rejected|all)").ProducesProblem(400);
        claims.MapGet("/{id}", (RegistryService r, string id, [FromQuery(Name = "known_at")] string? knownAt) => r.Read(s =>
            {
                var c = s.FindClaim(id, Inputs.Time(knownAt, "known_at")) ?? throw new NotFoundException($"no claim '{id}'");
                return ApiJson.Result(new { claim = new RegistryQueries.ViewCache(s).Of(c) });
            }))
            .WithName("claim").WithSummary("One claim with its source and evidence").ProducesProblem(404);
        claims.MapPost("/{id}/accept", (HttpContext ctx, string id) => Decide(ctx, id, ReviewState.Accepted))
            .RequireAuthorization(EditorPolicy).Accepts<DecisionRequest>("application/json")
            .WithName("accept").WithSummary("Accept a claim into the registry (editor)").ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        claims.MapPost("/{id}/reject", (HttpContext ctx, string id) => Decide(ctx, id, ReviewState.Rejected))
            .RequireAuthorization(EditorPolicy).Accepts<DecisionRequest>("application/json")
            .WithName("reject").WithSummary("Reject a claim (editor)").ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        claims.MapPost("/{id}/correct", async (HttpContext ctx, RegistryService r, IEditorial editorial, string id) =>
            {
                var body = await ReadBody<CorrectionRequest>(ctx);
                var by = ctx.User.Identity!.Name!;
                var corrected = r.Write(s =>
                {
                    var old = s.FindClaim(id) ?? throw new NotFoundException($"no claim '{id}'");
                    return editorial.Correct(s, id, Reads.Overlay(old.Fact, body.Fact), by, body.Note);
                });
                return r.Read(s => ApiJson.Result(new { claim = new RegistryQueries.ViewCache(s).Of(s.FindClaim(corrected.Id)!) }, StatusCodes.Status201Created));
            })
            .RequireAuthorization(EditorPolicy).Accepts<CorrectionRequest>("application/json")
            .WithName("correct").WithSummary("Correct a claim: a new, accepted claim replaces it (the old one is rejected, both stay readable) (editor)")
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);

        api.MapGet("/search", (RegistryService r, string? q, string? offset, string? limit) => r.Read(s =>
            {
                var page = Paging.From(offset, limit);
                var (hits, total) = Search.Run(s, Inputs.Required(q, "q"), page.Offset, page.Limit);
                return ApiJson.Result(page.Annotate(ApiJson.Node(new
                {
                    query = q,
                    results = hits.Select(h => new { kind = h.Kind, id = h.Id, title = h.Title, snippet = Search.PlainSnippet(h.Snippet), rank = h.Rank }).ToList(),
                }), total));
            }))
            .WithName("search").WithSummary("Ranked full-text search over organizations, states, persons and article text").ProducesProblem(400);

        api.MapGet("/audit", (RegistryService r, string? offset, string? limit) => r.Read(s =>
            {
                var page = Paging.From(offset, limit);
                var total = (int)s.AuditCount();
                // The log is read newest first up to the page's end: past the end there is nothing to read.
                var entries = page.Offset >= total ? [] : s.AuditLog(page.End).Skip(page.Offset).ToList();
                return ApiJson.Result(page.Annotate(ApiJson.Node(new { entries = entries.Select(Reads.AuditView).ToList() }), total));
            }))
            .RequireAuthorization(AdminPolicy)
            .WithName("audit").WithSummary("The audit log, newest first: who changed what, when, before and after (admin)").WithTags("accounts")
            .ProducesProblem(401).ProducesProblem(403);

        api.MapGet("/me", (HttpContext ctx) => ctx.User.Identity?.IsAuthenticated == true
                ? ApiJson.Result(new { name = ctx.User.Identity.Name, role = ctx.User.FindFirst(System.Security.Claims.ClaimTypes.Role)?.Value })
                : ApiJson.Result(new { name = (string?)null, role = "anonymous" }))
            .WithName("me").WithSummary("Who the request is made as").WithTags("accounts");
    }

    private static readonly byte[] Pong = """{"ok":true}"""u8.ToArray();

    private static async Task<IResult> Decide(HttpContext ctx, string id, ReviewState decision)
    {
        var body = ctx.Request.ContentLength is null or 0 ? new DecisionRequest(null) : await ReadBody<DecisionRequest>(ctx);
        var r = ctx.RequestServices.GetRequiredService<RegistryService>();
        var editorial = ctx.RequestServices.GetRequiredService<IEditorial>();
        var by = ctx.User.Identity!.Name!;
        r.Write(s => { editorial.Decide(s, id, decision, by, body.Note); return 0; });
        return r.Read(s => ApiJson.Result(new { claim = new RegistryQueries.ViewCache(s).Of(s.FindClaim(id)!) }));
    }

    private static async Task<T> ReadBody<T>(HttpContext ctx) where T : class
    {
        if (ctx.Request.ContentType is not { } type || !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
            throw new BadInputException("send the request body as application/json");
        try
        {
            return await JsonSerializer.DeserializeAsync<T>(ctx.Request.Body, ApiJson.Options, ctx.RequestAborted)
                ?? throw new BadInputException("the request body is empty");
        }
        catch (JsonException e)
        {
            // The serializer's own message names .NET types; say where the body went wrong and what was expected instead.
            throw new BadInputException(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"the request body is not valid JSON for this request at {e.Path ?? "$"} (line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1}): expected a JSON object with this request's fields, each of the documented type"));
        }
    }
}
