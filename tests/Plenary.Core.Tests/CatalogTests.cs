using Plenary.Core.Ids;
using Plenary.Core.Registry;

namespace Plenary.Core.Tests;

public class CatalogTests
{
    private static Organization Org(string id, string name, params string[] acronyms) =>
        new(OrgId.Parse(id), name, acronyms, [], null, null, null, [], [], []);

    private static readonly Catalog Catalog = new(
        [new State(StateId.Parse("ARM"), "Armenia", Aliases: ["Republic of Armenia"]), new State(StateId.Parse("AZE"), "Azerbaijan")],
        [Org("opec", "Organization of the Petroleum Exporting Countries", "OPEC"), Org("opec-plus", "OPEC+", "OPEC Plus"), Org("csto", "Collective Security Treaty Organization", "CSTO")],
        [], []);

    [Theory]
    [InlineData("opec", "opec")]
    [InlineData("OPEC", "opec")]
    [InlineData("OPEC+", "opec-plus")]
    [InlineData("opec-plus", "opec-plus")]
    [InlineData("collective security treaty organisation", null)]
    [InlineData("Collective  Security Treaty Organization", "csto")]
    public void Organizations_resolve_by_id_acronym_or_name(string text, string? id)
    {
        var r = Catalog.ResolveOrganization(text);
        Assert.Equal(id, r.Id?.Value);
        if (id is null) Assert.Contains("closest: Collective Security Treaty Organization (csto)", r.Error);
    }

    [Fact]
    public void States_resolve_by_id_name_or_alias_and_typos_get_suggestions()
    {
        Assert.Equal("ARM", Catalog.ResolveState("ARM").Id?.Value);
        Assert.Equal("ARM", Catalog.ResolveState("republic of armenia").Id?.Value);
        var miss = Catalog.ResolveState("Armenai");
        Assert.Null(miss.Id);
        Assert.Equal("unknown state 'Armenai'; closest: Armenia (ARM)", miss.Error);
        Assert.Equal("unknown state 'Atlantis'", Catalog.ResolveState("Atlantis").Error);
    }
}
