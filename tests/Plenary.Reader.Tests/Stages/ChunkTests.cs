using Plenary.Core.Claims;
using Plenary.Reader.Chunks;
using Plenary.Reader.Gazetteer;
using Plenary.Reader.Tests.Support;

namespace Plenary.Reader.Tests.Stages;

/// <summary>Noun-phrase coordination, collective phrases and organizations defined in the text (sentences written for these tests).</summary>
public sealed class ChunkTests
{
    private static List<ClaimFact> Facts(string text, string published = "2024-11-27") => TestReader.Read(text, published).Claims.Select(c => c.Fact).ToList();

    private static List<string> Members(List<ClaimFact> facts, Standing status) =>
        facts.OfType<MembershipFact>().Where(m => m.Status == status).Select(m => m.State.Value).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public void A_list_of_states_with_an_article_before_the_last_one_is_one_subject()
    {
        var facts = Facts("Iran, Egypt, and the United Arab Emirates officially became full members of BRICS on Monday.");
        Assert.Equal(["ARE", "EGY", "IRN"], Members(facts, Standing.Member));
    }

    [Fact]
    public void A_list_mixes_states_persons_and_group_heads()
    {
        var doc = TestReader.Doc("The talks brought together Russian President Vladimir Putin, Indian Prime Minister Narendra Modi and the heads of state of Kazakhstan and Tajikistan.");
        int t = Enumerable.Range(0, doc.Tokens.Count).First(i => doc.Lower[i] == "russian");
        var items = new List<Mention>();
        Coordination.ListAt(doc, t, doc.Tokens.Count, items, persons: true);
        Assert.Equal(["RUS", "IND", "KAZ", "TJK"], items.Select(m => m.State!.Value.Value).ToList());
    }

    [Fact]
    public void A_counted_collective_phrase_refers_back_to_the_list_of_that_size()
    {
        var facts = Facts("Mali, Niger and Burkina Faso share a long border. In August, the three countries were invited to join the Shanghai Cooperation Organisation.");
        Assert.Equal(["BFA", "MLI", "NER"], Members(facts, Standing.Invited));
    }

    [Fact]
    public void The_country_as_an_object_refers_back_to_the_state_last_named()
    {
        var facts = Facts("Gabon had a coup last year. The African Union suspended the country within days.");
        Assert.Equal(["GAB"], Members(facts, Standing.Suspended));
    }

    [Fact]
    public void A_sentence_without_an_organization_takes_the_one_the_passage_is_about()
    {
        var facts = Facts("The Association of Southeast Asian Nations has grown since 1967. Cambodia joined in 1999, the last before a long pause.");
        var m = Assert.Single(facts.OfType<MembershipFact>());
        Assert.Equal(("KHM", "asean", Standing.Member, "1999"), (m.State.Value, m.Org.Value, m.Status, m.Date?.ToString()));
    }

    [Fact]
    public void An_organization_defined_with_its_acronym_gets_the_acronym_as_id()
    {
        var facts = Facts("Argentina left the Pacific Fisheries Cooperation Council (PFCC) in 2021. Brazil quit PFCC a year later.");
        Assert.Contains(facts, f => f is MembershipFact { Org.Value: "pfcc", State.Value: "ARG", Status: Standing.Withdrawn });
        Assert.Contains(facts, f => f is MembershipFact { Org.Value: "pfcc", State.Value: "BRA", Status: Standing.Withdrawn });
    }

    [Fact]
    public void A_defined_organization_keeps_the_demonym_inside_its_name()
    {
        var facts = Facts("Argentina quit the Council of South American Ports (CSAP) in 2018.");
        Assert.Contains(facts, f => f is MembershipFact { Org.Value: "csap", State.Value: "ARG", Status: Standing.Withdrawn });
    }

    [Theory]
    [InlineData("The Association of Southeast Asian Nations welcomed Cambodia as its tenth member.", "KHM", "asean")]
    [InlineData("Ethiopia was formally accepted as a full member of the African Union, officials said.", "ETH", "au")]
    [InlineData("Mexico's accession as a full member of APEC was confirmed.", "MEX", "apec")]
    [InlineData("Ministers voted to readmit Egypt to the African Union.", "EGY", "au")]
    [InlineData("The BRICS membership of Iran officially took effect on Monday.", "IRN", "brics")]
    public void Admissions_nominalizations_and_readmissions_are_membership(string text, string state, string org) =>
        Assert.Contains(Facts(text), f => f is MembershipFact m && m.State.Value == state && m.Org.Value == org && m.Status == Standing.Member);

    [Fact]
    public void It_after_a_reporting_clause_is_the_reporting_subject()
    {
        var facts = Facts("After the meeting, the Nigerian Foreign Ministry said it would suspend its ECOWAS membership.");
        Assert.Contains(facts, f => f is MembershipFact { State.Value: "NGA", Org.Value: "ecowas", Status: Standing.ParticipationFrozen });
    }

    [Theory]
    [InlineData("Ukraine renewed its bid to join NATO.")]
    [InlineData("Since it quit the bloc in 2019, the country has traded less. Brazil is large.")]
    public void Intentions_and_unresolved_pronouns_are_no_membership(string text) =>
        Assert.DoesNotContain(Facts(text), f => f is MembershipFact { Status: Standing.Member or Standing.Withdrawn });
}
