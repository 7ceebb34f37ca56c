using Microsoft.AspNetCore.Antiforgery;
using Plenary.Core.Claims;
using Plenary.Core.Registry;
using Plenary.Core.Standings;
using Plenary.Core.Time;
using Plenary.Store;
using Plenary.Store.Queries;
using Plenary.Web.Api;
using Plenary.Web.Components;
using Plenary.Web.Components.Pages;

namespace Plenary.Web.Pages;

/// <summary>
/// The server-rendered pages: each handler gathers what its page shows and renders the page's Razor component
/// (Components/Pages), which encodes everything it shows.
/// </summary>
public static class PageEndpoints
{
    public static void Map(WebApplication app)
    {
        // Pages are for people: none of them is in the API's OpenAPI document.
        var pages = app.MapGroup("").ExcludeFromDescription();
        pages.MapGet("/", Home);
        pages.MapGet("/search", SearchPage);
        pages.MapGet("/status", StatusPage);
        pages.MapGet("/meetings/{id}", MeetingPage);
        // The registry's named things: a list at /orgs, and a page each at /orgs/{id}.
        void ListAndPages(string list, Delegate all, Delegate one)
        {
            pages.MapGet(list, all);
            pages.MapGet(list + "/{id}", one);
        }
        ListAndPages("/orgs", Orgs, OrgPage);
        ListAndPages("/states", States, StatePage);
        ListAndPages("/persons", Persons, PersonPage);
        ListAndPages("/articles", Articles, Article);
        var editor = pages.MapGroup("").RequireAuthorization(ApiEndpoints.EditorPolicy);
        EditorPages.Map(pages, editor);
        FeedsPage.Map(editor);
    }

    /// <summary>A form post: the antiforgery token is validated before anything else is read or done.</summary>
    internal static RouteHandlerBuilder MapForm(this IEndpointRouteBuilder pages, string pattern, Func<HttpContext, IFormCollection, Task<IResult>> handle) =>
        pages.MapPost(pattern, async (HttpContext ctx, IAntiforgery antiforgery) =>
        {
            await antiforgery.ValidateRequestAsync(ctx);
            var form = await ctx.Request.ReadFormAsync(ctx.RequestAborted);
            return await handle(ctx, form);
        }).DisableAntiforgery();

    public static Task Error(HttpContext ctx, int status, string detail)
    {
        var title = status switch { 400 => "Bad request", 401 => "Sign-in required", 403 => "Not allowed", 404 => "Not found", 409 => "Conflict", 429 => "Too many requests", _ => "Something went wrong" };
        // A name not found comes with the closest names: each becomes a link to its page.
        var section = detail.StartsWith("unknown organization", StringComparison.Ordinal) || detail.Contains(": unknown organization", StringComparison.Ordinal) ? "/orgs/"
            : detail.StartsWith("unknown state", StringComparison.Ordinal) || detail.Contains(": unknown state", StringComparison.Ordinal) ? "/states/"
            : detail.StartsWith("unknown person", StringComparison.Ordinal) || detail.Contains(": unknown person", StringComparison.Ordinal) ? "/persons/"
            : null;
        var suggestions = section is null ? [] : PageText.Suggestions(detail).Select(s => (s.Name, section + Uri.EscapeDataString(s.Id))).ToList();
        return PageResult.Of<ErrorPage, ErrorPage.Info>(ctx, new(title, detail, suggestions), status).ExecuteAsync(ctx);
    }

    private static IEnumerable<Organization> ByName(IEnumerable<Organization> orgs) => orgs.OrderBy(o => o.Name, StringComparer.CurrentCultureIgnoreCase);

    private static IResult Home(HttpContext ctx, RegistryService r) =>
        PageResult.Of<HomePage, HomePage.Info>(ctx, r.Cached("page|home", s => new HomePage.Info(ByName(s.Catalog.Organizations).ToList(), s.Articles().Take(5).ToList())));

    private static IResult SearchPage(HttpContext ctx, RegistryService r, string? q, string? offset)
    {
        if (string.IsNullOrWhiteSpace(q)) return PageResult.Of<SearchPage, SearchPage.Info>(ctx, new(null, [], 0, null, new Dictionary<(string, string), string>()));
        var page = Paging.From(offset, "30");
        var (hits, total, summaries) = r.Read(s =>
        {
            var (hits, total) = Search.Run(s, q, page.Offset, page.Limit);
            var c = s.Catalog;
            var summaries = new Dictionary<(string, string), string>();
            foreach (var h in hits)
            {
                var summary = h.Kind switch
                {
                    "organization" => c.ResolveOrganization(h.Id).Id is { } o && c.FindOrganization(o) is { } org ? OrgSummary(org) : null,
                    "state" => c.ResolveState(h.Id).Id is { } st && c.FindState(st) is { } state ? StateSummary(state) : null,
                    "person" => c.ResolvePerson(h.Id).Id is { } p && c.FindPerson(p) is { } person ? PersonSummary(person, c) : null,
                    _ => null,
                };
                if (summary is not null) summaries[(h.Kind, h.Id)] = summary;
            }
            return (hits, total, summaries);
        });
        return PageResult.Of<SearchPage, SearchPage.Info>(ctx, new(q, hits, total, page.End < total ? page.End : null, summaries));
    }

    private static string OrgSummary(Organization o) => string.Join(" · ", new[]
    {
        o.Acronyms.Count > 0 ? string.Join(", ", o.Acronyms) : null,
        o.Founded is { } f ? $"founded {f}" : null,
        o.Dissolved is { } d ? $"dissolved {d}" : null,
        o.Headquarters is { } hq ? $"headquarters {hq}" : null,
    }.Where(x => x is not null));

    private static string StateSummary(State s) => string.Join(" · ", new[]
    {
        s.OfficialName, s.Capital is { } cap ? $"capital {cap}" : null, s.Until is { } u ? $"until {u}" : null,
    }.Where(x => !string.IsNullOrEmpty(x)));

    private static string PersonSummary(Person p, Catalog c) => string.Join(" · ", new[]
    {
        p.State is { } st ? c.StateName(st) : null,
        p.Offices.Count > 0 ? string.Join("; ", p.Offices.Select(o => o.Role)) : null,
    }.Where(x => !string.IsNullOrEmpty(x)));

    private static IResult Orgs(HttpContext ctx, RegistryService r) =>
        PageResult.Of<OrgsPage, IReadOnlyList<Organization>>(ctx, r.Cached("page|orgs", s => ByName(s.Catalog.Organizations).ToList()));

    private static IResult OrgPage(HttpContext ctx, RegistryService r, string id, string? on)
    {
        var period = Inputs.Period(on, "on");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var model = r.Cached($"page|org|{id}|{period}|{today:yyyy-MM-dd}", s =>
        {
            var org = Inputs.PathOrg(s.Catalog, id);
            var c = s.Catalog;
            var q = new RegistryQueries(s);
            // A day's members (with observers and others), or a month's or a year's: each with the part of it it was one.
            var members = period.Precision == DatePrecision.Day ? q.Members(org.Id, period.Start) : null;
            var during = members is null ? q.MembersDuring(org.Id, period) : null;
            var rows = q.Histories(org.Id).Select(h => new TimelineRow(h.State.Value, c.StateName(h.State), $"/states/{h.State}", q.Periods(h.History, org.Id, null),
                p => $"/status?state={h.State}&org={org.Id}&on={Charts.Day(p.From.Start)}", h.State.Value)).ToList();
            var attendance = q.Attendance(org.Id);
            var matrixStates = attendance.Meetings.SelectMany(m => m.Attendance.Keys)
                .Concat(members?.Members.Select(m => m.State) ?? during!.Members.Select(m => m.State)).Distinct().Order()
                .Select(st => (st.Value, c.StateName(st))).ToList();
            return new OrgPage.Info(org, c, period, today, rows, members, during, OrganizationStanding.Ending(org, c),
                attendance.Meetings.Reverse().ToList(), matrixStates, q.Chairs(org.Id));
        });
        return PageResult.Of<OrgPage, OrgPage.Info>(ctx, model);
    }

    private static IResult States(HttpContext ctx, RegistryService r) =>
        PageResult.Of<StatesPage, IReadOnlyList<State>>(ctx, r.Cached("page|states", s => s.Catalog.States.ToList()));

    private static IResult StatePage(HttpContext ctx, RegistryService r, string id, string? on)
    {
        var period = Inputs.Period(on, "on");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var model = r.Read(s =>
        {
            var state = Inputs.PathState(s.Catalog, id);
            var c = s.Catalog;
            var q = new RegistryQueries(s);
            var memberships = q.Memberships(state.Id);
            // Organizations by name; a long name shows its acronym (the whole name in its tooltip).
            var rows = memberships
                .Select(m => (m, o: c.FindOrganization(m.Org)))
                .OrderBy(x => c.OrganizationName(x.m.Org), StringComparer.CurrentCultureIgnoreCase)
                .Select(x => new TimelineRow(x.m.Org.Value, c.OrganizationName(x.m.Org), $"/orgs/{x.m.Org}", q.Periods(x.m.History, x.m.Org, null),
                    p => $"/status?state={state.Id}&org={x.m.Org}&on={Charts.Day(p.From.Start)}", x.o?.Acronyms.FirstOrDefault())).ToList();
            var handovers = ByName(memberships.Select(m => c.FindOrganization(m.Org)).OfType<Organization>().Where(o => o.EndedOn() is not null && o.Successors.Count > 0)).ToList();
            // On a day, one standing an organization; during a month or a year, each part of it with its standing.
            var current = period.Precision == DatePrecision.Day
                ? q.StandingsOf(state.Id, period.Start).Where(m => m.Day.Standing != Standing.NotMember)
                    .Select(m => new StatePage.Current(m.Org, m.Day.Standing, m.Day.Since, null)).ToList()
                : q.StandingsDuring(state.Id, period).Standings
                    .Select(p => new StatePage.Current(p.Org, p.Standing, p.From, StandingDuring.Span(period, p.From, p.Until, p.Whole))).ToList();
            current = current.OrderBy(m => c.OrganizationName(m.Org), StringComparer.CurrentCultureIgnoreCase).ToList();
            return new StatePage.Info(state, c, period, today, rows, handovers, current, c.Persons.Where(p => p.State == state.Id).ToList());
        });
        return PageResult.Of<StatePage, StatePage.Info>(ctx, model);
    }

    private static IResult StatusPage(HttpContext ctx, RegistryService r, string? state, string? org, string? on, string? known_at)
    {
        var day = Inputs.Day(on, "on");
        var known = Inputs.Time(known_at, "known_at");
        var model = r.Read(s =>
        {
            var c = s.Catalog;
            var st = Inputs.State(c, state, "state");
            var o = Inputs.Org(c, org, "org");
            var report = new RegistryQueries(s).Status(st, o, day, known);
            return new StatusPage.Info(report, c, OrganizationStanding.Explain(report.Basis, c.FindOrganization(o), c, day));
        });
        return PageResult.Of<StatusPage, StatusPage.Info>(ctx, model);
    }

    private static IResult MeetingPage(HttpContext ctx, RegistryService r, string id)
    {
        var model = r.Read(s =>
        {
            var c = s.Catalog;
            var q = new RegistryQueries(s);
            var m = q.Meetings(null).FirstOrDefault(x => x.Id == id) ?? throw new NotFoundException($"no meeting '{id}'");
            var v = q.View(m);
            var org = c.FindOrganization(v.Org);
            var bodies = string.Join(", ", v.Bodies.Select(b => org?.FindBody(b)?.Name ?? b.ToString()));
            var title = $"{c.OrganizationName(v.Org)} meeting {v.Date?.ToString() ?? ""} {v.Place ?? ""}".Trim();
            var persons = v.Attendance.Keys.ToDictionary(k => k, k => m.Attendance[k].Person);
            return new MeetingPage.Info(v, c, title, bodies, persons);
        });
        return PageResult.Of<MeetingPage, MeetingPage.Info>(ctx, model);
    }

    private static IResult Persons(HttpContext ctx, RegistryService r) =>
        PageResult.Of<PersonsPage, PersonsPage.Info>(ctx, r.Cached("page|persons", s => new PersonsPage.Info(s.Catalog, s.Catalog.Persons.ToList())));

    private static IResult PersonPage(HttpContext ctx, RegistryService r, string id)
    {
        var model = r.Read(s =>
        {
            var p = Inputs.PathPerson(s.Catalog, id);
            return new PersonPage.Info(p, s.Catalog, Reads.Statements(s, p, null));
        });
        return PageResult.Of<PersonPage, PersonPage.Info>(ctx, model);
    }

    private static IResult Articles(HttpContext ctx, RegistryService r, string? offset)
    {
        var page = Paging.From(offset, "50");
        var (items, total) = r.Read(s =>
        {
            var all = s.Articles();
            return (page.Slice(all), all.Count);
        });
        return PageResult.Of<ArticlesPage, ArticlesPage.Info>(ctx, new(items, total, page.End < total ? page.End : null));
    }

    private static IResult Article(HttpContext ctx, RegistryService r, string id)
    {
        var (article, claims) = r.Read(s => (s.FindArticle(id) ?? throw new NotFoundException($"no article '{id}'"), Reads.ClaimsOf(s, id)));
        return PageResult.Of<ArticlePage, ArticlePage.Info>(ctx, new(article, claims));
    }
}
