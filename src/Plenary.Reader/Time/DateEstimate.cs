namespace Plenary.Reader.Time;

/// <summary>
/// The date of an article that carries no publication date, estimated from its own words (the "document creation
/// time"): the day, the rule that gave it and the words it rests on (<c>[Start, End)</c> in the text, or the URL), and
/// the words the year came from when the day's own words name none.
/// </summary>
public sealed record DateEstimate(DateOnly Day, string Rule, int Start, int End, string? YearFrom = null)
{
    /// <summary>"2024-05-08 from the lead “said on May 8”, year from “2024”": for --explain.</summary>
    public string Describe(string text)
    {
        var words = Rule == "url" ? "the article's URL" : $"“{text[Start..End].Replace('\n', ' ')}”";
        return $"{Day:yyyy-MM-dd} estimated by {Rule} from {words}{(YearFrom is null ? "" : $", year from {YearFrom}")}";
    }
}
