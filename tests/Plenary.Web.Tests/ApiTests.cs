using System.Net;
using System.Reflection;
using System.Text.Json;
using Plenary.Core.Articles;
using Plenary.Core.Claims;
using Plenary.Store.Accounts;
using Plenary.Tests;

namespace Plenary.Web.Tests;

/// <summary>
/// Every API endpoint through the real server, each test on a registry of its own, on both engines: a SQLite file and a
/// PostgreSQL database (a case skips, saying so, when <c>$PLENARY_TEST_POSTGRES</c> names no server).
/// </summary>
public sealed class ApiTests
{
    private static readonly string SeedText = TestServer.SeedText;

    private static async Task<JsonElement> Json(HttpResponseMessage r, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == expected, $"expected {expected}, got {r.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static async Task Problem(HttpResponseMessage r, HttpStatusCode expected)
    {
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == expected, $"expected {expected}, got {r.StatusCode}: {body}");
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        var p = JsonDocument.Parse(body).RootElement;
        Assert.Equal((int)expected, p.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(p.GetProperty("title").GetString()));
    }

    [SkippableTheory]
    [MemberData(nameof(TestEngines.Both), MemberType = typeof(TestEngines))]
    public async Task Status_answers_in_the_CLI_shape_with_the_frozen_standing(string engine)
    {
        await using var s = await TestServer.StartAsync(engine: engine);
        var j = await Json(await s.Client.GetAsync("/api/v1/status?state=ARM&org=csto&on=2024-11-28"));
        Assert.Equal("ARM", j.GetProperty("state").GetString());
        Assert.Equal("csto", j.GetProperty("org").GetString());
        Assert.Equal("2024-11-28", j.GetProperty("on").GetString());
        Assert.Equal("participation-frozen", j.GetProperty("standing").GetString());
        Assert.Equal("2024-02", j.GetProperty("since").GetString());
        Assert.True(j.GetProperty("de_jure_member").GetBoolean());
        Assert.False(j.GetProperty("participating").GetBoolean());
        Assert.Equal(JsonValueKind.Array, j.GetProperty("claims").ValueKind);
        Assert.Equal(JsonValueKind.Null, j.GetProperty("known_at").ValueKind);
        // Names resolve like the CLI's: "Armenia" and "CSTO" are the same question.
        var byName = await Json(await s.Client.GetAsync("/api/v1/status?state=Armenia&org=CSTO&on=2023-01-01"));
        Assert.Equal("member", byName.GetProperty("standing").GetString());
    }

    [SkippableTheory]
    [OnBothEngines("/api/v1/status?org=csto")]                             // state missing
    [OnBothEngines("/api/v1/attendance?org=csto&from=2024-11")]            // a month, where a day is asked
    [OnBothEngines("/api/v1/states/ARM?on=2024-13")]                       // no such month
    [OnBothEngines("/api/v1/status?state=Armenai&org=csto")]               // unknown name (with a hint)
    [OnBothEngines("/api/v1/status?state=ARM&org=csto&known_at=yesterday")]
    [OnBothEngines("/api/v1/organizations?limit=0")]
    [OnBothEngines("/api/v1/organizations?offset=-1")]
    [OnBothEngines("/api/v1/claims?type=rumour")]
    [OnBothEngines("/api/v1/search")]
    [OnBothEngines("/api/v1/attendance?org=csto&from=2024-13-01")]
    public async Task Bad_input_is_a_400_problem(string url, string engine)
    {
        await using var s = await TestServer.StartAsync(engine: engine);
        await Problem(await s.Client.GetAsync(url), HttpStatusCode.BadRequest);
    }

    [SkippableTheory]
    [OnBothEngines("/api/v1/organizations")]
    [OnBothEngines("/api/v1/claims")]
    [OnBothEngines("/api/v1/articles")]
    [OnBothEngines("/api/v1/search?q=armenia")]
    public async Task A_huge_offset_is_an_empty_last_page(string url, string engine)
    {
        await using var s = await TestServer.StartAsync(engine: engine);
        var r = await s.Client.GetAsync(url + (url.Contains('?') ? "&" : "?") + "offset=2147483647&limit=500");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var page = (await Json(r)).GetProperty("page");
        Assert.Equal(JsonValueKind.Null, page.GetProperty("next_offset").ValueKind);
    }

    [SkippableTheory]
    [MemberData(nameof(TestEngines.Both), MemberType = typeof(TestEngines))]
    public async Task Unknown_state_names_its_closest_match(string engine)
    {
        await using var s = await TestServer.StartAsync(engine: engine);
        var r = await s.Client.GetAsync("/api/v1/status?state=Armenai&org=csto");
        Assert.Contains("Armenia", await r.Content.ReadAsStringAsync());
    }

    [SkippableTheory]
    [OnBothEngines("/api/v1/states/XYZ")]
    [OnBothEngines("/api/v1/organizations/nope")]
    [OnBothEngines("/api/v1/persons/nobody-here")]
    [OnBothEngines("/api/v1/articles/no-such-article")]
    [OnBothEngines("/api/v1/claims/c0000000000000000")]
    [OnBothEngines("/api/v1/meetings/csto-1999-01-01")]
    [OnBothEngines("/api/v1/no-such-endpoint")]
    public async Task Unknown_things_are_a_404_problem(string url, string engine)
    {
        await using var s = await TestServer.StartAsync(engine: engine);
        await Problem(await s.Client.GetAsync(url), HttpStatusCode.NotFound);
    }

    [SkippableTheory]
    [MemberData(nameof(TestEngines.Both), MemberType = typeof(TestEngines))]
    public async Task Known_at_reads_the_registry_as_it_was(string engine)
    {
        await using var s = await TestServer.StartAsync(engine: engine);
        var before = await Json(await s.Client.GetAsync("/api/v1/status?state=ARM&org=csto&on=2024-11-28&known_at=2000-01-01"));
        Assert.Equal("unknown", before.GetProperty("standing").GetString());
        Assert.False(before.GetProperty("certain").GetBoolean());
        Assert.Equal("2000-01-01T23:59:59.999+00:00", before.GetProperty("known_at").GetString());
        var timeline = await Json(await s.Client.GetAsync("/api/v1/timeline?state=ARM&org=csto&known_at=2000-01-01"));
        Assert.All(timeline.GetProperty("periods").EnumerateArray(), p => Assert.Equal("unknown", p.GetProperty("standing").GetString()));
    }

    [SkippableTheory]
    [MemberData(nameof(TestEngines.Both), MemberType = typeof(TestEngines))]
    public async Task Members_timeline_attendance_and_meetings(string engine)
    {
        await using var s = await TestServer.StartAsync(engine: engine);
        var members = await Json(await s.Client.GetAsync("/api/v1/members?org=csto&on=2024-11-28"));
        var ids = members.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("state").GetString()).ToList();
        Assert.Contains("ARM", ids);
        Assert.DoesNotContain("UZB", ids);
        Assert.Equal(members.GetRawText(), (await Json(await s.Client.GetAsync("/api/v1/organizations/csto/members?on=2024-11-28"))).GetRawText());

        var timeline = await Json(await s.Client.GetAsync("/api/v1/timeline?state=ARM&org=csto"));
        var standings = timeline.GetProperty("periods").EnumerateArray().Select(p => p.GetProperty("standing").GetString()).ToList();
        Assert.Equal(["member", "participation-frozen"], standings);

        var att = await Json(await s.Client.GetAsync("/api/v1/attendance?org=csto&from=2024-01-01"));
        var meeting = Assert.Single(att.GetProperty("meetings").EnumerateArray());
        Assert.Equal("absent", meeting.GetProperty("attendance").GetProperty("ARM").GetString());
        Assert.Equal(1, att.GetProperty("page").GetProperty("total").GetInt32());

        var meetings = await Json(await s.Client.GetAsync("/api/v1/meetings?org=csto&limit=1"));
        Assert.Equal(1, meetings.GetProperty("meetings").GetArrayLength());
        Assert.Equal(2, meetings.GetProperty("page").GetProperty("total").GetInt32());
        Assert.Equal(1, meetings.GetProperty("page").GetProperty("next_offset").GetInt32());
        var id = meetings.GetProperty("meetings")[0].GetProperty("id").GetString();
        var one = await Json(await s.Client.GetAsync($"/api/v1/meetings/{id}"));
        Assert.Equal(id, one.GetProperty("meeting").GetProperty("id").GetString());
    }

    [SkippableTheory]
    [MemberData(nameof(TestEngines.Both), MemberType = typeof(TestEngines))]
    public async Task A_year_or_a_month_on_a_state_or_an_organization_is_the_standing_during_it(string engine)
    {
        await using var s = await TestServer.StartAsync(engine: engine);
        var year = await Json(await s.Client.GetAsync("/api/v1/states/ARM?on=2024"));
        Assert.Equal("Armenia", year.GetProperty("state").GetProperty("name").GetString());
        Assert.Equal("2024", year.GetProperty("during").GetString());
        var csto = year.GetProperty("memberships").EnumerateArray().Where(m => m.GetProperty("org").GetString() == "csto").ToList();
        Assert.Equal(["member", "participation-frozen"], csto.Select(m => m.GetProperty("standing").GetString()));
        Assert.All(csto, m => Assert.False(m.GetProperty("whole").GetBoolean()));   // each held part of the year
        Assert.Equal("2024-02", csto[1].GetProperty("from").GetString());
        Assert.Contains(year.GetProperty("memberships").EnumerateArray(), m => m.GetProperty("org").GetString() == "eaeu" && m.GetProperty("whole").GetBoolean());

        var month = await Json(await s.Client.GetAsync("/api/v1/states/ARM?on=2024-03"));
        Assert.Equal("2024-03", month.GetProperty("during").GetString());
        var frozen = Assert.Single(month.GetProperty("memberships").EnumerateArray(), m => m.GetProperty("org").GetString() == "csto");
        Assert.Equal("participation-frozen", frozen.GetProperty("standing").GetString());
        Assert.True(frozen.GetProperty("whole").GetBoolean());

        var org = await Json(await s.Client.GetAsync("/api/v1/organizations/csto?on=2024"));
        Assert.Equal("Collective Security Treaty Organization", org.GetProperty("organization").GetProperty("name").GetString());
        Assert.Equal("2024", org.GetProperty("members").GetProperty("during").GetString());
        var arm = org.GetProperty("members").GetProperty("members").EnumerateArray().Where(m => m.GetProperty("state").GetString() == "ARM").ToList();
        Assert.Equal(["member", "participation-frozen"], arm.Select(m => m.GetProperty("standing").GetString()));
        Assert.True(org.GetProperty("chairs").GetArrayLength() >= 2);

        // The organization's members resource answers the same question as /members.
        Assert.Equal((await Json(await s.Client.GetAsync("/api/v1/members?org=csto&on=2024"))).GetRawText(),
            (await Json(await s.Client.GetAsync("/api/v1/organizations/csto/members?on=2024"))).GetRawText());

        // A day is still a day.
        var day = await Json(await s.Client.GetAsync("/api/v1/states/ARM?on=2024-11-28"));
        Assert.Equal("2024-11-28", day.GetProperty("on").GetString());
        Assert.Equal(404, (int)(await s.Client.GetAsync("/api/v1/organizations/nope?on=2024")).StatusCode);
    }

    [SkippableTheory]
    [MemberData(nameof(TestEngines.Both), MemberType = typeof(TestEngines))]
    public async Task Organizations_states_and_persons_are_listed_paged_and_shown(string engine)
    {
        await using var s = await TestServer.StartAsync(engine: engine);
        var orgs = await Json(await s.Client.GetAsync("/api/v1/organizations?limit=1&offset=1"));
        Assert.Equal("eaeu", orgs.GetProperty("organizations")[0].GetProperty("id").GetString());
        Assert.Equal(2, orgs.GetProperty("page").GetProperty("total").GetInt32());

        var org = await Json(await s.Client.GetAsync("/api/v1/organizations/csto?on=2024-11-28"));
        Assert.Equal("Collective Security Treaty Organization", org.GetProperty("organization").GetProperty("name").GetString());
        Assert.True(org.GetProperty("chairs").GetArrayLength() >= 2);
        var chairs = await Json(await s.Client.GetAsync("/api/v1/organizations/csto/chairs"));
        Assert.Equal(2, chairs.GetProperty("page").GetProperty("total").GetInt32());
        var timelines = await Json(await s.Client.GetAsync("/api/v1/organizations/csto/timelines"));
        Assert.Equal(7, timelines.GetProperty("page").GetProperty("total").GetInt32());

        var states = await Json(await s.Client.GetAsync("/api/v1/states"));
        Assert.Equal(7, states.GetProperty("states").GetArrayLength());
        var arm = await Json(await s.Client.GetAsync("/api/v1/states/ARM?on=2024-11-28"));
        Assert.Equal("Armenia", arm.GetProperty("state").GetProperty("name").GetString());
        Assert.Contains(arm.GetProperty("memberships").EnumerateArray(), m => m.GetProperty("org").GetString() == "eaeu" && m.GetProperty("standing").GetString() == "member");
        var armTimelines = await Json(await s.Client.GetAsync("/api/v1/states/ARM/timelines"));
        Assert.Equal(2, armTimelines.GetProperty("timelines").GetArrayLength());

        var persons = await Json(await s.Client.GetAsync("/api/v1/persons"));
        Assert.Equal(2, persons.GetProperty("persons").GetArrayLength());
        var p = await Json(await s.Client.GetAsync("/api/v1/persons/yuri-ushakov"));
        Assert.Equal("Yuri Ushakov", p.GetProperty("person").GetProperty("name").GetString());
    }

    [SkippableTheory]
    [MemberData(nameof(TestEngines.Both), MemberType = typeof(TestEngines))]
    public async Task Ingest_needs_an_editor_and_proposes_claims_for_review(string engine)
    {
        await using var s = await TestServer.StartAsync(engine: engine);
        var body = new { id = "seed", text = SeedText, published = "2024-11-27", outlet = "News.am", title = "Doors open to Armenia" };

        await Problem(await s.Client.PostAsync("/api/v1/articles", TestServer.Json(body)), HttpStatusCode.Unauthorized);
        using var reader = s.ClientWithKey(s.AddUser("rita", AccountRole.Reader));
        await Problem(await reader.PostAsync("/api/v1/articles", TestServer.Json(body)), HttpStatusCode.Forbidden);
        using var bogus = s.ClientWithKey("plk_not-a-key");
        await Problem(await bogus.PostAsync("/api/v1/articles", TestServer.Json(body)), HttpStatusCode.Unauthorized);

        using var editor = s.ClientWithKey(s.AddUser("ed", AccountRole.Editor));
        await Problem(await editor.PostAsync("/api/v1/articles", TestServer.Json(new { text = "" })), HttpStatusCode.BadRequest);
        await Problem(await editor.PostAsync("/api/v1/articles", TestServer.Json(new { text = "x", published = "27/11/2024" })), HttpStatusCode.BadRequest);
        await Problem(await editor.PostAsync("/api/v1/articles", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);
        var wrongShape = await editor.PostAsync("/api/v1/articles", new StringContent("[1, 2]", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, wrongShape.StatusCode);
        Assert.DoesNotContain("Plenary.", await wrongShape.Content.ReadAsStringAsync());
        foreach (var badId in new[] { ".", "..", "../../etc/passwd", "a..b", "<script>x</script>" })
            await Problem(await editor.PostAsync("/api/v1/articles", TestServer.Json(new { id = badId, text = "Freedonia applied to join the union." })), HttpStatusCode.BadRequest);
        await Problem(await editor.PostAsync("/api/v1/articles", TestServer.Json(new { text = "a\u0000b" })), HttpStatusCode.BadRequest);

        var created = await Json(await editor.PostAsync("/api/v1/articles", TestServer.Json(body)), HttpStatusCode.Created);
        Assert.Equal("seed", created.GetProperty("article").GetString());
        Assert.True(created.GetProperty("added").GetBoolean());
        var claims = created.GetProperty("claims").EnumerateArray().ToList();
        Assert.NotEmpty(claims);
        Assert.All(claims, c => Assert.Equal("proposed", c.GetProperty("review").GetString()));
        Assert.All(claims, c => Assert.All(c.GetProperty("evidence").EnumerateArray(), e => Assert.False(string.IsNullOrEmpty(e.GetProperty("text").GetString()))));

        // The same text again changes nothing.
        var again = await Json(await editor.PostAsync("/api/v1/articles", TestServer.Json(body)));
        Assert.False(again.GetProperty("added").GetBoolean());

        var article = await Json(await s.Client.GetAsync("/api/v1/articles/seed"));
        Assert.Equal(SeedText, article.GetProperty("article").GetProperty("text").GetString());
        Assert.Equal(claims.Count, article.GetProperty("claims").GetArrayLength());
        var list = await Json(await s.Client.GetAsync("/api/v1/articles"));
        Assert.Equal(1, list.GetProperty("page").GetProperty("total").GetInt32());
        var proposed = await Json(await s.Client.GetAsync("/api/v1/claims?review=proposed&source=seed"));
        Assert.Equal(claims.Count, proposed.GetProperty("page").GetProperty("total").GetInt32());
    }

    /// <summary>The seed article's proposed claims, read by the real reader: a membership of Armenia in the CSTO, a statement, and another.</summary>
    private static (string Membership, string Statement, string Other) Pick(TestServer s)
    {
        s.AddProposed(new Article("seed", SeedText, new DateOnly(2024, 11, 27)));
        var claims = s.Registry.Read(st => st.Claims(new Plenary.Store.ClaimFilter { SourceId = "seed", Review = ReviewState.Proposed }));
        var membership = claims.First(c => c.Fact is MembershipFact { Org.Value: "csto" } m && m.State.Value == "ARM");
        var statement = claims.First(c => c.Fact is StatementFact);
        var other = claims.First(c => c.Id != membership.Id && c.Id != statement.Id);
        return (membership.Id, statement.Id, other.Id);
    }

    [SkippableTheory]
    [MemberData(nameof(TestEngines.Both), MemberType = typeof(TestEngines))]
    public async Task Accept_reject_and_correct_need_an_editor_and_refuse_repeats(string engine)
    {
        await using var s = await TestServer.StartAsync(engine: engine);
        var (membership, statement, other) = Pick(s);
        using var reader = s.ClientWithKey(s.AddUser("rita", AccountRole.Reader));
        using var editor = s.ClientWithKey(s.AddUser("ed", AccountRole.Editor));

        foreach (var action in new[] { "accept", "reject", "correct" })
        {
            await Problem(await s.Client.PostAsync($"/api/v1/claims/{membership}/{action}", TestServer.Json(new { })), HttpStatusCode.Unauthorized);
            await Problem(await reader.PostAsync($"/api/v1/claims/{membership}/{action}", TestServer.Json(new { })), HttpStatusCode.Forbidden);
        }
        await Problem(await editor.PostAsync("/api/v1/claims/c0000000000000000/accept", null), HttpStatusCode.NotFound);

        // Before: the registry does not count the article's membership claim.
        var before = await Json(await s.Client.GetAsync("/api/v1/status?state=ARM&org=csto&on=2024-11-28"));
        Assert.DoesNotContain(before.GetProperty("claims").EnumerateArray(), c => c.GetProperty("id").GetString() == membership);

        var accepted = await Json(await editor.PostAsync($"/api/v1/claims/{membership}/accept", TestServer.Json(new { note = "as the text says" })));
        Assert.Equal("accepted", accepted.GetProperty("claim").GetProperty("review").GetString());
        await Problem(await editor.PostAsync($"/api/v1/claims/{membership}/accept", null), HttpStatusCode.Conflict);

        // After: the status answer (served from a cache before) includes it at once.
        var after = await Json(await s.Client.GetAsync("/api/v1/status?state=ARM&org=csto&on=2024-11-28"));
        Assert.Contains(after.GetProperty("claims").EnumerateArray(), c => c.GetProperty("id").GetString() == membership);

        var rejected = await Json(await editor.PostAsync($"/api/v1/claims/{other}/reject", null));
        Assert.Equal("rejected", rejected.GetProperty("claim").GetProperty("review").GetString());
        await Problem(await editor.PostAsync($"/api/v1/claims/{other}/reject", null), HttpStatusCode.Conflict);

        // Correct: a new accepted claim, the old one rejected; twice is a conflict; a bad field is a 400.
        await Problem(await editor.PostAsync($"/api/v1/claims/{statement}/correct", TestServer.Json(new { fact = new { date = "not a date" } })), HttpStatusCode.BadRequest);
        await Problem(await editor.PostAsync($"/api/v1/claims/{statement}/correct", TestServer.Json(new { fact = new { type = "chair" } })), HttpStatusCode.BadRequest);
        await Problem(await editor.PostAsync($"/api/v1/claims/{statement}/correct", TestServer.Json(new { fact = "speaker" })), HttpStatusCode.BadRequest);
        var corrected = await Json(await editor.PostAsync($"/api/v1/claims/{statement}/correct", TestServer.Json(new { fact = new { speaker = "Yuri V. Ushakov" }, note = "full name" })), HttpStatusCode.Created);
        var claim = corrected.GetProperty("claim");
        Assert.Equal(statement, claim.GetProperty("corrects").GetString());
        Assert.Equal("accepted", claim.GetProperty("review").GetString());
        Assert.Equal("Yuri V. Ushakov", claim.GetProperty("fact").GetProperty("speaker").GetString());
        var old = await Json(await s.Client.GetAsync($"/api/v1/claims/{statement}"));
        Assert.Equal("rejected", old.GetProperty("claim").GetProperty("review").GetString());
        await Problem(await editor.PostAsync($"/api/v1/claims/{statement}/correct", TestServer.Json(new { fact = new { speaker = "Y. Ushakov" } })), HttpStatusCode.Conflict);

        // The accepted statement now shows on the person and in the statements list.
        var person = await Json(await s.Client.GetAsync("/api/v1/persons/yuri-ushakov"));
        Assert.Equal(1, person.GetProperty("statements").GetArrayLength());
        var statements = await Json(await s.Client.GetAsync("/api/v1/statements?speaker=yuri-ushakov"));
        Assert.Equal(1, statements.GetProperty("page").GetProperty("total").GetInt32());
    }

    [SkippableTheory]
    [MemberData(nameof(TestEngines.Both), MemberType = typeof(TestEngines))]
    public async Task A_write_by_another_process_is_seen_at_once_despite_the_cache(string engine)
    {
        await using var s = await TestServer.StartAsync(engine: engine);
        var (membership, _, _) = Pick(s);
        const string url = "/api/v1/status?state=ARM&org=csto&on=2024-11-28";
        var before = await Json(await s.Client.GetAsync(url));
        Assert.DoesNotContain(before.GetProperty("claims").EnumerateArray(), c => c.GetProperty("id").GetString() == membership);
        // Another connection to the file (as `plenary accept` would be) accepts the claim.
        using (var other = s.OpenAnother()) other.Decide(membership, ReviewState.Accepted, "cli:someone");
        var after = await Json(await s.Client.GetAsync(url));
        Assert.Contains(after.GetProperty("claims").EnumerateArray(), c => c.GetProperty("id").GetString() == membership);
    }

    [SkippableTheory]
    [MemberData(nameof(TestEngines.Both), MemberType = typeof(TestEngines))]
    public async Task The_audit_log_records_who_changed_what_and_only_admins_read_it(string engine)
    {
        await using var s = await TestServer.StartAsync(engine: engine);
        var (membership, _, _) = Pick(s);
        using var editor = s.ClientWithKey(s.AddUser("ed", AccountRole.Editor));
        using var admin = s.ClientWithKey(s.AddUser("ada", AccountRole.Admin));
        await Json(await editor.PostAsync($"/api/v1/claims/{membership}/accept", null));

        await Problem(await s.Client.GetAsync("/api/v1/audit"), HttpStatusCode.Unauthorized);
        await Problem(await editor.GetAsync("/api/v1/audit"), HttpStatusCode.Forbidden);
        var audit = await Json(await admin.GetAsync("/api/v1/audit?limit=5"));
        var latest = audit.GetProperty("entries")[0];
        Assert.Equal("ed", latest.GetProperty("actor").GetString());
        Assert.Equal("accept", latest.GetProperty("action").GetString());
        Assert.Equal($"claim/{membership}", latest.GetProperty("subject").GetString());
        Assert.Equal("proposed", latest.GetProperty("before").GetProperty("review").GetString());
        Assert.Equal("accepted", latest.GetProperty("after").GetProperty("review").GetString());
        Assert.Contains(audit.GetProperty("entries").EnumerateArray(), e => e.GetProperty("action").GetString() == "user-add");
        Assert.True(audit.GetProperty("page").GetProperty("total").GetInt32() > 5);
        // A huge offset reads nothing past the end (it once wrapped around and read the whole log).
        var beyond = await Json(await admin.GetAsync("/api/v1/audit?offset=2147483647&limit=500"));
        Assert.Empty(beyond.GetProperty("entries").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, beyond.GetProperty("page").GetProperty("next_offset").ValueKind);
    }

    [SkippableTheory]
    [MemberData(nameof(TestEngines.Both), MemberType = typeof(TestEngines))]
    public async Task Search_finds_article_text_and_takes_query_syntax_as_words(string engine)
    {
        await using var s = await TestServer.StartAsync(engine: engine);
        s.AddProposed(new Article("seed", SeedText, new DateOnly(2024, 11, 27)));
        var text = await Json(await s.Client.GetAsync("/api/v1/search?q=Astana%20ministers"));
        Assert.Contains(text.GetProperty("results").EnumerateArray(), r => r.GetProperty("kind").GetString() == "article" && r.GetProperty("id").GetString() == "seed");
        var prefix = await Json(await s.Client.GetAsync("/api/v1/search?q=Arme"));
        Assert.Contains(prefix.GetProperty("results").EnumerateArray(), r => r.GetProperty("id").GetString() == "ARM");
        // FTS5 syntax in the query is taken as words, not operators.
        await Json(await s.Client.GetAsync("/api/v1/search?q=%22NEAR(%20OR%20*"));
    }

    [SkippableTheory]
    [MemberData(nameof(TestEngines.Both), MemberType = typeof(TestEngines))]
    public async Task Search_ranks_an_organizations_name_above_article_text(string engine)
    {
        // Found when this suite first ran on PostgreSQL: an unnormalized ts_rank put the founding article (which says
        // "CSTO" often) above the organization named CSTO.
        await using var s = await TestServer.StartAsync(engine: engine);
        s.AddProposed(new Article("seed", SeedText, new DateOnly(2024, 11, 27)));
        var csto = await Json(await s.Client.GetAsync("/api/v1/search?q=CSTO"));
        var first = csto.GetProperty("results")[0];
        Assert.Equal("organization", first.GetProperty("kind").GetString());
        Assert.Equal("csto", first.GetProperty("id").GetString());
    }

    [SkippableTheory]
    [MemberData(nameof(TestEngines.Both), MemberType = typeof(TestEngines))]
    public async Task Me_says_who_is_asking(string engine)
    {
        await using var s = await TestServer.StartAsync(engine: engine);
        var anon = await Json(await s.Client.GetAsync("/api/v1/me"));
        Assert.Equal("anonymous", anon.GetProperty("role").GetString());
        using var editor = s.ClientWithKey(s.AddUser("ed", AccountRole.Editor));
        var me = await Json(await editor.GetAsync("/api/v1/me"));
        Assert.Equal("ed", me.GetProperty("name").GetString());
        Assert.Equal("editor", me.GetProperty("role").GetString());
    }

    [SkippableTheory]
    [MemberData(nameof(TestEngines.Both), MemberType = typeof(TestEngines))]
    public async Task OpenAPI_document_and_interactive_docs_are_served(string engine)
    {
        await using var s = await TestServer.StartAsync(engine: engine);
        var doc = await Json(await s.Client.GetAsync("/openapi/v1.json"));
        Assert.StartsWith("3.", doc.GetProperty("openapi").GetString());
        var paths = doc.GetProperty("paths");
        foreach (var p in new[] { "/api/v1/status", "/api/v1/members", "/api/v1/timeline", "/api/v1/attendance", "/api/v1/meetings", "/api/v1/organizations",
                     "/api/v1/states", "/api/v1/persons", "/api/v1/statements", "/api/v1/articles", "/api/v1/claims", "/api/v1/claims/{id}/accept",
                     "/api/v1/claims/{id}/reject", "/api/v1/claims/{id}/correct", "/api/v1/search", "/api/v1/audit" })
            Assert.True(paths.TryGetProperty(p, out _), $"{p} is not in the OpenAPI document");
        var docs = await s.Client.GetAsync("/docs");
        if (docs.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.MovedPermanently) docs = await s.Client.GetAsync(docs.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
        Assert.Contains("text/html", docs.Content.Headers.ContentType?.MediaType);
        // The reference shows the API only (no AI chat, no deploy toolbar, no telemetry), the registry's questions first.
        var page = await docs.Content.ReadAsStringAsync();
        Assert.Contains("\"agent\":{\"disabled\":true}", page);
        Assert.Contains("\"showDeveloperTools\":\"never\"", page);
        Assert.Contains("\"telemetry\":false", page);
        Assert.Equal("registry", doc.GetProperty("tags")[0].GetProperty("name").GetString());
    }

    [SkippableTheory]
    [MemberData(nameof(TestEngines.Both), MemberType = typeof(TestEngines))]
    public async Task A_query_value_with_a_nul_character_is_a_400_problem(string engine)
    {
        await using var s = await TestServer.StartAsync(engine: engine);
        var r = await s.Client.GetAsync("/api/v1/claims?source=a%00b");
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        Assert.Contains("NUL", await r.Content.ReadAsStringAsync());
    }

    [SkippableTheory]
    [MemberData(nameof(TestEngines.Both), MemberType = typeof(TestEngines))]
    public async Task Every_operation_is_documented_with_its_answer_and_its_query_names(string engine)
    {
        await using var s = await TestServer.StartAsync(engine: engine);
        var doc = await Json(await s.Client.GetAsync("/openapi/v1.json"));
        int operations = 0;
        foreach (var path in doc.GetProperty("paths").EnumerateObject())
            foreach (var op in path.Value.EnumerateObject())
            {
                operations++;
                var where = $"{op.Name} {path.Name}";
                Assert.True(op.Value.TryGetProperty("operationId", out _), $"{where} has no operationId");
                var responses = op.Value.GetProperty("responses");
                var ok = responses.TryGetProperty("200", out var r200) ? r200 : responses.GetProperty("201");
                Assert.True(ok.TryGetProperty("content", out var content) && content.TryGetProperty("application/json", out _), $"{where} documents no JSON answer");
                if (op.Value.TryGetProperty("parameters", out var parameters))
                    foreach (var p in parameters.EnumerateArray())
                    {
                        var name = p.GetProperty("name").GetString()!;
                        Assert.True(name == name.ToLowerInvariant(), $"{where}: parameter '{name}' is not the name the URL uses");
                    }
            }
        Assert.True(operations >= 29, $"only {operations} operations documented");
    }

    [SkippableTheory]
    [MemberData(nameof(TestEngines.Both), MemberType = typeof(TestEngines))]
    public async Task Status_for_a_year_gives_each_part_where_the_standing_changed(string engine)
    {
        await using var s = await TestServer.StartAsync(engine: engine);
        var year = await Json(await s.Client.GetAsync("/api/v1/status?state=ARM&org=csto&on=2024"));
        Assert.Equal("2024", year.GetProperty("during").GetString());
        var parts = year.GetProperty("parts");
        Assert.Equal(2, parts.GetArrayLength());
        Assert.Equal("member", parts[0].GetProperty("standing").GetString());
        Assert.Equal("participation-frozen", parts[1].GetProperty("standing").GetString());
        Assert.False(parts[1].GetProperty("whole").GetBoolean());
        var whole = await Json(await s.Client.GetAsync("/api/v1/status?state=ARM&org=csto&on=2016"));
        Assert.True(Assert.Single(whole.GetProperty("parts").EnumerateArray()).GetProperty("whole").GetBoolean());
        var members = await Json(await s.Client.GetAsync("/api/v1/members?org=csto&on=2024"));
        Assert.Equal("2024", members.GetProperty("during").GetString());
        var armenia = members.GetProperty("members").EnumerateArray().Where(m => m.GetProperty("state").GetString() == "ARM").ToList();
        Assert.Equal(["member", "participation-frozen"], armenia.Select(m => m.GetProperty("standing").GetString()));
        Assert.All(armenia, m => Assert.False(m.GetProperty("whole").GetBoolean()));
    }

    [SkippableTheory]
    [MemberData(nameof(TestEngines.Both), MemberType = typeof(TestEngines))]
    public async Task Article_text_never_reaches_a_response_unencoded(string engine)
    {
        await using var s = await TestServer.StartAsync(engine: engine);
        const string evil = "Armenia will <script>alert(1)</script> freeze its membership \" onmouseover=\"alert(2)\" said “<img src=x onerror=alert(3)>”.";
        s.AddProposed(new Article("evil", evil, new DateOnly(2024, 11, 27), Url: "javascript:alert(4)"));
        foreach (var url in new[] { "/api/v1/articles/evil", "/api/v1/claims?source=evil", "/api/v1/search?q=alert" })
        {
            var raw = await (await s.Client.GetAsync(url)).Content.ReadAsStringAsync();
            Assert.DoesNotContain("<script>", raw);
            Assert.DoesNotContain("<img", raw);
            Assert.DoesNotContain("\" onmouseover=", raw);
        }
        Assert.Contains("\\u003Cscript\\u003E", await (await s.Client.GetAsync("/api/v1/articles/evil")).Content.ReadAsStringAsync());
        using var editor = s.ClientWithKey(s.AddUser("ed", AccountRole.Editor));
        foreach (var url in new[] { "/articles/evil", "/search?q=alert", "/review?article=evil" })
        {
            var raw = await (await editor.GetAsync(url)).Content.ReadAsStringAsync();
            Assert.DoesNotContain("<script>alert", raw);
            Assert.DoesNotContain("<img src=x", raw);
            Assert.DoesNotContain("\" onmouseover=\"", raw);
            Assert.DoesNotContain("href=\"javascript:", raw);
        }
    }
}

/// <summary>A theory's values once on each engine: the values, then "sqlite"; the values, then "postgres".</summary>
public sealed class OnBothEnginesAttribute(params object[] values) : Xunit.Sdk.DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod)
    {
        foreach (var engine in TestEngines.Both) yield return [.. values, engine];
    }
}
