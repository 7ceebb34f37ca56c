using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Plenary.Core.Claims;
using Plenary.Core.Ids;
using Plenary.Core.Registry;
using Plenary.Core.Standings;
using Plenary.Store;
using Plenary.Store.Queries;
using Plenary.Web.Accounts;
using Plenary.Web.Api;
using Plenary.Web.Editorial;
using Plenary.Web.Markup;
using static Plenary.Web.Markup.Html;
using static Plenary.Web.Pages.Fragments;

namespace Plenary.Web.Pages;

/// <summary>The server-rendered pages. Everything a page shows from the registry passes through <see cref="Html.H"/>.</summary>
public static class PageEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/", Home).ExcludeFromDescription();
        app.MapGet("/search", SearchPage).ExcludeFromDescription();
        app.MapGet("/orgs", Orgs).ExcludeFromDescription();
        app.MapGet("/orgs/{id}", OrgPage).ExcludeFromDescription();
        app.MapGet("/states", States).ExcludeFromDescription();
        app.MapGet("/states/{id}", StatePage).ExcludeFromDescription();
        app.MapGet("/status", StatusPage).ExcludeFromDescription();
        app.MapGet("/meetings/{id}", MeetingPage).ExcludeFromDescription();
        app.MapGet("/persons", Persons).ExcludeFromDescription();
        app.MapGet("/persons/{id}", PersonPage).ExcludeFromDescription();
        app.MapGet("/articles", Articles).ExcludeFromDescription();
        app.MapGet("/articles/{id}", ArticlePage.Render).ExcludeFromDescription();
        EditorPages.Map(app);
    }

    public static Task Error(HttpContext ctx, int status, string detail)
    {
        var title = status switch { 400 => "Bad request", 401 => "Sign-in required", 403 => "Not allowed", 404 => "Not found", 409 => "Conflict", _ => "Something went wrong" };
        return Layout.Page(ctx, title, H($"""<h1>{title}</h1><p class="error">{detail}</p><p><a href="/">Back to the start</a></p>"""), status).ExecuteAsync(ctx);
    }

    /// <summary>A page body that depends only on the registry (not on who asks): cached until the next write.</summary>
    private static Html Cached(RegistryService r, string key, Func<RegistryStore, Html> render) =>
        Trusted(r.Cached("page|" + key, s => render(s).Value));

    private static IResult Home(HttpContext ctx, RegistryService r)
    {
        var body = Cached(r, "home", s =>
        {
            var orgs = Join(s.Catalog.Organizations.Select(o => H($"""<li><a href="/orgs/{o.Id}">{o.Name}</a>{If(o.Acronyms.Count > 0, H($" <small>{string.Join(", ", o.Acronyms)}</small>"))}</li>""")));
            var articles = s.Articles().Take(5).ToList();
            return H($"""
                <section class="hero">
                <h1>Who is in, who showed up, who said what</h1>
                <p>A time-aware, source-cited registry of international organizations: member states and their standing over time, meetings and who attended, chairs, and what officials said — every fact with the article or document that states it.</p>
                <form class="bigsearch" action="/search" method="get" role="search">
                  <label for="home-q">Search organizations, states, persons and article text</label>
                  <div><input id="home-q" name="q" type="search" placeholder="e.g. CSTO, Armenia, Ushakov, “frozen”" autofocus> <button type="submit">Search</button></div>
                </form>
                <p class="try">Try: <a href="/orgs/csto">the CSTO</a> · <a href="/status?state=ARM&amp;org=csto">Armenia in the CSTO today</a> · <a href="/states/ARM">Armenia</a></p>
                </section>
                <div class="cols">
                <section><h2>Organizations</h2><ul class="plain">{orgs}</ul></section>
                <section><h2>Latest articles</h2>{(articles.Count == 0 ? H($"<p class=\"empty\">None yet.</p>") : H($"<ul class=\"plain\">{Join(articles.Select(a => H($"<li><a href=\"/articles/{Uri.EscapeDataString(a.Id)}\">{a.Title ?? a.Id}</a> <small>{a.Outlet} {a.Published?.ToString("yyyy-MM-dd")}</small></li>")))}</ul>"))}</section>
                </div>
                """);
        });
        return Layout.Page(ctx, "Plenary", body);
    }

    private static IResult SearchPage(HttpContext ctx, RegistryService r, string? q, string? offset)
    {
        if (string.IsNullOrWhiteSpace(q)) return Layout.Page(ctx, "Search", H($"""<h1>Search</h1><p>Type a name or some words in the box above.</p>"""));
        var page = Paging.From(offset, "30");
        var (hits, total) = r.Read(s => Search.Run(s, q, page.Offset, page.Limit));
        var items = Join(hits.Select(h =>
        {
            var href = h.Kind switch
            {
                "organization" => $"/orgs/{h.Id}",
                "state" => $"/states/{h.Id}",
                "person" => $"/persons/{h.Id}",
                _ => $"/articles/{Uri.EscapeDataString(h.Id)}",
            };
            var title = h.Title.Length > 0 ? h.Title : h.Id;
            return H($"""<li class="hit"><span class="kind">{h.Kind}</span> <a href="{href}">{title}</a><p class="snippet">{Snippet(h.Snippet)}</p></li>""");
        }));
        var next = page.End < total ? H($"""<p><a href="/search?q={Uri.EscapeDataString(q)}&amp;offset={page.End}">More results</a></p>""") : Empty;
        return Layout.Page(ctx, $"Search: {q}", H($"""
            <h1>Search: {q}</h1>
            <p>{total} {(total == 1 ? "result" : "results")}, best first.</p>
            <ol class="hits">{items}</ol>{next}
            """));
    }

    /// <summary>A search snippet: the text encoded, the matches (between FTS5's markers) in &lt;mark&gt;.</summary>
    private static Html Snippet(string snippet)
    {
        var sb = new StringBuilder();
        bool open = false;
        foreach (var part in snippet.Split(Search.MarkStart, Search.MarkEnd))
        {
            sb.Append(Text(part).Value);
            sb.Append(open ? "</mark>" : "<mark>");
            open = !open;
        }
        // The loop adds one tag too many at the end: drop it.
        var s = sb.ToString();
        s = open ? s[..^"<mark>".Length] : s[..^"</mark>".Length];
        return Trusted(s);
    }

    private static IResult Orgs(HttpContext ctx, RegistryService r) => Layout.Page(ctx, "Organizations", Cached(r, "orgs", s =>
    {
        var rows = Join(s.Catalog.Organizations.Select(o => H($"""<tr><td><a href="/orgs/{o.Id}">{o.Name}</a></td><td>{string.Join(", ", o.Acronyms)}</td><td>{o.Founded?.ToString()}</td><td>{o.Dissolved?.ToString()}</td><td>{o.Headquarters}</td></tr>""")));
        return H($"""<h1>Organizations</h1><table><thead><tr><th scope="col">Name</th><th scope="col">Acronyms</th><th scope="col">Founded</th><th scope="col">Dissolved</th><th scope="col">Headquarters</th></tr></thead><tbody>{rows}</tbody></table>""");
    }));

    private static IResult OrgPage(HttpContext ctx, RegistryService r, string id, string? on)
    {
        var day = Inputs.Day(on, "on");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        string? name = null;
        var body = Cached(r, $"org|{id}|{day:yyyy-MM-dd}", s =>
        {
            var org = Inputs.PathOrg(s.Catalog, id);
            var c = s.Catalog;
            var q = new RegistryQueries(s);
            var members = q.Members(org.Id, day);
            var histories = q.Histories(org.Id);
            var rows = histories.Select(h => new TimelineRow(h.State.Value, c.StateName(h.State), $"/states/{h.State}", q.Periods(h.History, org.Id, null),
                p => $"/status?state={h.State}&org={org.Id}&on={Charts.Day(p.From.Start)}")).ToList();
            var timeline = Charts.Timeline("timeline", $"Standing of each state in the {org.Name} over time; today is marked with a line.", rows, today);
            var attendance = q.Attendance(org.Id);
            var matrixStates = attendance.Meetings.SelectMany(m => m.Attendance.Keys)
                .Concat(members.Members.Select(m => m.State)).Distinct().Order()
                .Select(st => (st.Value, c.StateName(st))).ToList();
            var matrix = Charts.AttendanceMatrix(attendance.Meetings.Reverse().ToList(), matrixStates);
            var chairs = q.Chairs(org.Id);
            var chairRows = Join(chairs.GroupBy(ch => ch.From?.Year).OrderByDescending(g => g.Key).Select(g => H($"""
                <tr><th scope="row">{g.Key?.ToString() ?? "undated"}</th><td>{Join(g.Select(ch => H($"""<div>{(ch.Body is { } b ? org.FindBody(b)?.Name ?? b.ToString() : org.Name)}: <a href="/states/{ch.State}">{c.StateName(ch.State)}</a>{If(ch.Person is not null, H($" — {ch.Person}"))} <small>({WireName.Of(ch.Scope)}{(ch.From is { } f ? $", from {f}" : "")}{(ch.Until is { } u ? $" until {u}" : "")})</small></div>""")))}</td></tr>
                """)));
            var bodies = Join(org.Bodies.Select(b => H($"""<li><strong>{b.Name}</strong> <code>{b.Id}</code>{If(b.Level is not null, H($" — {b.Level}"))}</li>""")));
            var memberRows = Join(members.Members.Concat(members.Others).Select(m => H($"""
                <tr><td><a href="/states/{m.State}">{m.Name}</a></td><td>{Standing(m.Standing)}</td><td>{m.Since?.ToString() ?? ""}{If(!m.Certain, H($" <small>(uncertain)</small>"))}</td><td><a href="/status?state={m.State}&amp;org={org.Id}&amp;on={Charts.Day(day)}">who says so</a></td></tr>
                """)));
            var ending = OrganizationStanding.Ending(org, c);
            var memberNote = members.Ended is not null ? H($"""<p class="ended">No members on {Charts.Day(day)}: {ending}.</p>""")
                : !members.Complete ? H($"""<p class="nodata">The registry's member list is not complete on {Charts.Day(day)} (no data): a state not listed may be a member it knows nothing about.</p>""")
                : Empty;
            var coverage = org.Coverage.Count == 0 ? H($"""<p class="nodata">Coverage: none — the registry has no complete member list of the {org.Name}; where no claim speaks, the standing is unknown (no data).</p>""")
                : H($"""<p class="coverage">Complete member list: {string.Join("; ", org.Coverage.Select(cv => $"{cv.Period} ({c.FindSource(cv.SourceId)?.Title ?? cv.SourceId})"))}.</p>""");
            var handover = ending is null ? Empty : H($"""<p class="handover">Handover: {ending}{Join(org.Successors.Select(sc => H($""" → <a href="/orgs/{sc}">{c.OrganizationName(sc)}</a>""")))}.{If(org.EndNote is not null, H($" <small>{org.EndNote}</small>"))}</p>""");
            var links = Join(org.Predecessors.Select(p => H($"""<a href="/orgs/{p}">{c.OrganizationName(p)}</a> """)));
            var succ = Join(org.Successors.Select(p => H($"""<a href="/orgs/{p}">{c.OrganizationName(p)}</a> """)));
            return H($"""
                <h1>{org.Name} {If(org.Acronyms.Count > 0, H($"<small>{string.Join(", ", org.Acronyms)}</small>"))}</h1>
                <p class="facts">Founded {org.Founded?.ToString() ?? "?"}{If(org.Dissolved is not null, H($", dissolved {org.Dissolved}"))} · headquarters {org.Headquarters ?? "?"}{If(org.Predecessors.Count > 0, H($" · predecessors {links}"))}{If(org.Successors.Count > 0, H($" · successors {succ}"))} · <a href="/api/v1/organizations/{org.Id}">JSON</a></p>
                {handover}{coverage}
                <section><h2>Membership over time</h2>{timeline}</section>
                <section><h2>Members on {Charts.Day(day)}</h2>{Fragments.DayForm($"/orgs/{org.Id}", day)}{memberNote}
                <table class="members"><thead><tr><th scope="col">State</th><th scope="col">Standing</th><th scope="col">Since</th><th scope="col">Sources</th></tr></thead><tbody>{memberRows}</tbody></table></section>
                <section><h2>Attendance</h2>{matrix}</section>
                <section><h2>Chairs by year</h2>{(chairs.Count == 0 ? H($"<p class=\"empty\">None recorded.</p>") : H($"<table class=\"chairs\"><tbody>{chairRows}</tbody></table>"))}</section>
                <section><h2>Bodies</h2>{(org.Bodies.Count == 0 ? H($"<p class=\"empty\">None recorded.</p>") : H($"<ul>{bodies}</ul>"))}</section>
                """);
        });
        name = r.Read(s => s.Catalog.ResolveOrganization(id).Id is { } o ? s.Catalog.OrganizationName(o) : id);
        return Layout.Page(ctx, name, body);
    }

    private static IResult States(HttpContext ctx, RegistryService r) => Layout.Page(ctx, "States", Cached(r, "states", s =>
    {
        var rows = Join(s.Catalog.States.Select(st => H($"""<tr><td><a href="/states/{st.Id}">{st.Name}</a></td><td><code>{st.Id}</code></td><td>{st.CowCode?.ToString() ?? ""}</td><td>{st.Capital}</td><td>{st.Until?.ToString()}</td></tr>""")));
        return H($"""<h1>States</h1><table><thead><tr><th scope="col">Name</th><th scope="col">Id</th><th scope="col">COW</th><th scope="col">Capital</th><th scope="col">Until</th></tr></thead><tbody>{rows}</tbody></table>""");
    }));

    private static IResult StatePage(HttpContext ctx, RegistryService r, string id, string? on)
    {
        var day = Inputs.Day(on, "on");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var (title, body) = r.Read(s =>
        {
            var state = Inputs.PathState(s.Catalog, id);
            var c = s.Catalog;
            var q = new RegistryQueries(s);
            var memberships = q.Memberships(state.Id);
            var rows = memberships.Select(m => new TimelineRow(m.Org.Value, c.OrganizationName(m.Org), $"/orgs/{m.Org}", q.Periods(m.History, m.Org, null),
                p => $"/status?state={state.Id}&org={m.Org}&on={Charts.Day(p.From.Start)}")).ToList();
            var chart = Charts.Timeline("memberships", $"{state.Name}'s standing in each organization over time.", rows, today);
            var handovers = Join(memberships.Select(m => c.FindOrganization(m.Org)).OfType<Organization>().Where(o => o.EndedOn() is not null && o.Successors.Count > 0)
                .Select(o => H($"""<li><a href="/orgs/{o.Id}">{o.Name}</a> → {Join(o.Successors.Select(sc => H($"""<a href="/orgs/{sc}">{c.OrganizationName(sc)}</a> """)))}on {o.EndedOn()}: {OrganizationStanding.Ending(o, c)}</li>""")));
            var current = Join(q.StandingsOf(state.Id, day).Where(m => m.Day.Standing != Core.Claims.Standing.NotMember).Select(m => H($"""
                <tr><td><a href="/orgs/{m.Org}">{c.OrganizationName(m.Org)}</a></td><td>{Standing(m.Day.Standing)}</td><td>{m.Day.Since?.ToString() ?? ""}</td><td><a href="/status?state={state.Id}&amp;org={m.Org}&amp;on={Charts.Day(day)}">who says so</a></td></tr>
                """)));
            var persons = Join(c.Persons.Where(p => p.State == state.Id).Select(p => H($"""<li><a href="/persons/{p.Id}">{p.Name}</a></li>""")));
            return (state.Name, H($"""
                <h1>{state.Name} <small><code>{state.Id}</code></small></h1>
                <p class="facts">{state.OfficialName ?? state.Name}{If(state.Capital is not null, H($" · capital {state.Capital}"))}{If(state.CowCode is not null, H($" · COW {state.CowCode}"))}{If(state.Until is not null, H($" · until {state.Until}"))} · <a href="/api/v1/states/{state.Id}">JSON</a></p>
                <section><h2>Memberships over time</h2>{chart}{If(handovers.Value.Length > 0, H($"<h3>Handovers</h3><ul class=\"handovers\">{handovers}</ul>"))}</section>
                <section><h2>Standings on {Charts.Day(day)}</h2>{Fragments.DayForm($"/states/{state.Id}", day)}
                <table><thead><tr><th scope="col">Organization</th><th scope="col">Standing</th><th scope="col">Since</th><th scope="col">Sources</th></tr></thead><tbody>{current}</tbody></table></section>
                {If(persons.Value.Length > 0, H($"<section><h2>Persons</h2><ul>{persons}</ul></section>"))}
                """));
        });
        return Layout.Page(ctx, title, body);
    }

    private static IResult StatusPage(HttpContext ctx, RegistryService r, string? state, string? org, string? on, string? known_at)
    {
        var day = Inputs.Day(on, "on");
        var known = Inputs.Time(known_at, "known_at");
        var (title, body) = r.Read(s =>
        {
            var c = s.Catalog;
            var st = Inputs.State(c, state, "state");
            var o = Inputs.Org(c, org, "org");
            var report = new RegistryQueries(s).Status(st, o, day, known);
            var why = OrganizationStanding.Explain(report.Basis, c.FindOrganization(o), c, day);
            var conflicts = Join(report.Conflicts.Select(x => H($"""<li>{x.Reason}</li>""")));
            var title = $"{c.StateName(st)} in the {c.OrganizationName(o)} on {Charts.Day(day)}";
            return (title, H($"""
                <h1><a href="/states/{st}">{c.StateName(st)}</a> in the <a href="/orgs/{o}">{c.OrganizationName(o)}</a></h1>
                {Fragments.DayForm("/status", day, ("state", st.Value), ("org", o.Value))}
                <p class="status" data-standing="{WireName.Of(report.Standing)}" data-basis="{WireName.Of(report.Basis)}">On {Charts.Day(day)}: {Standing(report.Standing)}{If(report.Since is not null && report.Basis == StandingBasis.Claims, H($" since {report.Since}{(report.SinceAsserted ? " (at the latest)" : "")}"))}{If(why is not null, H($" — {why}"))}{If(!report.Certain && report.Basis != StandingBasis.NoData, H($" <small>(uncertain: the change's date is imprecise)</small>"))}</p>
                <p>De jure member: <strong>{(report.DeJureMember ? "yes" : "no")}</strong> · participating: <strong>{(report.Participating ? "yes" : "no")}</strong>{If(known is not null, H($" · as the registry knew it at {known:yyyy-MM-dd HH:mm} UTC"))}</p>
                <section><h2>Who says so</h2>{ClaimTable(report.Claims)}</section>
                {If(report.Conflicts.Count > 0, H($"<section><h2>Conflicting sources</h2><ul>{conflicts}</ul></section>"))}
                <p><a href="/api/v1/status?state={st}&amp;org={o}&amp;on={Charts.Day(day)}">JSON</a></p>
                """));
        });
        return Layout.Page(ctx, title, body);
    }

    private static IResult MeetingPage(HttpContext ctx, RegistryService r, string id)
    {
        var (title, body) = r.Read(s =>
        {
            var c = s.Catalog;
            var q = new RegistryQueries(s);
            var m = q.Meetings(null).FirstOrDefault(x => x.Id == id) ?? throw new NotFoundException($"no meeting '{id}'");
            var v = q.View(m);
            var org = c.FindOrganization(v.Org);
            var rows = Join(v.Attendance.Select(kv => H($"""<tr><td><a href="/states/{kv.Key}">{c.StateName(kv.Key)}</a></td><td class="att att-{WireName.Of(kv.Value)}">{Charts.AttendanceMarks[kv.Value].Words}</td><td>{m.Attendance[kv.Key].Person ?? ""}</td></tr>""")));
            var bodies = string.Join(", ", v.Bodies.Select(b => org?.FindBody(b)?.Name ?? b.ToString()));
            var title = $"{c.OrganizationName(v.Org)} meeting {v.Date?.ToString() ?? ""} {v.Place ?? ""}".Trim();
            return (title, H($"""
                <h1>{title}</h1>
                <p class="facts"><a href="/orgs/{v.Org}">{c.OrganizationName(v.Org)}</a>{If(bodies.Length > 0, H($" · {bodies}"))} · {WireName.Of(v.Status)}{If(v.Place is not null, H($" · {v.Place}"))}{If(v.Country is not null, H($", {c.StateName(v.Country!.Value)}"))}{If(v.EndDate is not null, H($" · until {v.EndDate}"))}</p>
                <section><h2>Attendance</h2>{(v.Attendance.Count == 0 ? H($"<p class=\"empty\">Not recorded.</p>") : H($"<table><thead><tr><th scope=\"col\">State</th><th scope=\"col\">Attendance</th><th scope=\"col\">Person</th></tr></thead><tbody>{rows}</tbody></table>"))}</section>
                <section><h2>Sources</h2>{ClaimTable(v.Claims)}</section>
                """));
        });
        return Layout.Page(ctx, title, body);
    }

    private static IResult Persons(HttpContext ctx, RegistryService r) => Layout.Page(ctx, "Persons", Cached(r, "persons", s =>
    {
        var rows = Join(s.Catalog.Persons.Select(p => H($"""<tr><td><a href="/persons/{p.Id}">{p.Name}</a></td><td>{(p.State is { } st ? s.Catalog.StateName(st) : "")}</td><td>{string.Join("; ", p.Offices.Select(o => o.Role))}</td></tr>""")));
        return H($"""<h1>Persons</h1><table><thead><tr><th scope="col">Name</th><th scope="col">State</th><th scope="col">Offices</th></tr></thead><tbody>{rows}</tbody></table>""");
    }));

    private static IResult PersonPage(HttpContext ctx, RegistryService r, string id)
    {
        var (title, body) = r.Read(s =>
        {
            var c = s.Catalog;
            var p = Inputs.PathPerson(c, id);
            var offices = Join(p.Offices.Select(o => H($"""<tr><td>{o.Role}</td><td>{(o.Org is { } org ? c.OrganizationName(org) : o.State is { } st ? c.StateName(st) : "")}</td><td>{o.Term.From?.ToString() ?? "?"}</td><td>{o.Term.To?.ToString() ?? "—"}</td></tr>""")));
            var statements = Reads.Statements(s, p, null);
            var quotes = Join(statements.Select(st => H($"""
                <blockquote class="statement" id="claim-{st.Id}"><p>{((StatementFact)st.Fact).Quote}</p>
                <footer>{((StatementFact)st.Fact).Date?.ToString() ?? ""} · {Source(st)}</footer></blockquote>
                """)));
            return (p.Name, H($"""
                <h1>{p.Name}</h1>
                <p class="facts">{(p.State is { } ps ? H($"<a href=\"/states/{ps}\">{c.StateName(ps)}</a>") : Empty)}{If(p.Aliases.Count > 0, H($" · also {string.Join(", ", p.Aliases)}"))}</p>
                <section><h2>Offices</h2>{(p.Offices.Count == 0 ? H($"<p class=\"empty\">None recorded.</p>") : H($"<table><thead><tr><th scope=\"col\">Role</th><th scope=\"col\">Of</th><th scope=\"col\">From</th><th scope=\"col\">Until</th></tr></thead><tbody>{offices}</tbody></table>"))}</section>
                <section><h2>Statements</h2>{(statements.Count == 0 ? H($"<p class=\"empty\">No accepted statements.</p>") : quotes)}</section>
                """));
        });
        return Layout.Page(ctx, title, body);
    }

    private static IResult Articles(HttpContext ctx, RegistryService r, string? offset)
    {
        var page = Paging.From(offset, "50");
        var (items, total) = r.Read(s =>
        {
            var all = s.Articles();
            return (page.Slice(all), all.Count);
        });
        var rows = Join(items.Select(a => H($"""<tr><td><a href="/articles/{Uri.EscapeDataString(a.Id)}">{a.Title ?? a.Id}</a></td><td>{a.Outlet}</td><td>{a.Published?.ToString("yyyy-MM-dd")}</td><td>{a.Text.Length}</td></tr>""")));
        var next = page.End < total ? H($"""<p><a href="/articles?offset={page.End}">More</a></p>""") : Empty;
        return Layout.Page(ctx, "Articles", H($"""
            <h1>Articles</h1>
            {If(Layout.IsEditor(ctx), H($"<p><a class=\"button\" href=\"/ingest\">Ingest an article</a></p>"))}
            {(total == 0 ? H($"<p class=\"empty\">No articles yet.</p>") : H($"<table><thead><tr><th scope=\"col\">Article</th><th scope=\"col\">Outlet</th><th scope=\"col\">Published</th><th scope=\"col\">Characters</th></tr></thead><tbody>{rows}</tbody></table>"))}
            {next}
            """));
    }
}
