using System.Globalization;

namespace Plenary.Core.Time;

/// <summary>
/// The dates and times a user types at an edge (a CLI option, an API query parameter), parsed in one place for both: each
/// returns the error in words, and the edge puts the option's name before it and turns it into its own kind of error.
/// </summary>
public static class AskedTime
{
    /// <summary>A day, a month or a year (<c>--on 2016</c> asks about the year).</summary>
    public static bool TryPeriod(string text, out EdtfDate period, out string? error) => EdtfDate.TryParse(text, out period, out error);

    /// <summary>One day: a question that is about one day says so when given a month or a year.</summary>
    public static bool TryDay(string text, out DateOnly day, out string? error)
    {
        day = default;
        if (!EdtfDate.TryParse(text, out var d, out error)) return false;
        if (d.Precision != DatePrecision.Day)
        {
            error = $"'{d}' is a {(d.Precision == DatePrecision.Year ? "year" : "month")}, and this question is about one day: expected YYYY-MM-DD";
            return false;
        }
        day = d.Start;
        return true;
    }

    /// <summary>
    /// A knowledge time: an ISO 8601 date and time, or a day, month or year meaning its end (the registry as it was once
    /// that period was over), UTC.
    /// </summary>
    public static bool TryKnownAt(string text, out DateTimeOffset time, out string? error)
    {
        error = null;
        if (EdtfDate.TryParse(text, out var d, out _))
        {
            time = new DateTimeOffset(d.End.ToDateTime(new TimeOnly(23, 59, 59, 999)), TimeSpan.Zero);
            return true;
        }
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time)) return true;
        error = $"'{EdtfDate.Shorten(text)}' is not a time: expected YYYY, YYYY-MM, YYYY-MM-DD or an ISO 8601 date and time";
        return false;
    }
}
