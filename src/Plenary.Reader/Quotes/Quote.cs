using Plenary.Core.Time;

namespace Plenary.Reader.Quotes;

/// <summary>
/// A direct quotation: the words <c>[Start, End)</c> between its marks (<see cref="Open"/> and <see cref="Close"/> are the
/// marks' offsets), tokens <c>[First, EndToken)</c>; its speaker (a person entity, or -1), the span that names the
/// speaker, and the date it was said.
/// </summary>
public sealed class Quote
{
    public required int Open { get; init; }
    public required int Close { get; init; }
    public int Start => Open + 1;
    public int End => Close;
    public int First { get; set; }
    public int EndToken { get; set; }
    public int Speaker { get; set; } = -1;
    public (int Start, int End)? SpeakerSpan { get; set; }
    public EdtfDate? Date { get; set; }
    /// <summary>True when the text dates the quotation (not the publication date by default).</summary>
    public bool DateExplicit { get; set; }
    public string Rule { get; set; } = "";
}
