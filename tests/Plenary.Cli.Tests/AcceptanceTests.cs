using System.Text.Json;

namespace Plenary.Cli.Tests;

/// <summary>The foundation issue's acceptance checks, through the real command line on the shipped curated data.</summary>
public class AcceptanceTests(ShippedRegistry registry) : IClassFixture<ShippedRegistry>
{
    private static string[] States(JsonElement list) => list.EnumerateArray().Select(m => m.GetProperty("state").GetString()!).Order().ToArray();

    [Fact]
    public void Armenia_in_the_csto_on_2024_11_28_is_frozen_but_a_de_jure_member()
    {
        var r = registry.Run("status", "ARM", "csto", "--on", "2024-11-28", "--format", "json");
        Assert.True(r.ExitCode == 0, r.Err);
        var j = r.Json;
        Assert.Equal("participation-frozen", j.GetProperty("standing").GetString());
        Assert.True(j.GetProperty("de_jure_member").GetBoolean());
        Assert.False(j.GetProperty("participating").GetBoolean());
        Assert.StartsWith("2024-02", j.GetProperty("since").GetString());
        Assert.Equal("ARM", j.GetProperty("state").GetString());
        Assert.Equal("csto", j.GetProperty("org").GetString());
        Assert.Equal("2024-11-28", j.GetProperty("on").GetString());
        Assert.NotEmpty(j.GetProperty("claims").EnumerateArray());
        Assert.All(j.GetProperty("claims").EnumerateArray(), c => Assert.False(string.IsNullOrEmpty(c.GetProperty("source").GetProperty("title").GetString())));
    }

    [Fact]
    public void Names_work_where_ids_do()
    {
        var byName = registry.Run("status", "Armenia", "Collective Security Treaty Organization", "--on", "2024-11-28", "--format", "json");
        Assert.True(byName.ExitCode == 0, byName.Err);
        Assert.Equal("participation-frozen", byName.Json.GetProperty("standing").GetString());
    }

    [Theory]
    [InlineData("csto", "2024-11-28", "ARM,BLR,KAZ,KGZ,RUS,TJK,UZB")] // Uzbekistan's membership suspended since 2012-12-19: still de jure
    [InlineData("csto", "2012-12-20", "ARM,BLR,KAZ,KGZ,RUS,TJK,UZB")]
    [InlineData("eurasec", "2014-12-31", "BLR,KAZ,KGZ,RUS,TJK,UZB")]
    [InlineData("eurasec", "2015-01-01", "")]
    [InlineData("cst", "2002-10-07", "")]
    [InlineData("csto", "2004-01-01", "ARM,BLR,KAZ,KGZ,RUS,TJK")]
    [InlineData("csto", "2008-01-01", "ARM,BLR,KAZ,KGZ,RUS,TJK,UZB")]
    [InlineData("eaeu", "2015-01-01", "BLR,KAZ,RUS")]
    [InlineData("eaeu", "2015-09-01", "ARM,BLR,KAZ,KGZ,RUS")]
    public void Members_on_a_day(string org, string on, string expected)
    {
        var r = registry.Run("members", org, "--on", on, "--format", "json");
        Assert.True(r.ExitCode == 0, r.Err);
        Assert.Equal(expected.Split(',', StringSplitOptions.RemoveEmptyEntries), States(r.Json.GetProperty("members")));
    }

    [Fact]
    public void Armenia_missed_every_2024_csto_meeting_including_astana()
    {
        var r = registry.Run("attendance", "csto", "--from", "2024-01-01", "--to", "2024-12-31", "--format", "json");
        Assert.True(r.ExitCode == 0, r.Err);
        var meetings = r.Json.GetProperty("meetings").EnumerateArray().ToList();
        Assert.NotEmpty(meetings);
        var withArmenia = meetings.Where(m => m.GetProperty("attendance").TryGetProperty("ARM", out _)).ToList();
        Assert.NotEmpty(withArmenia);
        Assert.All(withArmenia, m => Assert.Equal("absent", m.GetProperty("attendance").GetProperty("ARM").GetString()));
        Assert.Contains(meetings, m => m.GetProperty("date").GetString() == "2024-11-28" && m.GetProperty("place").GetString() == "Astana");
        Assert.All(meetings, m => Assert.StartsWith("2024", m.GetProperty("date").GetString()));
    }

    [Fact]
    public void The_timeline_lists_periods_with_sources()
    {
        var r = registry.Run("timeline", "ARM", "csto", "--format", "json");
        Assert.True(r.ExitCode == 0, r.Err);
        var periods = r.Json.GetProperty("periods").EnumerateArray().ToList();
        Assert.Equal("participation-frozen", periods[^1].GetProperty("standing").GetString());
        Assert.Contains(periods, p => p.GetProperty("standing").GetString() == "member");
        Assert.All(periods, p => Assert.NotEmpty(p.GetProperty("claims").EnumerateArray()));
    }

    [Fact]
    public void Tables_are_the_default_format()
    {
        var r = registry.Run("members", "csto", "--on", "2024-11-28");
        Assert.True(r.ExitCode == 0, r.Err);
        Assert.Contains("participation-frozen", r.Out);
        Assert.Contains("Armenia", r.Out);
    }

    [Theory]
    [InlineData("orgs")]
    [InlineData("states")]
    [InlineData("show", "csto")]
    [InlineData("show", "Armenia")]
    [InlineData("show", "nikol-pashinyan")]
    public void Catalog_commands_answer_in_json(params string[] args)
    {
        var r = registry.Run([.. args, "--format", "json"]);
        Assert.True(r.ExitCode == 0, r.Err);
        Assert.Equal(JsonValueKind.Object, r.Json.ValueKind);
    }

    [Fact]
    public void Known_at_before_the_registry_existed_knows_nothing()
    {
        var r = registry.Run("status", "ARM", "csto", "--on", "2024-11-28", "--known-at", "2020-01-01", "--format", "json");
        Assert.True(r.ExitCode == 0, r.Err);
        Assert.Equal("unknown", r.Json.GetProperty("standing").GetString());
        Assert.False(r.Json.GetProperty("certain").GetBoolean());
        Assert.Equal("no-data", r.Json.GetProperty("basis").GetString());
        // Not even that a state missing from the (then unknown) complete member list was not a member.
        var other = registry.Run("status", "USA", "csto", "--on", "2024-11-28", "--known-at", "2020-01-01", "--format", "json");
        Assert.Equal("unknown", other.Json.GetProperty("standing").GetString());
    }

    [Fact]
    public void Inside_an_organizations_coverage_a_state_without_a_fact_is_not_a_member()
    {
        var r = registry.Run("status", "USA", "csto", "--on", "2024-11-28", "--format", "json");
        Assert.True(r.ExitCode == 0, r.Err);
        Assert.Equal("not-member", r.Json.GetProperty("standing").GetString());
        Assert.Equal("complete-list", r.Json.GetProperty("basis").GetString());
        Assert.True(r.Json.GetProperty("certain").GetBoolean());
    }

    [Fact]
    public void A_new_registry_knows_cows_memberships_to_2014_and_nothing_after()
    {
        // The Universal Postal Union has no curated file: COW IGO v3 is all the registry knows of it.
        var then = registry.Run("status", "FRA", "upu", "--on", "1900-01-01", "--format", "json").Json;
        Assert.Equal("member", then.GetProperty("standing").GetString());
        Assert.Equal("1874", then.GetProperty("since").GetString());
        Assert.Equal("cow-igo-v3", then.GetProperty("claims")[0].GetProperty("source").GetProperty("id").GetString());
        var never = registry.Run("status", "ARM", "upu", "--on", "1900-01-01", "--format", "json").Json;
        Assert.Equal("not-member", never.GetProperty("standing").GetString());
        Assert.Equal("complete-list", never.GetProperty("basis").GetString());
        var now = registry.Run("status", "FRA", "upu", "--on", "2024-11-28", "--format", "json").Json;
        Assert.Equal("unknown", now.GetProperty("standing").GetString());
        var members = registry.Run("members", "upu", "--on", "1980-01-01", "--format", "json").Json;
        Assert.True(members.GetProperty("complete").GetBoolean());
        Assert.True(members.GetProperty("members").GetArrayLength() > 100);
    }

    [Fact]
    public void The_export_says_unknown_where_nothing_speaks_and_ends_memberships_with_the_organization()
    {
        var file = Path.Combine(registry.Folder, "state-year.csv");
        var r = registry.Run("export", "state-year", "--layout", "long", "--from", "2014", "--to", "2024", "--out", file);
        Assert.True(r.ExitCode == 0, r.Err);
        var rows = File.ReadLines(file).Select(l => l.Replace("\"", "").Split(',')).Where(f => f[2] is "ARM" or "FRA" or "USA").ToList();
        string Standing(string state, string org, int year) =>
            rows.SingleOrDefault(f => f[2] == state && f[3] == year.ToString(System.Globalization.CultureInfo.InvariantCulture) && f[6] == org)?[8] ?? "(no row)";
        Assert.Equal("unknown", Standing("FRA", "upu", 2024));
        Assert.Equal("member", Standing("FRA", "upu", 2014));
        Assert.Equal("(no row)", Standing("USA", "csto", 2024)); // the long layout leaves out "none" (a complete list says so)
        Assert.Equal("participation-frozen", Standing("ARM", "csto", 2024));
        Assert.Equal("observer", Standing("ARM", "eurasec", 2014));
        Assert.Equal("(no row)", Standing("ARM", "eurasec", 2016));
    }

    [Fact]
    public void Before_an_organization_was_founded_no_state_was_in_it()
    {
        var json = registry.Run("status", "USA", "cst", "--on", "1980-01-01", "--format", "json");
        Assert.Equal("not-member", json.Json.GetProperty("standing").GetString());
        Assert.Equal("not-founded", json.Json.GetProperty("basis").GetString());
    }

    [Fact]
    public void A_dissolved_organization_has_no_members_and_says_why()
    {
        var r = registry.Run("members", "eurasec", "--on", "2024-11-28");
        Assert.True(r.ExitCode == 0, r.Err);
        Assert.Contains("ended on 2015-01-01 (dissolved; succeeded by the Eurasian Economic Union)", r.Out);
        var json = registry.Run("members", "eurasec", "--on", "2024-11-28", "--format", "json").Json;
        Assert.Empty(json.GetProperty("members").EnumerateArray());
        Assert.Equal("2015-01-01", json.GetProperty("ended").GetString());
        Assert.Equal(["eaeu"], json.GetProperty("successors").EnumerateArray().Select(e => e.GetString()));
        var armenia = registry.Run("status", "ARM", "eurasec", "--on", "2024-11-28", "--format", "json").Json;
        Assert.Equal("not-member", armenia.GetProperty("standing").GetString());
        Assert.Equal("organization-ended", armenia.GetProperty("basis").GetString());
    }

    [Fact]
    public void The_cst_hands_over_to_the_csto_and_its_timeline_stops_there()
    {
        var r = registry.Run("timeline", "ARM", "cst", "--format", "json");
        Assert.True(r.ExitCode == 0, r.Err);
        var periods = r.Json.GetProperty("periods").EnumerateArray().ToList();
        var member = periods.Single(p => p.GetProperty("standing").GetString() == "member");
        Assert.Equal("1992-05-15", member.GetProperty("from").GetString());
        Assert.Equal("2002-10-07", member.GetProperty("until").GetString());
        Assert.Equal("organization-ended", periods[^1].GetProperty("basis").GetString());
        var show = registry.Run("show", "cst");
        Assert.Contains("ended on 2002-10-07 (superseded; succeeded by the Collective Security Treaty Organization)", show.Out);
    }

    [Fact]
    public void Uzbekistans_csto_membership_is_suspended_and_described_as_a_suspension()
    {
        var r = registry.Run("status", "UZB", "csto", "--on", "2024-11-28", "--format", "json");
        Assert.True(r.ExitCode == 0, r.Err);
        Assert.Equal("suspended", r.Json.GetProperty("standing").GetString());
        Assert.Equal("2012-12-19", r.Json.GetProperty("since").GetString());
        var text = registry.Run("status", "UZB", "csto", "--on", "2024-11-28");
        Assert.Contains("Uzbekistan: membership of the CSTO suspended (since 2012-12-19)", text.Out);
    }

    [Fact]
    public void Who_says_so_names_states_and_organizations_and_invents_no_start_date()
    {
        var r = registry.Run("status", "ARM", "csto", "--on", "2024-11-28", "--format", "json");
        var says = r.Json.GetProperty("claims").EnumerateArray().Select(c => c.GetProperty("says").GetString()).ToList();
        Assert.Contains("Armenia: participation frozen in the CSTO (since 2024-02)", says);
        Assert.Contains("Armenia: participation frozen in the CSTO (stated 2024-11-26; since 2024-02)", says);
        Assert.DoesNotContain(says, s => s!.Contains("ARM ", StringComparison.Ordinal) || s.Contains("csto", StringComparison.Ordinal));
    }

    [Fact]
    public void Orgs_of_a_state_on_a_day_lists_the_organizations_it_is_in_and_not_the_ended_ones()
    {
        var r = registry.Run("orgs", "--state", "KAZ", "--on", "2024-11-28", "--format", "json");
        Assert.True(r.ExitCode == 0, r.Err);
        var orgs = r.Json.GetProperty("organizations").EnumerateArray().Select(o => o.GetProperty("org").GetString()).ToList();
        Assert.Contains("csto", orgs);
        Assert.Contains("eaeu", orgs);
        Assert.Contains("cis", orgs);
        Assert.Contains("sco", orgs);
        Assert.DoesNotContain("eurasec", orgs);
        Assert.DoesNotContain("cst", orgs);
    }

    [Fact]
    public void The_two_astana_meetings_of_2024_11_28_have_two_ids()
    {
        var r = registry.Run("attendance", "csto", "--from", "2024-11-28", "--to", "2024-11-28", "--format", "json");
        Assert.True(r.ExitCode == 0, r.Err);
        var ids = r.Json.GetProperty("meetings").EnumerateArray().Select(m => m.GetProperty("id").GetString()).ToList();
        Assert.Equal(2, ids.Count);
        Assert.Equal(2, ids.Distinct().Count());
        Assert.All(ids, id => Assert.StartsWith("csto-2024-11-28-astana-", id));
    }
}

/// <summary>
/// The coverage acceptance checks on a registry whose UN member list is a small fixture (complete from 1945-10-24 to
/// 2019 only, two members), so that they hold whatever the shipped UN data says. The same checks on the shipped data
/// are <see cref="ShippedUnAcceptanceTests"/>.
/// </summary>
public sealed class CoverageFixture : IDisposable
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("plenary-coverage-").FullName;
    public string Db => Path.Combine(Folder, "registry.db");
    public string Data => Path.Combine(Folder, "data");

    public const string Un = """
        id: un
        name: United Nations
        acronyms: [UN]
        founded: "1945-10-24"
        headquarters: New York
        cow: { ioname: UN, ionum: 4400 }
        coverage:
          - from: "1945-10-24"
            until: "2019-12-31"
            source: un-member-states
            note: a test fixture, complete to 2019 only
        memberships:
          - state: USA
            status: member
            date: "1945-10-24"
            source: un-member-states
          - state: ARM
            status: member
            date: "1992-03-02"
            source: un-member-states
        """;

    public CoverageFixture()
    {
        Copy(Path.Combine(AppContext.BaseDirectory, "data"), Data);
        File.WriteAllText(Path.Combine(Data, "organizations", "un.yaml"), Un);
        var init = Run("init");
        if (init.ExitCode != 0) throw new InvalidOperationException($"plenary init failed: {init.Err}");
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var f in Directory.GetFiles(from)) File.Copy(f, Path.Combine(to, Path.GetFileName(f)));
        foreach (var d in Directory.GetDirectories(from)) Copy(d, Path.Combine(to, Path.GetFileName(d)));
    }

    public Plenary.Result Run(params string[] args) => Plenary.Run(new Dictionary<string, string> { ["PLENARY_DATA"] = Data }, [.. args, "--db", Db]);

    public void Dispose()
    {
        try { Directory.Delete(Folder, true); } catch (IOException) { }
    }
}

public class CoverageAcceptanceTests(CoverageFixture registry) : IClassFixture<CoverageFixture>
{
    [Fact]
    public void Usa_in_the_un_on_2024_11_28_is_a_member_since_1945_10_24()
    {
        var r = registry.Run("status", "USA", "un", "--on", "2024-11-28", "--format", "json");
        Assert.True(r.ExitCode == 0, r.Err);
        Assert.Equal("member", r.Json.GetProperty("standing").GetString());
        Assert.Equal("1945-10-24", r.Json.GetProperty("since").GetString());
        Assert.True(r.Json.GetProperty("certain").GetBoolean());
    }

    [Fact]
    public void Armenia_in_the_un_on_1990_01_01_is_not_a_member_because_the_list_is_complete_then()
    {
        var r = registry.Run("status", "ARM", "un", "--on", "1990-01-01", "--format", "json");
        Assert.True(r.ExitCode == 0, r.Err);
        Assert.Equal("not-member", r.Json.GetProperty("standing").GetString());
        Assert.Equal("complete-list", r.Json.GetProperty("basis").GetString());
        Assert.True(r.Json.GetProperty("certain").GetBoolean());
    }

    [Fact]
    public void A_pair_outside_coverage_without_a_claim_is_unknown_not_a_confident_no()
    {
        var r = registry.Run("status", "XKX", "un", "--on", "2024-11-28", "--format", "json");
        Assert.True(r.ExitCode == 0, r.Err);
        Assert.Equal("unknown", r.Json.GetProperty("standing").GetString());
        Assert.Equal("no-data", r.Json.GetProperty("basis").GetString());
        Assert.False(r.Json.GetProperty("certain").GetBoolean());
        Assert.False(r.Json.GetProperty("de_jure_member").GetBoolean());
        var text = registry.Run("status", "XKX", "un", "--on", "2024-11-28");
        Assert.Contains("Kosovo in the United Nations on 2024-11-28: unknown — no data", text.Out);
        // Inside the coverage the same state is a confident "no".
        Assert.Equal("not-member", registry.Run("status", "XKX", "un", "--on", "2010-01-01", "--format", "json").Json.GetProperty("standing").GetString());
        var timeline = registry.Run("timeline", "XKX", "un", "--format", "json").Json.GetProperty("periods").EnumerateArray()
            .Select(p => $"{p.GetProperty("standing").GetString()} {p.GetProperty("from").GetString()}").ToList();
        Assert.Equal(["not-member 1945-10-24", "unknown 2020-01-01"], timeline);
    }

    [Fact]
    public void Members_say_when_the_list_is_not_complete()
    {
        var r = registry.Run("members", "un", "--on", "2024-11-28");
        Assert.True(r.ExitCode == 0, r.Err);
        Assert.Contains("not complete on 2024-11-28", r.Out);
        Assert.True(registry.Run("members", "un", "--on", "2010-01-01", "--format", "json").Json.GetProperty("complete").GetBoolean());
    }
}

/// <summary>The acceptance checks of "say only what is known" on the shipped data (the UN's complete member list).</summary>
public class ShippedUnAcceptanceTests(ShippedRegistry registry) : IClassFixture<ShippedRegistry>
{

    [Fact]
    public void Usa_in_the_un_on_2024_11_28_is_a_member_since_1945_10_24()
    {
        var r = registry.Run("status", "USA", "un", "--on", "2024-11-28", "--format", "json");
        Assert.Equal("member", r.Json.GetProperty("standing").GetString());
        Assert.Equal("1945-10-24", r.Json.GetProperty("since").GetString());
    }

    [Fact]
    public void Armenia_in_the_un_on_1990_01_01_is_not_a_member()
    {
        var r = registry.Run("status", "ARM", "un", "--on", "1990-01-01", "--format", "json");
        Assert.Equal("not-member", r.Json.GetProperty("standing").GetString());
        Assert.Equal("complete-list", r.Json.GetProperty("basis").GetString());
    }

    [Fact]
    public void Kazakhstan_is_in_the_un_the_osce_and_the_wto()
    {
        var orgs = registry.Run("orgs", "--state", "KAZ", "--on", "2024-11-28", "--format", "json").Json.GetProperty("organizations")
            .EnumerateArray().Select(o => o.GetProperty("org").GetString()).ToList();
        foreach (var o in new[] { "un", "osce", "wto", "cis", "csto", "eaeu", "sco", "oic" }) Assert.Contains(o, orgs);
    }
}

/// <summary>The review desk's rules hold on the command line: a decision is made once.</summary>
public class ReviewDecisionTests
{
    [Fact]
    public void Accepting_a_claim_twice_is_refused_with_one_line()
    {
        using var registry = new ShippedRegistry();
        var article = Path.Combine(registry.Folder, "kgz.txt");
        File.WriteAllText(article, "Kyrgyzstan froze its participation\n\nKyrgyzstan's Foreign Ministry announced on Monday that Kyrgyzstan has frozen its participation in the Collective Security Treaty Organization.\n");
        var ingest = registry.Run("ingest", article, "--published", "2030-03-06");
        Assert.True(ingest.ExitCode == 0, ingest.Err);
        var id = registry.Run("review", "--format", "json").Json.GetProperty("claims")[0].GetProperty("id").GetString()!;

        var first = registry.Run("accept", id);
        Assert.True(first.ExitCode == 0, first.Err);
        var second = registry.Run("accept", id);
        Assert.Equal(2, second.ExitCode);
        Assert.Contains("already accepted", second.Err);
        Assert.Single(second.Err.Trim().Split('\n'));
    }
}
