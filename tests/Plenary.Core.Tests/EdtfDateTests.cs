using Plenary.Core.Time;

namespace Plenary.Core.Tests;

public class EdtfDateTests
{
    [Theory]
    [InlineData("2024", DatePrecision.Year)]
    [InlineData("2024-02", DatePrecision.Month)]
    [InlineData("2024-02-29", DatePrecision.Day)]
    public void Parses_and_formats_each_precision(string text, DatePrecision precision)
    {
        var d = EdtfDate.Parse(text);
        Assert.Equal(precision, d.Precision);
        Assert.Equal(text, d.ToString());
    }

    [Theory]
    [InlineData("2024-13-45", "month 13")]
    [InlineData("2023-02-29", "has 28 days")]
    [InlineData("2024-04-31", "has 30 days")]
    [InlineData("24-01-01", "expected YYYY")]
    [InlineData("2024/01/01", "expected YYYY")]
    [InlineData("0000", "0000")]
    [InlineData("", "required")]
    [InlineData("2024-00", "month 00")]
    public void Refuses_impossible_dates_saying_why(string text, string why)
    {
        Assert.False(EdtfDate.TryParse(text, out _, out var error));
        Assert.Contains(why, error);
        Assert.Throws<FormatException>(() => EdtfDate.Parse(text));
    }

    [Fact]
    public void A_coarse_date_spans_its_whole_period()
    {
        var feb = EdtfDate.Parse("2024-02");
        Assert.Equal(new DateOnly(2024, 2, 1), feb.Start);
        Assert.Equal(new DateOnly(2024, 2, 29), feb.End);
        var year = EdtfDate.Parse("2023");
        Assert.Equal(new DateOnly(2023, 12, 31), year.End);
    }

    [Fact]
    public void Containment_and_overlap_follow_precision()
    {
        var feb = EdtfDate.Parse("2024-02");
        var day = EdtfDate.Parse("2024-02-22");
        Assert.True(feb.Contains(day));
        Assert.False(day.Contains(feb));
        Assert.True(feb.Overlaps(day) && day.Overlaps(feb));
        Assert.False(EdtfDate.Parse("2024-01").Overlaps(feb));
        Assert.True(EdtfDate.Parse("2024").Contains(feb));
    }

    [Fact]
    public void Orders_by_first_day_then_coarser_first()
    {
        var dates = new[] { "2024-02-22", "2024", "2024-02", "2023-12-31", "2024-01-01" }.Select(EdtfDate.Parse).Order().Select(d => d.ToString());
        Assert.Equal(["2023-12-31", "2024", "2024-01-01", "2024-02", "2024-02-22"], dates);
    }

    [Fact]
    public void Truncates_only_to_coarser_precision()
    {
        var d = EdtfDate.Parse("2024-11-28");
        Assert.Equal("2024-11", d.Truncate(DatePrecision.Month).ToString());
        Assert.Equal("2024", d.Truncate(DatePrecision.Year).ToString());
        Assert.Equal("2024", EdtfDate.Parse("2024").Truncate(DatePrecision.Day).ToString());
    }

    [Fact]
    public void Intervals_with_open_and_imprecise_ends()
    {
        var since = EdtfInterval.Since(EdtfDate.Parse("2024-02"));
        Assert.True(since.MayContain(new DateOnly(2024, 2, 10)));
        Assert.False(since.SurelyContains(new DateOnly(2024, 2, 10)));
        Assert.True(since.SurelyContains(new DateOnly(2030, 1, 1)));
        Assert.False(since.MayContain(new DateOnly(2024, 1, 31)));
        Assert.True(EdtfInterval.Always.SurelyContains(new DateOnly(1816, 1, 1)));
        var closed = new EdtfInterval(EdtfDate.Parse("2006"), EdtfDate.Parse("2012-06-28"));
        Assert.True(closed.MayContain(new DateOnly(2012, 6, 28)));
        Assert.False(closed.MayContain(new DateOnly(2012, 6, 29)));
        Assert.Equal("2006/2012-06-28", closed.ToString());
    }
}
