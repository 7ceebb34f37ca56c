using Microsoft.AspNetCore.Mvc;
namespace Plenary.Web.Api;

/// <summary><c>/search</c>: ranked full-text search.</summary>
public static class SearchApi
{
    public sealed record SearchQuery(
        [property: FromQuery(Name = "q"), System.ComponentModel.Description("What to find, in web-search syntax: words (each matched as a word prefix, all required), \"a phrase\", `or` between alternatives, -word or -\"a phrase\" to leave out. Only the first 32 words count; a search with only words to leave out finds nothing.")] string? Q);

    public sealed record SearchResult(string Kind, string Id, string Title, string Snippet, double Rank);

    public sealed record SearchPage(string? Query, IReadOnlyList<SearchResult> Results, PageInfo Page);

    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/search", Find).Documented("search", "Ranked full-text search over organizations, states, persons and article text", 400);
        return api;
    }

    public static ApiOk<SearchPage> Find(RegistryService r, [AsParameters] SearchQuery q, [AsParameters] PageQuery paging) => r.Read(s =>
    {
        var page = paging.Page;
        var (hits, total) = Search.Run(s, Inputs.Required(q.Q, "q"), page.Offset, page.Limit);
        return ApiOk<SearchPage>.Of(new SearchPage(q.Q, hits.Select(h => new SearchResult(h.Kind, h.Id, h.Title, Search.PlainSnippet(h.Snippet), h.Rank)).ToList(), page.Info(total)));
    });
}
