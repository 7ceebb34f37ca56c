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

    /// <summary>An organization with its members during a month or a year (<c>on=2016</c>), each with the part of the period it was one.</summary>
    public sealed record OrganizationDuringAnswer(Organization Organization, MembersDuringReport Members, IReadOnlyList<ChairView> Chairs);

    public sealed record TimelinesPage(OrgId Org, DateTimeOffset? KnownAt, IReadOnlyList<TimelineReport> Timelines, PageInfo Page);

    public sealed record ChairsPage(IReadOnlyList<ChairView> Chairs, PageInfo Page);

    public static IEndpointRouteBuilder MapOrganizationsApi(this IEndpointRouteBuilder api)
    {
        var orgs = api.MapGroup("/organizations");
        orgs.MapGet("", Organizations).Documented("organizations", "The organizations the registry knows", 400);
        orgs.MapGet("/{id}", Organization).Documented("organization",
            "An organization, its members on a day (on=YYYY-MM-DD) or during a month or a year (on=YYYY-MM, on=YYYY), and its chairs (as `plenary show ORG`)", 400, 404);
        orgs.MapGet("/{id}/members", Members).Documented("organization-members", "An organization's members on a day, or during a month or a year", 400, 404);
        orgs.MapGet("/{id}/timelines", Timelines).Documented("organization-timelines", "Every state's standing over time in one organization", 400, 404);
        orgs.MapGet("/{id}/chairs", Chairs).Documented("organization-chairs", "Who chaired the organization and its bodies", 400, 404);
        return api;
    }

    public static ApiOk<OrganizationsPage> Organizations(RegistryService r, [AsParameters] PageQuery paging) =>
        r.Read(s => ApiOk<OrganizationsPage>.Of(paging.Of(s.Catalog.Organizations, (orgs, page) => new OrganizationsPage(orgs, page))));

    public static Results<Results<ApiOk<OrganizationAnswer>, ApiOk<OrganizationDuringAnswer>>, ProblemHttpResult> Organization(
        RegistryService r, string id, [AsParameters] OnQuery on, [AsParameters] KnownAtQuery known) =>
        r.AboutOrg(id, (s, org) =>
        {
            var (queries, at) = (new RegistryQueries(s), known.Time);
            return on.Answer(day => new OrganizationAnswer(org, queries.Members(org.Id, day, at), queries.Chairs(org.Id, at)),
                period => new OrganizationDuringAnswer(org, queries.MembersDuring(org.Id, period, at), queries.Chairs(org.Id, at)));
        });

    public static Results<Results<ApiOk<MembersReport>, ApiOk<MembersDuringReport>>, ProblemHttpResult> Members(
        RegistryService r, string id, [AsParameters] OnQuery on, [AsParameters] KnownAtQuery known) =>
        r.AboutOrg(id, (s, org) => MembersApi.Of(new RegistryQueries(s), org.Id, on, known.Time));

    public static Results<ApiOk<TimelinesPage>, ProblemHttpResult> Timelines(RegistryService r, string id, [AsParameters] KnownAtQuery known, [AsParameters] PageQuery paging) =>
        r.AboutOrg(id, (s, org) =>
        {
            var queries = new RegistryQueries(s);
            var at = known.Time;
            var states = queries.Histories(org.Id, at).Select(h => h.State).ToList();
            return ApiOk<TimelinesPage>.Of(paging.Of(states, (some, page) => new TimelinesPage(org.Id, at, some.Select(st => queries.Timeline(st, org.Id, at)).ToList(), page)));
        });

    public static Results<ApiOk<ChairsPage>, ProblemHttpResult> Chairs(RegistryService r, string id, [AsParameters] KnownAtQuery known, [AsParameters] PageQuery paging) =>
        r.AboutOrg(id, (s, org) => ApiOk<ChairsPage>.Of(paging.Of(new RegistryQueries(s).Chairs(org.Id, known.Time), (chairs, page) => new ChairsPage(chairs, page))));
}
