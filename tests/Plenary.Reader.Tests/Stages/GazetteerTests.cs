using Plenary.Reader.Gazetteer;
using Plenary.Reader.Tests.Support;

namespace Plenary.Reader.Tests.Stages;

public sealed class GazetteerTests
{
    private static List<(string Text, MentionKind Kind, string Id)> Mentions(string text) =>
        TestReader.Doc(text).Mentions.Where(m => m.Kind != MentionKind.Person)
            .Select(m => (text[m.Start..m.EndChar], m.Kind, m.Bodies is { Count: > 0 } b ? string.Join("+", b) : m.State?.Value ?? m.Org?.Value ?? "")).ToList();

    [Fact]
    public void States_capitals_demonyms_and_metonyms_resolve_to_the_state()
    {
        var m = Mentions("Yerevan decided, the Kremlin said and Armenian partners agreed with Armenia.");
        Assert.Contains(("Yerevan", MentionKind.Capital, "ARM"), m);
        Assert.Contains(("Kremlin", MentionKind.Metonym, "RUS"), m);
        Assert.Contains(("Armenian", MentionKind.Demonym, "ARM"), m);
        Assert.Contains(("Armenia", MentionKind.State, "ARM"), m);
    }

    [Fact]
    public void Longest_match_wins_and_acronyms_need_their_case()
    {
        var m = Mentions("The Collective Security Treaty Organization (CSTO) met; the au pair stayed, the AU did not.");
        Assert.Contains(("Collective Security Treaty Organization", MentionKind.Organization, "csto"), m);
        Assert.Contains(("CSTO", MentionKind.Organization, "csto"), m);
        Assert.Contains(("AU", MentionKind.Organization, "au"), m);
        Assert.DoesNotContain(m, x => x.Text == "au");
    }

    [Fact]
    public void Coordinated_bodies_are_each_named()
    {
        var m = Mentions("The CSTO gathering of foreign, defense and security ministers is set for Thursday.");
        Assert.Contains(m, x => x.Kind == MentionKind.Body && x.Id == "csto/cfm+csto/cdm+csto/cssc");
    }

    [Fact]
    public void A_body_alias_two_organizations_share_is_resolved_by_context()
    {
        Assert.Contains(Mentions("The CIS foreign ministers met in Minsk."), x => x.Kind == MentionKind.Body && x.Id.StartsWith("cis/", StringComparison.Ordinal));
        Assert.Contains(Mentions("The CSTO foreign ministers met in Astana."), x => x.Kind == MentionKind.Body && x.Id.StartsWith("csto/", StringComparison.Ordinal));
    }

    [Fact]
    public void The_bloc_refers_back_to_the_organization_last_named()
    {
        var m = Mentions("Georgia left the CIS. The regional bloc said nothing.");
        Assert.Contains(("bloc", MentionKind.OrganizationRef, "cis"), m);
    }

    [Fact]
    public void Host_cities_come_from_the_reader_lexicon()
    {
        Assert.Contains(Mentions("The summit opens in St. Petersburg."), x => x.Kind == MentionKind.City && x.Id == "RUS");
    }
}
