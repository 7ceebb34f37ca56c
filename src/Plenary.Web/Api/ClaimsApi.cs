using Microsoft.AspNetCore.Mvc;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Plenary.Core.Claims;
using Plenary.Store;
using Plenary.Store.Queries;
using Plenary.Store.Records;
using Plenary.Web.Editorial;

namespace Plenary.Web.Api;

/// <summary>A review decision's optional note.</summary>
public sealed record DecisionRequest(string? Note);

/// <summary>A correction: the fields of the fact that change (claims.md names; the rest is kept), and why.</summary>
public sealed record CorrectionRequest(JsonElement Fact, string? Note);

/// <summary><c>/claims</c>: claims by type, organization, state, source and review state; one claim; and review decisions (editor).</summary>
public static class ClaimsApi
{
    public sealed record ClaimsQuery([property: FromQuery(Name = "type")] string? Type, [property: FromQuery(Name = "org")] string? Org, [property: FromQuery(Name = "state")] string? State, [property: FromQuery(Name = "source")] string? Source, [property: FromQuery(Name = "review")] string? Review);

    public sealed record ClaimsPage(IReadOnlyList<ClaimView> Claims, PageInfo Page);

    public sealed record ClaimAnswer(ClaimView Claim);

    public static IEndpointRouteBuilder MapClaimsApi(this IEndpointRouteBuilder api)
    {
        var claims = api.MapGroup("/claims");
        claims.MapGet("", Claims).Documented("claims", "Claims, by type, organization, state, source and review state (proposed|accepted|rejected|all)", 400);
        claims.MapGet("/{id}", Claim).Documented("claim", "One claim with its source and evidence", 400, 404);
        claims.MapPost("/{id}/accept", Accept)
            .RequireAuthorization(ApiEndpoints.EditorPolicy).Accepts<DecisionRequest>("application/json")
            .Documented("accept", "Accept a claim into the registry (editor)", 401, 403, 404, 409);
        claims.MapPost("/{id}/reject", Reject)
            .RequireAuthorization(ApiEndpoints.EditorPolicy).Accepts<DecisionRequest>("application/json")
            .Documented("reject", "Reject a claim (editor)", 401, 403, 404, 409);
        claims.MapPost("/{id}/correct", Correct)
            .RequireAuthorization(ApiEndpoints.EditorPolicy).Accepts<CorrectionRequest>("application/json")
            .Documented("correct", "Correct a claim: a new, accepted claim replaces it (the old one is rejected, both stay readable) (editor)")
            .Produces<ClaimAnswer>(StatusCodes.Status201Created)
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        return api;
    }

    public static ApiOk<ClaimsPage> Claims(RegistryService r, [AsParameters] ClaimsQuery q, [AsParameters] KnownAtQuery known, [AsParameters] KeysetPageQuery paging) => r.Read(s =>
    {
        var filter = new ClaimFilter
        {
            Type = Inputs.Enum<ClaimType>(q.Type, "type"),
            Org = Inputs.OptionalOrg(s.Catalog, q.Org, "org"),
            State = Inputs.OptionalState(s.Catalog, q.State, "state"),
            SourceId = string.IsNullOrEmpty(q.Source) ? null : q.Source,
            Review = q.Review is null or "" or "all" ? null : Inputs.Enum<ReviewState>(q.Review, "review"),
            KnownAt = known.Time,
        };
        // The engine counts and reads one page (by key after a cursor, else by offset): no claim beyond the page is read.
        var filters = string.Join('|', filter.Type, filter.Org, filter.State, filter.SourceId, filter.Review, filter.KnownAt?.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        var after = paging.After("claims", filters);
        var page = paging.Page;
        var total = (int)Math.Min(int.MaxValue, s.ClaimCount(filter));
        var found = after is null && page.Offset >= total ? new ClaimPage([], null, false) : s.ClaimPage(filter, after?.NumericKey, page.Offset, page.Limit);
        var views = new RegistryQueries.ViewCache(s);
        var nextKey = found.More ? found.LastKey?.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        return ApiOk<ClaimsPage>.Of(new ClaimsPage(found.Claims.Select(views.Of).ToList(), paging.Info(after, total, "claims", filters, nextKey)));
    });

    public static Results<ApiOk<ClaimAnswer>, ProblemHttpResult> Claim(RegistryService r, string id, [AsParameters] KnownAtQuery known) =>
        r.Read<Results<ApiOk<ClaimAnswer>, ProblemHttpResult>>(s => s.FindClaim(id, known.Time) is { } c
            ? ApiOk<ClaimAnswer>.Of(new ClaimAnswer(new RegistryQueries.ViewCache(s).Of(c)))
            : Problems.NotFound($"no claim '{id}'"));

    public static Task<ApiOk<ClaimAnswer>> Accept(HttpContext ctx, RegistryService r, IEditorial editorial, string id) => Decide(ctx, r, editorial, id, ReviewState.Accepted);

    public static Task<ApiOk<ClaimAnswer>> Reject(HttpContext ctx, RegistryService r, IEditorial editorial, string id) => Decide(ctx, r, editorial, id, ReviewState.Rejected);

    // An unknown claim (404) and one already decided (409) are the desk's rules, mapped by the app's error handler.
    private static async Task<ApiOk<ClaimAnswer>> Decide(HttpContext ctx, RegistryService r, IEditorial editorial, string id, ReviewState decision)
    {
        var body = ctx.Request.ContentLength is null or 0 ? new DecisionRequest(null) : await RequestBody.Read<DecisionRequest>(ctx);
        var by = ctx.User.Identity!.Name!;
        r.Write(s => { editorial.Decide(s, id, decision, by, body.Note); return 0; });
        return r.Read(s => ApiOk<ClaimAnswer>.Of(new ClaimAnswer(new RegistryQueries.ViewCache(s).Of(s.FindClaim(id)!))));
    }

    public static async Task<ApiOk<ClaimAnswer>> Correct(HttpContext ctx, RegistryService r, IEditorial editorial, string id)
    {
        var body = await RequestBody.Read<CorrectionRequest>(ctx);
        var by = ctx.User.Identity!.Name!;
        var corrected = r.Write(s =>
        {
            var old = s.FindClaim(id) ?? throw new NotFoundException($"no claim '{id}'");
            return editorial.Correct(s, id, Reads.Overlay(old.Fact, body.Fact), by, body.Note);
        });
        return r.Read(s => ApiOk<ClaimAnswer>.Of(new ClaimAnswer(new RegistryQueries.ViewCache(s).Of(s.FindClaim(corrected.Id)!)), StatusCodes.Status201Created));
    }
}
