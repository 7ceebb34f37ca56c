using Microsoft.AspNetCore.Http.HttpResults;
using Plenary.Core.Ids;
using Plenary.Core.Registry;
using Plenary.Store.Queries;

namespace Plenary.Web.Api;

/// <summary><c>/organizations</c>: the organizations, and one with its members, timelines and chairs.</summary>
public static class OrganizationsApi
{
    public sealed record OrganizationsPage(IReadOnlyList<Organization> Organizations, PageInfo Page);

    public sealed record OrganizationAnswer(Organization Organization, MembersReport Members, IReadOnlyList<ChairView> Chairs);

    public sealed record TimelinesPage(OrgId Org, DateTimeOffset? KnownAt, IReadOnlyList<TimelineReport> Timelines, PageInfo Page);

    public sealed record ChairsPage(IReadOnlyList<ChairView> Chairs, PageInfo Page);

    public static IEndpointRouteBuilder MapOrganizationsApi(this IEndpointRouteBuilder api)
    {
        var orgs = api.MapGroup("/organizations");
        orgs.MapGet("", Organizations).Documented("organizations", "The organizations the registry knows", 400);
        orgs.MapGet("/{id}", Organization).Documented("organization", "An organization, its members on a day and its chairs (as `plenary show ORG`)", 400, 404);
        orgs.MapGet("/{id}/members", Members).Documented("organization-members", "An organization's members on a day", 400, 404);
        orgs.MapGet("/{id}/timelines", Timelines).Documented("organization-timelines", "Every state's standing over time in one organization", 400, 404);
        orgs.MapGet("/{id}/chairs", Chairs).Documented("organization-chairs", "Who chaired the organization and its bodies", 400, 404);
        return api;
    }

    public static ApiOk<OrganizationsPage> Organizations(RegistryService r, [AsParameters] PageQuery paging) =>
        r.Read(s => ApiOk<OrganizationsPage>.Of(paging.Of(s.Catalog.Organizations, (orgs, page) => new OrganizationsPage(orgs, page))));

    public static Results<ApiOk<OrganizationAnswer>, ProblemHttpResult> Organization(RegistryService r, string id, [AsParameters] OnQuery q, [AsParameters] KnownAtQuery known) =>
        r.Read<Results<ApiOk<OrganizationAnswer>, ProblemHttpResult>>(s =>
        {
            if (Inputs.FindOrg(s.Catalog, id, out var missing) is not { } org) return Problems.NotFound(missing);
            var queries = new RegistryQueries(s);
            var day = Inputs.Day(q.On, "on");
            return ApiOk<OrganizationAnswer>.Of(new OrganizationAnswer(org, queries.Members(org.Id, day, known.Time), queries.Chairs(org.Id, known.Time)));
        });

    public static Results<ApiOk<MembersReport>, ProblemHttpResult> Members(RegistryService r, string id, [AsParameters] OnQuery q, [AsParameters] KnownAtQuery known) =>
        r.Read<Results<ApiOk<MembersReport>, ProblemHttpResult>>(s =>
        {
            if (Inputs.FindOrg(s.Catalog, id, out var missing) is not { } org) return Problems.NotFound(missing);
            return ApiOk<MembersReport>.Of(new RegistryQueries(s).Members(org.Id, Inputs.Day(q.On, "on"), known.Time));
        });

    public static Results<ApiOk<TimelinesPage>, ProblemHttpResult> Timelines(RegistryService r, string id, [AsParameters] KnownAtQuery known, [AsParameters] PageQuery paging) =>
        r.Read<Results<ApiOk<TimelinesPage>, ProblemHttpResult>>(s =>
        {
            if (Inputs.FindOrg(s.Catalog, id, out var missing) is not { } org) return Problems.NotFound(missing);
            var queries = new RegistryQueries(s);
            var at = known.Time;
            var states = queries.Histories(org.Id, at).Select(h => h.State).ToList();
            return ApiOk<TimelinesPage>.Of(paging.Of(states, (some, page) => new TimelinesPage(org.Id, at, some.Select(st => queries.Timeline(st, org.Id, at)).ToList(), page)));
        });

    public static Results<ApiOk<ChairsPage>, ProblemHttpResult> Chairs(RegistryService r, string id, [AsParameters] KnownAtQuery known, [AsParameters] PageQuery paging) =>
        r.Read<Results<ApiOk<ChairsPage>, ProblemHttpResult>>(s =>
        {
            if (Inputs.FindOrg(s.Catalog, id, out var missing) is not { } org) return Problems.NotFound(missing);
            return ApiOk<ChairsPage>.Of(paging.Of(new RegistryQueries(s).Chairs(org.Id, known.Time), (chairs, page) => new ChairsPage(chairs, page)));
        });
}
