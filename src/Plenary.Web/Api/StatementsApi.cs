using Microsoft.AspNetCore.Mvc;
using Plenary.Core.Claims;
using Plenary.Store.Queries;

namespace Plenary.Web.Api;

/// <summary><c>/statements</c>: direct quotations, by speaker and subject.</summary>
public static class StatementsApi
{
    public sealed record StatementsQuery([property: FromQuery(Name = "speaker")] string? Speaker, [property: FromQuery(Name = "about")] string? About);

    public sealed record StatementsPage(IReadOnlyList<ClaimView> Statements, PageInfo Page);

    public static IEndpointRouteBuilder MapStatementsApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/statements", Statements).Documented("statements", "Direct quotations, by speaker (a person id or name) and subject (a state or organization id)", 400, 404);
        return api;
    }

    public static ApiOk<StatementsPage> Statements(RegistryService r, [AsParameters] StatementsQuery q, [AsParameters] KnownAtQuery known, [AsParameters] PageQuery paging) => r.Read(s =>
    {
        var person = string.IsNullOrEmpty(q.Speaker) ? null : Inputs.PathPerson(s.Catalog, q.Speaker);
        var all = new RegistryQueries(s).Statements(person, known.Time)
            .Where(c => q.About is null || (c.Fact is StatementFact f && f.About.Contains(q.About)))
            .ToList();
        return ApiOk<StatementsPage>.Of(paging.Of(all, (statements, page) => new StatementsPage(statements, page)));
    });
}
