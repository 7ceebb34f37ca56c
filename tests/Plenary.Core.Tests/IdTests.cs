using Plenary.Core.Ids;
using Plenary.Core.Text;

namespace Plenary.Core.Tests;

public class IdTests
{
    [Theory]
    [InlineData("ARM", true)]
    [InlineData("SUN", true)]
    [InlineData("arm", false)]
    [InlineData("AR", false)]
    [InlineData("ARME", false)]
    [InlineData("A1M", false)]
    [InlineData(null, false)]
    public void State_ids_are_three_capital_letters(string? text, bool ok) => Assert.Equal(ok, StateId.TryParse(text, out _));

    [Theory]
    [InlineData("csto", true)]
    [InlineData("opec-plus", true)]
    [InlineData("cis-ipa", true)]
    [InlineData("CSTO", false)]
    [InlineData("-csto", false)]
    [InlineData("cs to", false)]
    [InlineData("", false)]
    public void Organization_ids_are_lower_case_slugs(string text, bool ok) => Assert.Equal(ok, OrgId.TryParse(text, out _));

    [Fact]
    public void Body_ids_name_their_organization()
    {
        var b = BodyId.Parse("csto/cfm");
        Assert.Equal("csto", b.Org.Value);
        Assert.Equal("cfm", b.Name);
        Assert.Equal("csto/cfm", b.ToString());
        Assert.False(BodyId.TryParse("csto", out _));
        Assert.False(BodyId.TryParse("/cfm", out _));
        Assert.False(BodyId.TryParse("csto/", out _));
    }

    [Fact]
    public void Person_ids_come_from_names_without_accents()
    {
        Assert.Equal("nikol-pashinyan", PersonId.FromName("Nikol Pashinyan").Value);
        Assert.Equal("recep-tayyip-erdogan", PersonId.FromName("Recep Tayyip Erdoğan").Value);
    }

    [Fact]
    public void Name_folding_ignores_case_accents_and_punctuation()
    {
        Assert.Equal(NameFolding.Fold("Saint-Pétersbourg"), NameFolding.Fold("saint petersbourg"));
        Assert.Equal("cote divoire", NameFolding.Fold("Côte d’Ivoire"));
        Assert.Equal(2, NameFolding.Distance("armenai", "armenia"));
        Assert.Equal("opec plus", NameFolding.Fold("OPEC+"));
        Assert.NotEqual(NameFolding.Fold("OPEC"), NameFolding.Fold("OPEC+"));
    }
}
