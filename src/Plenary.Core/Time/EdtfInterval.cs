namespace Plenary.Core.Time;

/// <summary>
/// A span of time between two EDTF dates, either end of which may be open (unknown or still running).
/// An interval from 2024-02 holds, with certainty, from the last day of February 2024; it may hold from the first.
/// </summary>
public readonly record struct EdtfInterval(EdtfDate? From, EdtfDate? To)
{
    public static readonly EdtfInterval Always = new(null, null);

    public static EdtfInterval Since(EdtfDate from) => new(from, null);

    /// <summary>True when the interval may include the day (its ends taken at their widest).</summary>
    public bool MayContain(DateOnly day) =>
        (From is not { } f || f.Start <= day) && (To is not { } t || day <= t.End);

    /// <summary>True when the interval surely includes the day (its ends taken at their narrowest).</summary>
    public bool SurelyContains(DateOnly day) =>
        (From is not { } f || f.End <= day) && (To is not { } t || day <= t.Start);

    public override string ToString() => $"{From?.ToString() ?? ".."}/{To?.ToString() ?? ".."}";
}
