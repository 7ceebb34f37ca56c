using Plenary.Core.Claims;
using Plenary.Reader.Tests.Support;

namespace Plenary.Reader.Tests.Stages;

/// <summary>General rules added for news the reader was not built on (sentences written for these tests).</summary>
public sealed class GeneralRuleTests
{
    private static List<ClaimFact> Facts(string text, string? published = "2024-11-27") => TestReader.Read(text, published).Claims.Select(c => c.Fact).ToList();

    [Fact]
    public void A_quotation_right_after_another_attribution_is_the_same_speaker()
    {
        var facts = Facts("Italian Foreign Minister Rui Falcao met reporters in Rome.\n“The talks on the NATO budget went well,” Falcao said on Monday. “We expect an agreement within a few weeks.”");
        var s = facts.OfType<StatementFact>().ToList();
        Assert.Equal(2, s.Count);
        Assert.All(s, x => Assert.Equal(("Rui Falcao", "2024-11-25"), (x.Speaker, x.Date?.ToString())));
    }

    [Fact]
    public void A_quotation_on_the_next_line_after_an_attribution_is_the_same_speaker()
    {
        var facts = Facts("“Our country will stay in the alliance for good,” Swedish Prime Minister Niamh Kelly said in Stockholm.\n“Nobody should doubt our commitment to NATO and to its members.”");
        Assert.Equal(["Niamh Kelly", "Niamh Kelly"], facts.OfType<StatementFact>().Select(x => x.Speaker).ToList());
    }

    [Fact]
    public void A_quotation_after_another_person_is_named_is_not_continued()
    {
        var facts = Facts("“The talks on the NATO budget went well,” Italian Foreign Minister Rui Falcao said. Swedish Prime Minister Niamh Kelly disagreed. “We expect nothing from these meetings of NATO ministers.”");
        Assert.DoesNotContain(facts.OfType<StatementFact>(), x => x.Speaker == "Rui Falcao" && x.Quote.StartsWith("We expect", StringComparison.Ordinal));
    }

    [Fact]
    public void An_ambassador_to_the_bloc_is_a_title_before_a_name()
    {
        var doc = TestReader.Doc("The NATO summit opened. Rome’s ambassador to the bloc, Marta Reis, met the press.");
        var e = Assert.Single(doc.Entities);
        Assert.Equal(("Marta Reis", "ITA"), (e.Name, e.State?.Value));
    }
}
