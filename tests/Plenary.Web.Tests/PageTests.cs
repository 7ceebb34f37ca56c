using System.Net;
using System.Text.RegularExpressions;
using Plenary.Core.Articles;
using Plenary.Core.Claims;
using Plenary.Store;
using Plenary.Store.Accounts;

namespace Plenary.Web.Tests;

/// <summary>The server-rendered pages over HTTP: they render, refuse what they must, and forms need their antiforgery token.</summary>
public sealed class PageTests
{
    private static readonly string SeedText = TestServer.SeedText;

    private static HttpClient Browser(TestServer s, CookieContainer? jar = null) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = jar ?? new CookieContainer(), UseCookies = true }) { BaseAddress = s.BaseAddress };

    private static async Task<string> Token(HttpClient c, string url)
    {
        var html = await c.GetStringAsync(url);
        return Regex.Match(html, "name=\"__af\" value=\"([^\"]+)\"").Groups[1].Value;
    }

    private static async Task<HttpResponseMessage> SignIn(HttpClient c, string name, string password) =>
        await c.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__af"] = await Token(c, "/signin"), ["name"] = name, ["password"] = password, ["returnUrl"] = "/review",
        }));

    [Theory]
    [InlineData("/")]
    [InlineData("/orgs")]
    [InlineData("/orgs/csto")]
    [InlineData("/orgs/CSTO?on=2020-01-01")]
    [InlineData("/states")]
    [InlineData("/states/ARM")]
    [InlineData("/states/Armenia")]
    [InlineData("/status?state=ARM&org=csto&on=2024-11-28")]
    [InlineData("/persons")]
    [InlineData("/persons/yuri-ushakov")]
    [InlineData("/articles")]
    [InlineData("/meetings/csto-2024-11-28-astana")]
    [InlineData("/search?q=csto")]
    [InlineData("/search")]
    [InlineData("/signin")]
    public async Task Public_pages_render(string url)
    {
        await using var s = await TestServer.StartAsync();
        var r = await s.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal("text/html", r.Content.Headers.ContentType?.MediaType);
        Assert.Contains("script-src 'self'", r.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", r.Headers.GetValues("X-Content-Type-Options").Single());
        var html = await r.Content.ReadAsStringAsync();
        Assert.StartsWith("<!doctype html>", html);
        Assert.Contains("<main id=\"main\">", html);
    }

    [Fact]
    public async Task Missing_and_malformed_are_404_and_400_pages()
    {
        await using var s = await TestServer.StartAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await s.Client.GetAsync("/orgs/nope")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await s.Client.GetAsync("/states/XYZ")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await s.Client.GetAsync("/articles/none")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await s.Client.GetAsync("/no/such/page")).StatusCode);
        var bad = await s.Client.GetAsync("/status?state=ARM&org=csto&on=tomorrow");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("on: &#x27;tomorrow&#x27;", await bad.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_year_or_a_month_on_the_state_and_organization_pages_is_the_standing_during_it()
    {
        await using var s = await TestServer.StartAsync();
        async Task Shows(string url, params string[] parts)
        {
            var html = await s.Client.GetStringAsync(url);
            Assert.All(parts, part => Assert.Contains(part, html));
        }
        await Shows("/states/ARM?on=2024", "Standings during <span class=\"nowrap\">2024</span>", "<td class=\"during\">part of the year (from 2024-02)</td>",
            "the whole year (since", "/status?state=ARM&amp;org=csto&amp;on=2024-02-01" /* who says so: the part's first day in the year */, "name=\"on\" value=\"2024\"");
        await Shows("/states/ARM?on=2024-03", "Standings during <span class=\"nowrap\">2024-03</span>", "the whole month (since 2024-02)");
        await Shows("/orgs/csto?on=2024", "Members during <span class=\"nowrap\">2024</span>", "part of the year (from 2024-02)", "the whole year (since");
        await Shows("/states/ARM?on=2024-11-28", "Standings on <span class=\"nowrap\">2024-11-28</span>");   // a day is still a day
        Assert.Equal(HttpStatusCode.BadRequest, (await s.Client.GetAsync("/orgs/csto?on=2024-13")).StatusCode);
    }

    [Fact]
    public async Task The_organization_page_has_the_timeline_chart_and_the_attendance_matrix()
    {
        await using var s = await TestServer.StartAsync();
        var html = await s.Client.GetStringAsync("/orgs/csto?on=2024-11-28");
        Assert.Matches("<rect class=\"band st-participation-frozen[^\"]*\"[^>]*data-row=\"ARM\"", html);
        Assert.Contains("<table class=\"matrix\">", html);
        Assert.Contains("Armenia: absent", html);
        Assert.Contains("Chairs by year", html);
        Assert.Contains("Council of Foreign Ministers", html);
    }

    [Fact]
    public async Task Editor_pages_send_anonymous_visitors_to_sign_in()
    {
        await using var s = await TestServer.StartAsync();
        foreach (var url in new[] { "/review", "/ingest", "/audit" })
        {
            var r = await s.Client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
            Assert.StartsWith("/signin", r.Headers.Location!.OriginalString.Replace(s.BaseAddress.ToString().TrimEnd('/'), ""));
        }
    }

    [Fact]
    public async Task Sign_in_sets_a_strict_httponly_cookie_and_a_wrong_password_does_not()
    {
        await using var s = await TestServer.StartAsync();
        s.AddUser("edna", AccountRole.Editor, "correct horse battery");
        using var c = Browser(s);
        var wrong = await SignIn(c, "edna", "nope nope nope");
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        var ok = await SignIn(c, "edna", "correct horse battery");
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Equal("/review", ok.Headers.Location!.OriginalString);
        var cookie = ok.Headers.GetValues("Set-Cookie").Single(h => h.StartsWith("plenary.auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await c.GetAsync("/review")).StatusCode);
    }

    [Fact]
    public async Task Forms_without_their_antiforgery_token_are_refused()
    {
        await using var s = await TestServer.StartAsync();
        s.AddUser("edna", AccountRole.Editor, "correct horse battery");
        var ids = s.AddProposed(new Article("seed", SeedText, new DateOnly(2024, 11, 27)));
        using var c = Browser(s);
        var noToken = await c.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = "edna", ["password"] = "correct horse battery" }));
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        await SignIn(c, "edna", "correct horse battery");
        var forged = await c.PostAsync($"/review/{ids[0]}/accept", new FormUrlEncodedContent(new Dictionary<string, string> { ["__af"] = "forged" }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(ReviewState.Proposed, s.Registry.Read(st => st.FindClaim(ids[0])!.Review));
    }

    [Fact]
    public async Task The_review_queue_says_what_accepting_would_change_and_accepts_confirmations_in_one_action()
    {
        await using var s = await TestServer.StartAsync();
        s.AddUser("edna", AccountRole.Editor, "correct horse battery");
        var first = s.AddProposed(new Article("first-report", SeedText, new DateOnly(2024, 11, 27)));
        s.Registry.Write(st => { new Plenary.Editorial.Desk(st).Accept(first.ToList(), "edna"); return 0; });
        // A second outlet reports the same: its claims only confirm what is accepted.
        var second = s.AddProposed(new Article("second-report", "Reported again by a second outlet.\n\n" + SeedText, new DateOnly(2024, 11, 27)));

        using var c = Browser(s);
        await SignIn(c, "edna", "correct horse battery");
        var page = await c.GetStringAsync("/review");
        Assert.Contains("By what accepting would change", page);
        Assert.Contains("data-change=\"confirmation\"", page);
        Assert.Contains("— confirms an accepted fact", page);
        var confirmations = Regex.Match(page, "Accept all (\\d+) confirmations");
        Assert.True(confirmations.Success, "the page offers to accept the confirmations");
        var n = int.Parse(confirmations.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(n, 1, second.Count);

        var post = await c.PostAsync("/review/accept-confirmations", new FormUrlEncodedContent(new Dictionary<string, string> { ["__af"] = await Token(c, "/review") }));
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Equal(n, s.Registry.Read(st => second.Count(id => st.FindClaim(id)!.Review == ReviewState.Accepted)));
        Assert.DoesNotContain("confirmations</button>", await c.GetStringAsync("/review"));
    }

    [Fact]
    public async Task An_editor_reviews_and_ingests_through_the_forms_and_a_reader_may_not()
    {
        await using var s = await TestServer.StartAsync();
        s.AddUser("edna", AccountRole.Editor, "correct horse battery");
        s.AddUser("rita", AccountRole.Reader, "just reading here");
        var ids = s.AddProposed(new Article("seed", SeedText, new DateOnly(2024, 11, 27)));

        using var reader = Browser(s);
        await SignIn(reader, "rita", "just reading here");
        var denied = await reader.GetAsync("/review");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Contains("/denied", denied.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.GetAsync("/denied")).StatusCode);

        using var c = Browser(s);
        await SignIn(c, "edna", "correct horse battery");
        var token = await Token(c, "/review");
        var accept = await c.PostAsync($"/review/{ids[0]}/accept", new FormUrlEncodedContent(new Dictionary<string, string> { ["__af"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, accept.StatusCode);
        Assert.Equal(ReviewState.Accepted, s.Registry.Read(st => st.FindClaim(ids[0])!.Review));
        var again = await c.PostAsync($"/review/{ids[0]}/accept", new FormUrlEncodedContent(new Dictionary<string, string> { ["__af"] = token }));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var reject = await c.PostAsync($"/review/{ids[1]}/reject", new FormUrlEncodedContent(new Dictionary<string, string> { ["__af"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, reject.StatusCode);
        Assert.Equal(ReviewState.Rejected, s.Registry.Read(st => st.FindClaim(ids[1])!.Review));

        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__af" },
            { new StringContent("2024-12-02"), "published" },
            { new ByteArrayContent("Armenia’s Foreign Ministry said on Monday that Armenia will not attend the CSTO summit in Minsk."u8.ToArray()), "file", "note.txt" },
        };
        var ingest = await c.PostAsync("/ingest", form);
        Assert.Equal(HttpStatusCode.Redirect, ingest.StatusCode);
        Assert.Equal(2, s.Registry.Read(st => st.Articles().Count));
        var audit = s.Registry.Read(st => st.AuditLog(20));
        Assert.Contains(audit, e => e.Actor == "edna" && e.Action == "accept");
        Assert.Contains(audit, e => e.Actor == "edna" && e.Action == "ingest");
    }

    [Fact]
    public async Task A_name_not_found_links_the_closest_names()
    {
        await using var s = await TestServer.StartAsync();
        var r = await s.Client.GetAsync("/orgs/cstoo");
        Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        Assert.True(r.Headers.CacheControl?.NoStore, "a page is never stored");
        Assert.Contains("<a href=\"/orgs/csto\">", await r.Content.ReadAsStringAsync());
        var state = await s.Client.GetAsync("/status?state=Armenai&org=csto");
        Assert.Equal(HttpStatusCode.BadRequest, state.StatusCode);
        Assert.Contains("<a href=\"/states/ARM\">", await state.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Search_says_no_results_plainly_and_describes_an_organization_in_words()
    {
        await using var s = await TestServer.StartAsync();
        var none = await s.Client.GetStringAsync("/search?q=qqqzzzxxx");
        Assert.Contains("0 results.", none);
        Assert.DoesNotContain("best first", none);
        var csto = await s.Client.GetStringAsync("/search?q=csto");
        var hit = Regex.Match(csto, "<a href=\"/orgs/csto\">[^<]*</a>\\s*<p class=\"snippet\">([^<]*)</p>").Groups[1].Value;
        Assert.Contains("headquarters Moscow", hit);
    }

    [Fact]
    public async Task The_reader_rule_behind_a_claim_is_shown_to_editors_only_and_folded_away()
    {
        await using var s = await TestServer.StartAsync();
        s.AddUser("edna", AccountRole.Editor, "correct horse battery");
        s.AddProposed(new Article("seed", SeedText, new DateOnly(2024, 11, 27)));
        var anonymous = await s.Client.GetStringAsync("/articles/seed");
        Assert.DoesNotContain("rule ", Regex.Replace(anonymous, "<[^>]+>", " "));
        using var c = Browser(s);
        await SignIn(c, "edna", "correct horse battery");
        var editor = await c.GetStringAsync("/articles/seed");
        Assert.Matches("<details class=\"rule\"><summary>Why proposed</summary><code>rule [^<]+</code></details>", editor);
    }

    [Fact]
    public async Task An_editor_corrects_a_claim_with_the_facts_fields()
    {
        await using var s = await TestServer.StartAsync();
        s.AddUser("edna", AccountRole.Editor, "correct horse battery");
        var ids = s.AddProposed(new Article("seed", SeedText, new DateOnly(2024, 11, 27)));
        var frozen = ids.First(id => s.Registry.Read(st => st.FindClaim(id)!.Fact) is MembershipFact { Status: Standing.ParticipationFrozen });
        using var c = Browser(s);
        await SignIn(c, "edna", "correct horse battery");
        var review = await c.GetStringAsync("/review");
        Assert.Matches($"<select id=\"{frozen}-status\" name=\"f.status\">.*<option value=\"participation-frozen\" selected>", review);
        var token = Regex.Match(review, "name=\"__af\" value=\"([^\"]+)\"").Groups[1].Value;

        var unchanged = await c.PostAsync($"/review/{frozen}/correct", new FormUrlEncodedContent(new Dictionary<string, string> { ["__af"] = token, ["f.status"] = "participation-frozen", ["f.state"] = "ARM" }));
        Assert.Equal(HttpStatusCode.BadRequest, unchanged.StatusCode);
        Assert.Contains("changes no field", await unchanged.Content.ReadAsStringAsync());

        var corrected = await c.PostAsync($"/review/{frozen}/correct", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__af"] = token, ["f.status"] = "suspended", ["f.state"] = "ARM", ["f.date"] = "2024-02", ["note"] = "the text says suspended",
        }));
        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);
        Assert.Equal(ReviewState.Rejected, s.Registry.Read(st => st.FindClaim(frozen)!.Review));
        var fix = s.Registry.Read(st => st.Claims(new Plenary.Store.ClaimFilter { SourceId = "seed" }).Single(x => x.Corrects == frozen));
        var fact = Assert.IsType<MembershipFact>(fix.Fact);
        Assert.Equal(Standing.Suspended, fact.Status);
        Assert.Equal("2024-02", fact.Date?.ToString());
        Assert.Equal("the text says suspended", fix.Note);
    }
}
