using System.Net;
using System.Text.Json;

namespace Plenary.Web.Tests;

/// <summary>
/// Issue 10 through the real server over the shipped data: unknown where nothing speaks, ends and handovers of
/// organizations, one page per meeting.
/// </summary>
public class KnownTests
{
    private static async Task<string> Html(TestServer s, string url)
    {
        var r = await s.Client.GetAsync(url);
        Assert.True(r.StatusCode == HttpStatusCode.OK, $"{url}: {r.StatusCode}");
        return await r.Content.ReadAsStringAsync();
    }

    private static async Task<TestServer> Shipped()
    {
        Skip.IfNot(TestServer.HasShippedData, "the shipped data/ folder did not travel to the test output");
        return await TestServer.StartAsync(shipped: true);
    }

    [SkippableFact]
    public async Task A_pair_outside_coverage_is_unknown_in_the_api_and_no_data_on_the_web()
    {
        // The Universal Postal Union has no curated file: COW IGO v3, which ends in 2014, is all the registry knows of it.
        await using var s = await Shipped();
        using var doc = JsonDocument.Parse(await (await s.Client.GetAsync("/api/v1/status?state=FRA&org=upu&on=2024-11-28")).Content.ReadAsStringAsync());
        Assert.Equal("unknown", doc.RootElement.GetProperty("standing").GetString());
        Assert.False(doc.RootElement.GetProperty("certain").GetBoolean());
        Assert.Equal("no-data", doc.RootElement.GetProperty("basis").GetString());

        var page = await Html(s, "/status?state=FRA&org=upu&on=2024-11-28");
        Assert.Contains("data-standing=\"unknown\"", page);
        Assert.Contains("unknown — no data", page);
        Assert.DoesNotContain("not-member", page);

        var then = await Html(s, "/status?state=FRA&org=upu&on=1900-01-01");
        Assert.Contains("data-standing=\"member\"", then);

        // The state page draws the unknown stretch hatched, labelled as no data.
        var france = await Html(s, "/states/FRA");
        Assert.Matches("data-row=\"upu\" data-basis=\"no-data\" data-standing=\"unknown\"", france);
        Assert.Contains("no data", france);
        Assert.Contains("url(#memberships-nodata)", france);
    }

    [SkippableFact]
    public async Task A_dissolved_organization_shows_no_members_and_its_handover()
    {
        await using var s = await Shipped();
        var eurasec = await Html(s, "/orgs/eurasec?on=2024-11-28");
        Assert.Contains("No members on 2024-11-28: the Eurasian Economic Community ended on 2015-01-01 (dissolved; succeeded by the Eurasian Economic Union)", eurasec);
        Assert.Contains("<a href=\"/orgs/eaeu\">Eurasian Economic Union</a>", eurasec);
        using var members = JsonDocument.Parse(await (await s.Client.GetAsync("/api/v1/members?org=eurasec&on=2024-11-28")).Content.ReadAsStringAsync());
        Assert.Equal(0, members.RootElement.GetProperty("members").GetArrayLength());
        Assert.Equal("2015-01-01", members.RootElement.GetProperty("ended").GetString());
    }

    [SkippableFact]
    public async Task Armenias_chart_stops_eurasec_at_its_end_and_the_cst_at_the_cstos_start()
    {
        await using var s = await Shipped();
        var armenia = await Html(s, "/states/ARM");
        Assert.Matches("data-row=\"cst\" data-basis=\"claims\" data-standing=\"member\" data-from=\"1992-05-15\" data-until=\"2002-10-07\"", armenia);
        Assert.Matches("data-row=\"eurasec\" data-basis=\"claims\" data-standing=\"observer\" data-from=\"2003\" data-until=\"2015-01-01\"", armenia);
        Assert.DoesNotMatch("data-row=\"cst\"[^>]*data-until=\"\"", armenia);
        Assert.Contains("Handovers", armenia);
        Assert.Contains("ended on 2002-10-07 (superseded; succeeded by the Collective Security Treaty Organization)", armenia);
    }

    [SkippableFact]
    public async Task The_two_astana_meetings_of_2024_11_28_have_two_pages()
    {
        await using var s = await Shipped();
        var csto = await Html(s, "/orgs/csto");
        Assert.Contains("/meetings/csto-2024-11-28-astana-csc", csto);
        Assert.Contains("/meetings/csto-2024-11-28-astana-cdm-cfm-cssc", csto);
        var summit = await Html(s, "/meetings/csto-2024-11-28-astana-csc");
        var ministers = await Html(s, "/meetings/csto-2024-11-28-astana-cdm-cfm-cssc");
        Assert.Contains("Collective Security Council", summit);
        Assert.DoesNotContain("Council of Foreign Ministers", summit);
        Assert.Contains("Council of Foreign Ministers", ministers);
        Assert.Equal(HttpStatusCode.NotFound, (await s.Client.GetAsync("/meetings/csto-2024-11-28-astana")).StatusCode);
    }

    [SkippableFact]
    public async Task Who_says_so_describes_claims_with_names_and_suspensions_as_suspensions()
    {
        await using var s = await Shipped();
        var arm = await Html(s, "/status?state=ARM&org=csto&on=2024-11-28");
        Assert.Contains("Armenia: participation frozen in the CSTO (stated 2024-11-26; since 2024-02)", arm);
        var uzb = await Html(s, "/status?state=UZB&org=csto&on=2024-11-28");
        Assert.Contains("Uzbekistan: membership of the CSTO suspended (since 2012-12-19)", uzb);
    }
}
