using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Plenary.Core.Articles;
using Plenary.Store.Queries;
using Plenary.Web.Editorial;

namespace Plenary.Web.Api;

/// <summary>An article to ingest: claims.md's input object (the text, and its publication date for relative dates).</summary>
public sealed record IngestRequest(string? Id, string? Text, string? Published, string? Url, string? Outlet, string? Title);

/// <summary><c>/articles</c>: the articles read, one with its claims, and ingesting one (editor).</summary>
public static class ArticlesApi
{
    public sealed record ArticleSummary(string Id, string? Title, string? Outlet, string? Url, string? Published, int Length)
    {
        public static ArticleSummary Of(Article a) => new(a.Id, a.Title, a.Outlet, a.Url, Day(a.Published), a.Text.Length);
    }

    public sealed record ArticleDetail(string Id, string? Title, string? Outlet, string? Url, string? Published, string ContentHash, string Text)
    {
        public static ArticleDetail Of(Article a) => new(a.Id, a.Title, a.Outlet, a.Url, Day(a.Published), a.ContentHash, a.Text);
    }

    public sealed record ArticlesPage(IReadOnlyList<ArticleSummary> Articles, PageInfo Page);

    public sealed record ArticleAnswer(ArticleDetail Article, IReadOnlyList<ClaimView> Claims);

    public sealed record IngestAnswer(string Article, bool Added, IReadOnlyList<ClaimView> Claims);

    private static string? Day(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static IEndpointRouteBuilder MapArticlesApi(this IEndpointRouteBuilder api)
    {
        var articles = api.MapGroup("/articles");
        articles.MapGet("", Articles).Documented("articles", "The articles the registry has read", 400);
        articles.MapGet("/{id}", Article).Documented("article", "An article's text and every claim read from it, in any review state", 404);
        articles.MapPost("", Ingest)
            .RequireAuthorization(ApiEndpoints.EditorPolicy)
            .Accepts<IngestRequest>("application/json")
            .Documented("ingest", "Ingest an article: it is stored and the reader proposes claims for review (editor). 201 when new, 200 when the same text was already read.")
            .Produces<IngestAnswer>(StatusCodes.Status201Created)
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403);
        return api;
    }

    public static ApiOk<ArticlesPage> Articles(RegistryService r, [AsParameters] KeysetPageQuery paging) => r.Read(s =>
    {
        var page = paging.Page;
        var after = paging.After("articles", "");
        // The cursor's key: the last article's day ("" when undated), '|', and its id (a day holds no '|').
        (string, string)? key = after is null ? null : after.Key.Split('|', 2) is [var day, var id] ? (day, id) : throw new BadInputException("cursor: not a cursor of this list");
        var total = (int)Math.Min(int.MaxValue, s.ArticleCount());
        var found = after is null && page.Offset >= total ? [] : s.ArticlePage(key, after is null ? page.Offset : 0, page.Limit + 1);
        var shown = found.Take(page.Limit).ToList();
        var nextKey = found.Count > page.Limit ? shown[^1].Published + "|" + shown[^1].Id : null;
        return ApiOk<ArticlesPage>.Of(new ArticlesPage(shown.Select(a => new ArticleSummary(a.Id, a.Title, a.Outlet, a.Url, a.Published.Length == 0 ? null : a.Published, a.Length)).ToList(),
            paging.Info(after, total, "articles", "", nextKey)));
    });

    public static Results<ApiOk<ArticleAnswer>, ProblemHttpResult> Article(RegistryService r, string id) =>
        r.Read<Results<ApiOk<ArticleAnswer>, ProblemHttpResult>>(s => s.FindArticle(id) is { } a
            ? ApiOk<ArticleAnswer>.Of(new ArticleAnswer(ArticleDetail.Of(a), Reads.ClaimsOf(s, a.Id)))
            : Problems.NotFound($"no article '{id}'"));

    public static async Task<ApiOk<IngestAnswer>> Ingest(HttpContext ctx, RegistryService r, IEditorial editorial)
    {
        var body = await RequestBody.Read<IngestRequest>(ctx);
        var article = Reads.ArticleFrom(body.Id, Inputs.Required(body.Text, "text"), body.Published, body.Url, body.Outlet, body.Title);
        var by = ctx.User.Identity!.Name!;
        var outcome = r.Write(s => editorial.Ingest(s, article, by));
        return r.Read(s => ApiOk<IngestAnswer>.Of(new IngestAnswer(outcome.ArticleId, outcome.Added, Reads.ClaimsOf(s, outcome.ArticleId)),
            outcome.Added ? StatusCodes.Status201Created : StatusCodes.Status200OK));
    }
}
