using System.Text.Json;
using System.Text.Json.Serialization;
using Plenary.Core.Claims;
using Plenary.Core.Json;
using Plenary.Core.Standings;

namespace Plenary.Core.Tests;

/// <summary>
/// Enum wire names are System.Text.Json's kebab-case policy; reading stays strict (WireName): the framework's
/// JsonStringEnumConverter also takes other spellings, so it cannot replace the domain's converter.
/// </summary>
public class WireNameTests
{
    [Fact]
    public void Wire_names_are_the_kebab_case_policy_of_every_domain_enum()
    {
        Assert.Equal("participation-frozen", WireName.Of(Standing.ParticipationFrozen));
        Assert.Equal("no-data", WireName.Of(StandingBasis.NoData));
        foreach (var s in Enum.GetValues<Standing>()) Assert.Equal(JsonNamingPolicy.KebabCaseLower.ConvertName(s.ToString()), WireName.Of(s));
    }

    [Theory]
    [InlineData("\"ParticipationFrozen\"")]
    [InlineData("\"PARTICIPATION-FROZEN\"")]
    [InlineData("\"froze\"")]
    [InlineData("3")]
    public void Reading_refuses_every_other_spelling_with_the_names_allowed(string json)
    {
        var e = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Standing>(json, DomainJson.Options));
        Assert.Contains("is not one of applied, invited, invitation-declined, member,", e.Message);
    }

    [Fact]
    public void The_frameworks_converter_is_not_strict_enough()
    {
        var framework = new JsonSerializerOptions { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false) } };
        Assert.Equal(Standing.ParticipationFrozen, JsonSerializer.Deserialize<Standing>("\"participation-frozen\"", framework));
        // Another spelling is taken as the same value: a typo in data would pass unnoticed.
        Assert.Equal(Standing.ParticipationFrozen, JsonSerializer.Deserialize<Standing>("\"ParticipationFrozen\"", framework));
    }
}
