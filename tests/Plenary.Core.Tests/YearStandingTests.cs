using Plenary.Core.Claims;
using Plenary.Core.Ids;
using Plenary.Core.Standings;
using Plenary.Core.Time;

namespace Plenary.Core.Tests;

public class YearStandingTests
{
    private static IReadOnlyList<StandingPeriod> Periods(params (Standing S, string Date)[] changes) =>
        StandingDerivation.Derive(changes.Select((c, i) => new Claim
        {
            Id = $"c{i}", SourceId = "s", RecordedAt = DateTimeOffset.UnixEpoch, RecordedBy = "t", Sequence = i,
            Fact = new MembershipFact(StateId.Parse("ARM"), OrgId.Parse("csto"), c.S, EdtfDate.Parse(c.Date)),
        })).Periods;

    [Fact]
    public void A_year_takes_the_standing_of_most_of_its_days()
    {
        var p = Periods((Standing.Member, "2002-10-07"), (Standing.ParticipationFrozen, "2024-02-22"), (Standing.Withdrawn, "2025-09-01"));
        Assert.Equal(Standing.NotMember, YearStanding.Of(p, 2001));
        Assert.Equal(Standing.NotMember, YearStanding.Of(p, 2002)); // a member from October: less than half the year
        Assert.Equal(Standing.Member, YearStanding.Of(p, 2003));
        Assert.Equal(Standing.ParticipationFrozen, YearStanding.Of(p, 2024));
        Assert.Equal(Standing.ParticipationFrozen, YearStanding.Of(p, 2025));
        Assert.Equal(Standing.Withdrawn, YearStanding.Of(p, 2026));
    }

    [Fact]
    public void Days_without_a_standing_count_as_not_a_member_and_ties_go_to_the_later_standing()
    {
        Assert.Equal(Standing.NotMember, YearStanding.Of([], 2000));
        // 2023-07-02 is day 183 of 365: 182 days before, 183 from it.
        Assert.Equal(Standing.Member, YearStanding.Of(Periods((Standing.Member, "2023-07-02")), 2023));
        Assert.Equal(Standing.NotMember, YearStanding.Of(Periods((Standing.Member, "2023-07-04")), 2023));
        // 2024 has 366 days: from 2024-07-02, 183 against 183: the later standing.
        Assert.Equal(Standing.Member, YearStanding.Of(Periods((Standing.Member, "2024-07-02")), 2024));
    }
}
