using System.Globalization;

namespace Plenary.Core.Time;

/// <summary>How much of a date the source actually states.</summary>
public enum DatePrecision { Year = 1, Month = 2, Day = 3 }

/// <summary>
/// An EDTF level-0 calendar date at the precision a source supports: <c>2024</c>, <c>2024-02</c> or <c>2024-02-22</c>.
/// A year-precise date is not "January 1st": it stands for the whole year, so it has a first and a last day
/// and can contain, or overlap, other dates. Ordering is by first day, then by precision (coarser first).
/// </summary>
public readonly record struct EdtfDate : IComparable<EdtfDate>
{
    public int Year { get; }
    /// <summary>1–12, or 0 when the precision is a year.</summary>
    public int Month { get; }
    /// <summary>1–31, or 0 when the precision is a year or a month.</summary>
    public int Day { get; }
    public DatePrecision Precision { get; }

    private EdtfDate(int year, int month, int day, DatePrecision precision)
    {
        Year = year; Month = month; Day = day; Precision = precision;
    }

    public static EdtfDate OfYear(int year)
    {
        CheckYear(year);
        return new EdtfDate(year, 0, 0, DatePrecision.Year);
    }

    public static EdtfDate OfMonth(int year, int month)
    {
        CheckYear(year);
        if (month is < 1 or > 12) throw new ArgumentOutOfRangeException(nameof(month), month, "month must be 1 to 12");
        return new EdtfDate(year, month, 0, DatePrecision.Month);
    }

    public static EdtfDate OfDay(int year, int month, int day)
    {
        CheckYear(year);
        if (month is < 1 or > 12) throw new ArgumentOutOfRangeException(nameof(month), month, "month must be 1 to 12");
        if (day < 1 || day > DateTime.DaysInMonth(year, month))
            throw new ArgumentOutOfRangeException(nameof(day), day, $"{year:D4}-{month:D2} has {DateTime.DaysInMonth(year, month)} days");
        return new EdtfDate(year, month, day, DatePrecision.Day);
    }

    public static EdtfDate Of(DateOnly date) => OfDay(date.Year, date.Month, date.Day);

    private static void CheckYear(int year)
    {
        // Years 1–9999: the range DateOnly can hold, and far wider than any organization's history.
        if (year is < 1 or > 9999) throw new ArgumentOutOfRangeException(nameof(year), year, "year must be 0001 to 9999");
    }

    /// <summary>The first day this date may stand for.</summary>
    public DateOnly Start => new(Year, Precision == DatePrecision.Year ? 1 : Month, Precision == DatePrecision.Day ? Day : 1);

    /// <summary>The last day this date may stand for.</summary>
    public DateOnly End => Precision switch
    {
        DatePrecision.Year => new DateOnly(Year, 12, 31),
        DatePrecision.Month => new DateOnly(Year, Month, DateTime.DaysInMonth(Year, Month)),
        _ => new DateOnly(Year, Month, Day),
    };

    /// <summary>True when every day of <paramref name="other"/> is a day this date may stand for (2024 contains 2024-02-22).</summary>
    public bool Contains(EdtfDate other) => Start <= other.Start && other.End <= End;

    public bool Contains(DateOnly day) => Start <= day && day <= End;

    /// <summary>True when the two dates may stand for a common day (2024-02 and 2024-02-22 overlap; 2024-01 and 2024-02 do not).</summary>
    public bool Overlaps(EdtfDate other) => Start <= other.End && other.Start <= End;

    /// <summary>This date cut to a coarser precision (never finer).</summary>
    public EdtfDate Truncate(DatePrecision precision) => precision >= Precision ? this : precision switch
    {
        DatePrecision.Year => OfYear(Year),
        DatePrecision.Month => OfMonth(Year, Month),
        _ => this,
    };

    public int CompareTo(EdtfDate other)
    {
        var c = Start.CompareTo(other.Start);
        return c != 0 ? c : Precision.CompareTo(other.Precision);
    }

    public static bool operator <(EdtfDate a, EdtfDate b) => a.CompareTo(b) < 0;
    public static bool operator >(EdtfDate a, EdtfDate b) => a.CompareTo(b) > 0;
    public static bool operator <=(EdtfDate a, EdtfDate b) => a.CompareTo(b) <= 0;
    public static bool operator >=(EdtfDate a, EdtfDate b) => a.CompareTo(b) >= 0;

    public override string ToString() => Precision switch
    {
        DatePrecision.Year => Year.ToString("D4", CultureInfo.InvariantCulture),
        DatePrecision.Month => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}-{Day:D2}"),
    };

    /// <summary>Parses <c>YYYY</c>, <c>YYYY-MM</c> or <c>YYYY-MM-DD</c>; anything else, or an impossible date, is an error that says why.</summary>
    public static bool TryParse(string? text, out EdtfDate date, out string? error)
    {
        date = default;
        error = null;
        if (string.IsNullOrWhiteSpace(text)) { error = "a date is required (YYYY, YYYY-MM or YYYY-MM-DD)"; return false; }
        var s = text.Trim();
        if (!(s.Length is 4 or 7 or 10) || !IsShape(s))
        {
            error = $"'{Shorten(s)}' is not a date: expected YYYY, YYYY-MM or YYYY-MM-DD";
            return false;
        }
        int year = int.Parse(s.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture);
        if (year < 1) { error = $"'{s}' is not a date: year 0000 is not supported"; return false; }
        if (s.Length == 4) { date = OfYear(year); return true; }
        int month = int.Parse(s.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture);
        if (month is < 1 or > 12) { error = $"'{s}' is not a date: month {month:D2} is not 01 to 12"; return false; }
        if (s.Length == 7) { date = OfMonth(year, month); return true; }
        int day = int.Parse(s.AsSpan(8, 2), NumberStyles.None, CultureInfo.InvariantCulture);
        int days = DateTime.DaysInMonth(year, month);
        if (day < 1 || day > days) { error = $"'{s}' is not a date: {year:D4}-{month:D2} has {days} days"; return false; }
        date = OfDay(year, month, day);
        return true;
    }

    public static EdtfDate Parse(string text) =>
        TryParse(text, out var d, out var error) ? d : throw new FormatException(error);

    public static EdtfDate? ParseOptional(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : Parse(text);

    private static bool IsShape(string s)
    {
        for (int i = 0; i < s.Length; i++)
        {
            bool dash = i is 4 or 7;
            if (dash ? s[i] != '-' : !char.IsAsciiDigit(s[i])) return false;
        }
        return true;
    }

    internal static string Shorten(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
