using Plenary.Core.Claims;
using Plenary.Core.Ids;
using Plenary.Core.Registry;
using Plenary.Core.Standings;
using Plenary.Core.Time;

namespace Plenary.Core.Tests;

public class AskedTimeTests
{
    [Theory]
    [InlineData("2016", DatePrecision.Year)]
    [InlineData("2016-05", DatePrecision.Month)]
    [InlineData("2016-05-09", DatePrecision.Day)]
    public void A_period_is_a_year_a_month_or_a_day(string text, DatePrecision precision)
    {
        Assert.True(AskedTime.TryPeriod(text, out var p, out var error));
        Assert.Null(error);
        Assert.Equal(precision, p.Precision);
    }

    [Theory]
    [InlineData("yesterday", "expected YYYY, YYYY-MM or YYYY-MM-DD")]
    [InlineData("2016-13", "month 13")]
    [InlineData("2023-02-29", "has 28 days")]
    public void A_period_that_is_no_date_says_what_was_expected(string text, string why)
    {
        Assert.False(AskedTime.TryPeriod(text, out _, out var error));
        Assert.Contains(why, error);
    }

    [Fact]
    public void A_day_question_given_a_year_says_it_is_about_one_day()
    {
        Assert.False(AskedTime.TryDay("2016", out _, out var error));
        Assert.Equal("'2016' is a year, and this question is about one day: expected YYYY-MM-DD", error);
        Assert.True(AskedTime.TryDay("2016-02-29", out var d, out _));
        Assert.Equal(new DateOnly(2016, 2, 29), d);
    }

    [Fact]
    public void A_knowledge_time_is_the_end_of_the_period_or_an_iso_time()
    {
        Assert.True(AskedTime.TryKnownAt("2016", out var year, out _));
        Assert.Equal(new DateTimeOffset(2016, 12, 31, 23, 59, 59, 999, TimeSpan.Zero), year);
        Assert.True(AskedTime.TryKnownAt("2016-03-01T10:00:00+02:00", out var t, out _));
        Assert.Equal(new DateTimeOffset(2016, 3, 1, 8, 0, 0, TimeSpan.Zero), t);
        Assert.False(AskedTime.TryKnownAt("soon", out _, out var error));
        Assert.Equal("'soon' is not a time: expected YYYY, YYYY-MM, YYYY-MM-DD or an ISO 8601 date and time", error);
    }
}

public class StandingDuringTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private int _seq;

    private Claim C(Standing s, string date) => new()
    {
        Id = $"c{_seq}", Fact = new MembershipFact(StateId.Parse("ARM"), OrgId.Parse("xu"), s, EdtfDate.Parse(date)),
        SourceId = "src", RecordedAt = T0, RecordedBy = "test", Review = ReviewState.Accepted, Sequence = _seq++,
    };

    private static readonly Organization Union = new(OrgId.Parse("xu"), "XU", [], [], EdtfDate.Parse("1990"), null, null, [], [], [], Coverage: []);

    [Fact]
    public void A_standing_that_held_all_year_is_one_part_from_its_own_start()
    {
        var h = StandingDerivation.Derive([C(Standing.Member, "1995-04-01")]);
        var during = OrganizationStanding.During(h, Union, EdtfDate.Parse("2016"));
        var part = Assert.Single(during.Parts);
        Assert.False(during.Changed);
        Assert.Equal(Standing.Member, part.Standing);
        Assert.Equal(EdtfDate.Parse("1995-04-01"), part.From);
        Assert.Null(part.Until);
    }

    [Fact]
    public void A_change_during_the_year_gives_each_standing_part_of_it()
    {
        var h = StandingDerivation.Derive([C(Standing.Member, "1995-04-01"), C(Standing.Suspended, "2016-07-15"), C(Standing.Member, "2017-03-01")]);
        var during = OrganizationStanding.During(h, Union, EdtfDate.Parse("2016"));
        Assert.True(during.Changed);
        Assert.Equal("year", during.PeriodWord);
        Assert.Equal([Standing.Member, Standing.Suspended], during.Parts.Select(p => p.Standing));
        Assert.Equal(EdtfDate.Parse("2016-07-15"), during.Parts[0].Until);
        Assert.Equal(EdtfDate.Parse("2016-07-15"), during.Parts[1].From);
        // The reinstatement of 2017 is past the year's end: the last part is open.
        Assert.Null(during.Parts[1].Until);
    }

    [Fact]
    public void A_confirmation_of_the_same_standing_is_no_change()
    {
        var h = StandingDerivation.Derive([C(Standing.Member, "1995-04-01"), C(Standing.Member, "2016-06-01")]);
        var during = OrganizationStanding.During(h, Union, EdtfDate.Parse("2016"));
        Assert.False(during.Changed);
        Assert.Equal(Standing.Member, Assert.Single(during.Parts).Standing);
    }

    [Fact]
    public void The_founding_year_is_part_not_a_member_then_unknown()
    {
        var during = OrganizationStanding.During(StandingDerivation.Derive([]), new Organization(OrgId.Parse("xu"), "XU", [], [], EdtfDate.Parse("1990-07-01"), null, null, [], [], [], Coverage: []), EdtfDate.Parse("1990"));
        Assert.Equal([Standing.NotMember, Standing.Unknown], during.Parts.Select(p => p.Standing));
        Assert.Equal(StandingBasis.NotFounded, during.Parts[0].Basis);
    }

    [Fact]
    public void A_span_says_whole_or_part_of_the_period_with_its_dates()
    {
        Assert.Equal("the whole year (since 2002-10-07)", StandingDuring.Span(EdtfDate.Parse("2016"), EdtfDate.Parse("2002-10-07"), null, whole: true));
        Assert.Equal("part of the year (from 2024-02)", StandingDuring.Span(EdtfDate.Parse("2024"), EdtfDate.Parse("2024-02"), null, whole: false));
        Assert.Equal("part of the month (since 2002-10-07 until 2024-02-15)", StandingDuring.Span(EdtfDate.Parse("2024-02"), EdtfDate.Parse("2002-10-07"), EdtfDate.Parse("2024-02-15"), whole: false));
    }
}
