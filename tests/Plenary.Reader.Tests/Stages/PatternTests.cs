using Plenary.Core.Claims;
using Plenary.Reader.Tests.Support;

namespace Plenary.Reader.Tests.Stages;

public sealed class PatternTests
{
    private static List<ClaimFact> Facts(string text, string published = "2024-11-27") => TestReader.Read(text, published).Claims.Select(c => c.Fact).ToList();

    [Fact]
    public void Will_not_be_represented_is_a_planned_absence()
    {
        var r = TestReader.Read("The CSTO ministerial meeting is set for Thursday in Astana. Armenia will not be represented at the CSTO ministerial meeting.");
        var a = Assert.Single(r.Claims, c => c.Fact is AttendanceFact);
        var fact = (AttendanceFact)a.Fact;
        Assert.Equal(("ARM", AttendanceKind.Absent, "2024-11-28", "Astana"), (fact.State.Value, fact.Attendance, fact.MeetingDate?.ToString(), fact.Place));
        Assert.Equal(Modality.Planned, a.Modality);
        var meeting = Assert.Single(r.Claims, c => c.Fact is MeetingFact);
        Assert.Equal(MeetingStatus.Scheduled, ((MeetingFact)meeting.Fact).Status);
    }

    [Fact]
    public void Without_a_publication_date_the_tense_of_the_meetings_time_words_decides_its_status()
    {
        const string Text = "Armenia chose not to take part in a gathering of the group’s foreign, defense and security ministers set for Thursday in Kazakhstan’s capital, Astana.";
        var undated = TestReader.Read(Text, published: null).Claims.Select(c => c.Fact).OfType<MeetingFact>().Single();
        Assert.Null(undated.Date);
        Assert.Equal(MeetingStatus.Scheduled, undated.Status);
        var dated = TestReader.Read(Text).Claims.Select(c => c.Fact).OfType<MeetingFact>().Single();
        Assert.Equal(("2024-11-28", MeetingStatus.Scheduled), (dated.Date?.ToString(), dated.Status));
    }

    [Theory]
    [InlineData("Armenia could freeze its participation in the CSTO.")]
    [InlineData("Officials hope that Armenia will not quit the CSTO.")]
    [InlineData("Armenia may leave the CSTO next year.")]
    [InlineData("Mali threatened to quit ECOWAS.")]
    [InlineData("If Armenia left the CSTO, Russia would react.")]
    [InlineData("The Armenian premier said Armenia would have left the CSTO anyway.")]
    public void Hopes_threats_and_hypotheticals_are_no_claims(string text) =>
        Assert.DoesNotContain(Facts(text), f => f is MembershipFact);

    [Theory]
    [InlineData("Armenia has frozen its participation in the CSTO.", "ARM", "csto", Standing.ParticipationFrozen)]
    [InlineData("Georgia and Ukraine have already quit the CIS.", "UKR", "cis", Standing.Withdrawn)]
    [InlineData("The Council of Europe on Wednesday expelled Russia.", "RUS", "coe", Standing.Expelled)]
    [InlineData("ECOWAS has formally suspended the Republic of Niger from all bodies.", "NER", "ecowas", Standing.Suspended)]
    [InlineData("Angola will exit the Organization of Petroleum Exporting Countries (OPEC).", "AGO", "opec", Standing.WithdrawalAnnounced)]
    [InlineData("Rwanda became a member of the Commonwealth in 2009.", "RWA", "commonwealth", Standing.Member)]
    [InlineData("East Timor applied for ASEAN membership in 2011.", "TLS", "asean", Standing.Applied)]
    [InlineData("Pretoria as an ICC member would be expected to act.", "ZAF", "icc", Standing.Member)]
    public void Membership_triggers_find_state_organization_and_status(string text, string state, string org, Standing status) =>
        Assert.Contains(Facts(text), f => f is MembershipFact m && m.State.Value == state && m.Org.Value == org && m.Status == status);

    [Fact]
    public void A_chair_verb_with_a_pronoun_names_the_person_last_mentioned()
    {
        var facts = Facts("Prime Minister Nikol Pashinyan’s office announced Wednesday that he would chair the upcoming EEU session, scheduled to take place in St. Petersburg, Russia next month.");
        var chair = Assert.Single(facts.OfType<ChairFact>());
        Assert.Equal(("eaeu", "ARM", "Nikol Pashinyan", "2024-12", ChairScope.Session), (chair.Org.Value, chair.State.Value, chair.Person, chair.Date?.ToString(), chair.Scope));
        var meeting = Assert.Single(facts.OfType<MeetingFact>());
        Assert.Equal(("Saint Petersburg", "RUS"), (meeting.Place, meeting.Country?.Value));
    }

    [Fact]
    public void A_fact_stated_twice_is_one_claim_with_both_evidence_spans()
    {
        var r = TestReader.Read("Yerevan remains a full member of the CSTO. Armenia retains membership in the organization.");
        var m = Assert.Single(r.Claims, c => c.Fact is MembershipFact);
        Assert.Equal(2, m.Evidence.Count);
    }
}
