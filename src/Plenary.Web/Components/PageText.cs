using System.Globalization;
using Plenary.Core.Time;
using System.Text.RegularExpressions;
using Plenary.Core.Claims;

namespace Plenary.Web.Components;

/// <summary>Small text helpers the components share: invariant numbers and days, standing words, a reader's rule note.</summary>
public static partial class PageText
{
    /// <summary>A coordinate in the SVG: invariant, at most one decimal.</summary>
    public static string N(double d) => d.ToString("0.#", CultureInfo.InvariantCulture);

    public static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The first day of a period that a part of it held from (a part may begin before the period): the day to ask "who says so" about.</summary>
    public static string FirstDay(EdtfDate from, EdtfDate period) => Day(from.Start < period.Start ? period.Start : from.Start);

    public static string StandingWords(Standing s) => s == Standing.Unknown ? "unknown (no data)" : WireName.Of(s);

    /// <summary>
    /// The desk notes a proposed claim with the reader's rule that fired ("rule NAME"): an editor's detail, not something
    /// to show a reader as the claim's note.
    /// </summary>
    public static bool IsRuleNote(string? note) => note is not null && note.StartsWith("rule ", StringComparison.Ordinal);

    /// <summary>
    /// The names a "not found" message suggests ("…; closest: Name (id), Other (id2)"), each with its id, so the 404 page can
    /// link them.
    /// </summary>
    public static IReadOnlyList<(string Name, string Id)> Suggestions(string detail)
    {
        var at = detail.IndexOf("; closest: ", StringComparison.Ordinal);
        if (at < 0) return [];
        return SuggestionPattern().Matches(detail[(at + "; closest: ".Length)..])
            .Select(m => (m.Groups["name"].Value.Trim(), m.Groups["id"].Value)).ToList();
    }

    [GeneratedRegex(@"(?<name>[^,]+?) \((?<id>[A-Za-z0-9_.+-]+)\)(?:, |$)")]
    private static partial Regex SuggestionPattern();
}
