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
    [InlineData("csto", "2024-11-28", "ARM,BLR,KAZ,KGZ,RUS,TJK")]
    [InlineData("csto", "2004-01-01", "ARM,BLR,KAZ,KGZ,RUS,TJK")]
    [InlineData("csto", "2008-01-01", "ARM,BLR,KAZ,KGZ,RUS,TJK,UZB")]
    [InlineData("eaeu", "2015-01-01", "BLR,KAZ,RUS")]
    [InlineData("eaeu", "2015-09-01", "ARM,BLR,KAZ,KGZ,RUS")]
    public void Members_on_a_day(string org, string on, string expected)
    {
        var r = registry.Run("members", org, "--on", on, "--format", "json");
        Assert.True(r.ExitCode == 0, r.Err);
        Assert.Equal(expected.Split(','), States(r.Json.GetProperty("members")));
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
        Assert.Equal("not-member", r.Json.GetProperty("standing").GetString());
    }
}
