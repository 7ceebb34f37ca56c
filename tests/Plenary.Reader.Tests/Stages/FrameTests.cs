using Plenary.Core.Claims;
using Plenary.Reader.Tests.Support;

namespace Plenary.Reader.Tests.Stages;

/// <summary>Attendance over lists, chair frames and the names they need (sentences written for these tests).</summary>
public sealed class FrameTests
{
    private static List<ClaimFact> Facts(string text, string published = "2024-11-27") => TestReader.Read(text, published).Claims.Select(c => c.Fact).ToList();

    [Fact]
    public void Every_person_of_a_list_before_the_trigger_attends_with_their_state()
    {
        var facts = Facts("The SCO summit will open in Astana on Thursday. Kazakh President Kassym-Jomart Tokayev, German Chancellor Hans Keller and Indian Prime Minister Raj Mehta will be in attendance.");
        var a = facts.OfType<AttendanceFact>().OrderBy(x => x.State.Value, StringComparer.Ordinal).ToList();
        Assert.Equal(["DEU", "IND", "KAZ"], a.Select(x => x.State.Value).ToList());
        Assert.All(a, x => Assert.Equal(("2024-11-28", AttendanceKind.Present), (x.MeetingDate?.ToString(), x.Attendance)));
        Assert.Equal("Hans Keller", a[0].Person);
    }

    [Fact]
    public void A_list_after_the_trigger_with_group_heads_attends()
    {
        var facts = Facts("The BRICS summit in Kazan on Tuesday brought together leaders from across the world, including Brazilian President Ana Costa and the heads of state of Egypt and Ethiopia.");
        Assert.Equal(["BRA", "EGY", "ETH"], facts.OfType<AttendanceFact>().Select(x => x.State.Value).Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public void An_attendance_takes_the_date_of_the_same_meeting_dated_elsewhere()
    {
        var facts = Facts("Leaders gather for the ASEAN summit.\nThe ASEAN summit in Vientiane opened on Monday. Leaders from Cambodia and Thailand arrived for the ASEAN summit.");
        Assert.All(facts.OfType<AttendanceFact>(), a => Assert.Equal("2024-11-25", a.MeetingDate?.ToString()));
        Assert.Equal(2, facts.OfType<AttendanceFact>().Count());
    }

    [Theory]
    [InlineData("At the ASEAN meeting, Thailand, which holds the 10-member regional bloc's rotating chair, spoke first.", "THA", "asean")]
    [InlineData("Angolan President Tomas Silva on Sunday took over the rotating African Union (AU) chairmanship.", "AGO", "au")]
    [InlineData("Brazil, as the current rotating chair of BRICS, invited the guests.", "BRA", "brics")]
    [InlineData("Under the chairmanship of Laos, the Association of Southeast Asian Nations met twice.", "LAO", "asean")]
    [InlineData("Mercosur leaders praised Brazil's pro-tempore presidency.", "BRA", "mercosur")]
    public void Chair_frames_find_the_state_and_organization(string text, string state, string org) =>
        Assert.Contains(Facts(text), f => f is ChairFact c && c.State.Value == state && c.Org.Value == org && c.Scope == ChairScope.Term);

    [Fact]
    public void As_well_as_the_chair_does_not_make_the_list_before_it_chair()
    {
        var facts = Facts("The BRICS summit was attended by the presidents of Egypt and Iran, as well as the current chair of BRICS, Brazilian President Ana Costa.");
        Assert.DoesNotContain(facts, f => f is ChairFact c && c.State.Value is "EGY" or "IRN");
    }

    [Fact]
    public void A_name_spelled_with_co_operation_is_the_same_organization()
    {
        var facts = Facts("Kyrgyzstan left the Organization for Security and Cooperation in Europe in 2022.");
        Assert.Contains(facts, f => f is MembershipFact { Org.Value: "osce", State.Value: "KGZ" });
    }

    [Theory]
    [InlineData("Gabon said it had stopped paying dues after effectively suspending its membership in the Economic Community of Central African States.", "GAB", "eccas", Standing.ParticipationFrozen)]
    [InlineData("Moldova intends to withdraw from the Commonwealth of Independent States, its foreign minister said.", "MDA", "cis", Standing.WithdrawalAnnounced)]
    public void Own_steps_and_intentions_announced_are_membership(string text, string state, string org, Standing status) =>
        Assert.Contains(Facts(text), f => f is MembershipFact m && m.State.Value == state && m.Org.Value == org && m.Status == status);

    [Fact]
    public void In_the_absence_of_a_leader_the_state_is_absent()
    {
        var facts = Facts("The Mercosur summit in Asuncion on Monday went ahead in the absence of Brazilian President Ana Costa.");
        var a = Assert.Single(facts.OfType<AttendanceFact>());
        Assert.Equal(("BRA", AttendanceKind.Absent, "Ana Costa"), (a.State.Value, a.Attendance, a.Person));
    }

    [Fact]
    public void An_invitation_to_attend_is_no_attendance_of_the_host()
    {
        var facts = Facts("The Arab League summit opens in Cairo on Friday. Egypt invited Iran to attend the summit.");
        Assert.DoesNotContain(facts, f => f is AttendanceFact { State.Value: "EGY" });
    }

    [Fact]
    public void A_speaker_named_later_by_the_given_name_alone_and_a_tweet_are_statements()
    {
        var facts = Facts("Malaysian Prime Minister Amir Hakim opened the ASEAN summit.\n“Our region is one family,” Amir said.\n“The hard work of the presidency starts today,” Belgian Prime Minister Jan De Smet tweeted.");
        var st = facts.OfType<StatementFact>().ToList();
        Assert.Contains(st, s => s.Speaker == "Amir Hakim" && s.SpeakerState?.Value == "MYS");
        Assert.Contains(st, s => s.Speaker == "Jan De Smet" && s.SpeakerState?.Value == "BEL");
    }

    [Fact]
    public void A_hyphenated_given_name_stays_whole()
    {
        var facts = Facts("“We stay in the union for good,” Kazakh President Kassym-Jomart Tokayev said on Monday.");
        Assert.Contains(facts, f => f is StatementFact { Speaker: "Kassym-Jomart Tokayev" });
    }
}
