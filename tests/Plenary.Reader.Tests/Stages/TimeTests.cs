using Plenary.Reader.Tests.Support;

namespace Plenary.Reader.Tests.Stages;

public sealed class TimeTests
{
    /// <summary>The value of the time expression whose text is <paramref name="expression"/>.</summary>
    private static string? Resolve(string text, string expression, string? published = "2024-11-27")
    {
        var doc = TestReader.Doc(text, published);
        var t = doc.Times.Single(x => doc.Text[x.Start..x.EndChar] == expression);
        return t.Value?.ToString();
    }

    [Theory]
    [InlineData("The ministry announced on Monday that it agreed.", "Monday", "2024-11-25")]
    [InlineData("A gathering set for Thursday in Astana.", "Thursday", "2024-11-28")]
    [InlineData("Ushakov said on Tuesday that it was so.", "Tuesday", "2024-11-26")]
    [InlineData("The office announced Wednesday that he would chair.", "Wednesday", "2024-11-27")]
    [InlineData("The session will take place next month.", "next month", "2024-12")]
    [InlineData("Earlier this year, he said so.", "Earlier this year", "2024")]
    [InlineData("It was decided today.", "today", "2024-11-27")]
    [InlineData("The summit is scheduled for November 23 in Minsk.", "November 23", "2025-11-23")]
    [InlineData("It happened on Dec. 10, 2023, in Abuja.", "Dec. 10, 2023", "2023-12-10")]
    [InlineData("The caption is dated 24 August 2023.", "24 August 2023", "2023-08-24")]
    [InlineData("It joined the bloc in December 1993.", "December 1993", "1993-12")]
    [InlineData("Rwanda became a member in 2009.", "2009", "2009")]
    [InlineData("It declared it would quit last August.", "last August", "2024-08")]
    [InlineData("The process started five years ago.", "five years ago", "2019")]
    [InlineData("The meeting is to be held in Minsk on April 12.", "April 12", "2025-04-12")]
    [InlineData("The ministerial meeting in June agreed quotas.", "June", "2024-06")]
    public void Relative_and_explicit_dates_resolve_against_publication(string text, string expression, string expected) =>
        Assert.Equal(expected, Resolve(text, expression));

    [Theory]
    [InlineData("The summit is scheduled for November 23 in Minsk.", "November 23", "2023-11-15", "2023-11-23")]
    [InlineData("It declared to quit it last August.", "last August", "2009-08-19", "2008-08")]
    [InlineData("Putin will not attend the BRICS summit in South Africa in August.", "August", "2023-07-19", "2023-08")]
    [InlineData("The group's latest meeting on Dec. 4 was postponed.", "Dec. 4", "2023-12-21", "2023-12-04")]
    public void The_year_follows_tense_and_nearness(string text, string expression, string published, string expected) =>
        Assert.Equal(expected, Resolve(text, expression, published));

    [Theory]
    [InlineData("In January, the two republics announced that they were leaving the union.", "January", "2024-01")]
    [InlineData("In January, the two republics will leave the union.", "January", "2025-01")]
    [InlineData("By March, the council had approved the request.", "March", "2024-03")]
    public void A_time_opening_its_sentence_takes_the_tense_of_the_clause_it_opens(string text, string expression, string expected) =>
        Assert.Equal(expected, Resolve(text, expression));

    [Theory]
    [InlineData("Monday", "2024-11-25")]
    [InlineData("Tuesday", "2024-11-26")]
    [InlineData("Wednesday", "2024-11-27")]
    [InlineData("Thursday", "2024-11-21")]
    [InlineData("Friday", "2024-11-22")]
    [InlineData("Saturday", "2024-11-23")]
    [InlineData("Sunday", "2024-11-24")]
    public void Every_weekday_is_a_time_and_a_word_ending_alike_is_none(string weekday, string expected)
    {
        // published on a Wednesday; a past report's weekday is the last such day up to publication
        Assert.Equal(expected, Resolve($"The envoys met on {weekday} after the Holiday and the Birthday of the king.", weekday));
        var doc = TestReader.Doc($"The envoys met on {weekday} after the Holiday and the Birthday of the king.", "2024-11-27");
        Assert.Single(doc.Times);
    }

    [Fact]
    public void Without_a_publication_date_relative_dates_stay_unresolved()
    {
        Assert.Null(Resolve("The ministry announced on Monday that it agreed.", "Monday", null));
        Assert.Equal("2023-12-10", Resolve("It happened on Dec. 10, 2023.", "Dec. 10, 2023", null));
    }

    [Fact]
    public void A_week_across_two_months_has_no_month()
    {
        Assert.Equal("2024-04", Resolve("They met last week.", "last week", "2024-04-09"));
        Assert.Null(Resolve("They met last week.", "last week", "2024-12-03"));
    }
}
