using System.Text;

namespace Plenary.Store;

/// <summary>One thing a search looks for, or leaves out: a word, or words that must occur one after the other.</summary>
public sealed record SearchTerm(IReadOnlyList<string> Words, bool Excluded);

/// <summary>
/// A search as users write them on the web (PostgreSQL's <c>websearch_to_tsquery</c> syntax), parsed once for every
/// engine so that all of them answer the same query the same way:
/// <list type="bullet">
/// <item>words next to each other must all occur: <c>armenia csto</c>;</item>
/// <item><c>"…"</c>: the words must occur one after the other (an unclosed quote runs to the end);</item>
/// <item><c>or</c> between two terms: either; terms next to each other bind first (<c>a b or c</c> is a and b, or c);</item>
/// <item><c>-</c> before a term leaves out what holds it (<c>csto -summit</c>);</item>
/// <item>every word matches as a word prefix (<c>arme</c> finds Armenia); words are runs of letters and digits, and a
///   token of several (<c>opec-plus</c>) is a phrase of them. Anything else (<c>*</c>, <c>(</c>, <c>NEAR</c>'s
///   parenthesis) is no operator: it only separates words.</item>
/// </list>
/// An alternative that only leaves out (<c>-csto</c>) finds nothing: a search says what to find. Only the first
/// <see cref="MaxWords"/> words of the first <see cref="MaxLength"/> characters count.
/// </summary>
public sealed class SearchQuery
{
    public const int MaxLength = 1000, MaxWords = 32;

    /// <summary>Alternatives (any may match), each a list of terms (all must hold), each with at least one term to find.</summary>
    public IReadOnlyList<IReadOnlyList<SearchTerm>> Alternatives { get; }

    private SearchQuery(IReadOnlyList<IReadOnlyList<SearchTerm>> alternatives) => Alternatives = alternatives;

    /// <summary>True when there is nothing to look for (no word, or only words to leave out): no hit, no query.</summary>
    public bool IsEmpty => Alternatives.Count == 0;

    /// <summary>The words to find, for snippets.</summary>
    public IReadOnlyList<string> Words => Alternatives.SelectMany(a => a).Where(t => !t.Excluded).SelectMany(t => t.Words).Distinct(StringComparer.Ordinal).ToList();

    public static SearchQuery Parse(string text)
    {
        if (text.Length > MaxLength) text = text[..MaxLength];
        // Tokens: terms (quoted or bare, each maybe preceded by '-') and the word "or".
        var tokens = new List<(SearchTerm Term, bool IsOr)>();
        int words = 0;
        bool negate = false;
        int i = 0;
        while (i < text.Length && words < MaxWords)
        {
            char ch = text[i];
            if (char.IsWhiteSpace(ch)) { i++; continue; }
            if (ch == '-') { negate = !negate; i++; continue; }
            int start;
            bool quoted = ch == '"';
            if (quoted)
            {
                start = ++i;
                while (i < text.Length && text[i] != '"') i++;
            }
            else
            {
                start = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] != '"') i++;
            }
            var found = WordsOf(text.AsSpan(start, i - start), MaxWords - words);
            if (quoted && i < text.Length) i++; // the closing quote
            if (found.Count == 0) continue;
            words += found.Count;
            bool isOr = !quoted && !negate && found.Count == 1 && text.AsSpan(start, i - start).Equals("or", StringComparison.OrdinalIgnoreCase);
            tokens.Add((new SearchTerm(found, negate), isOr));
            negate = false;
        }

        // "or" is an operator between two terms (after a term, before another); anywhere else it is the word itself.
        var alternatives = new List<List<SearchTerm>> { new() };
        for (int t = 0; t < tokens.Count; t++)
        {
            var (term, isOr) = tokens[t];
            if (isOr && alternatives[^1].Count > 0 && t + 1 < tokens.Count)
            {
                alternatives.Add([]);
                continue;
            }
            alternatives[^1].Add(term);
        }
        return new SearchQuery(alternatives.Where(a => a.Any(t => !t.Excluded)).Select(a => (IReadOnlyList<SearchTerm>)a).ToList());
    }

    /// <summary>The runs of letters and digits of <paramref name="text"/>, lower-cased, at most <paramref name="max"/>.</summary>
    private static List<string> WordsOf(ReadOnlySpan<char> text, int max)
    {
        var list = new List<string>();
        var sb = new StringBuilder();
        foreach (var ch in text)
        {
            if (char.IsLetterOrDigit(ch)) { sb.Append(char.ToLowerInvariant(ch)); continue; }
            if (sb.Length > 0) { list.Add(sb.ToString()); sb.Clear(); }
        }
        if (sb.Length > 0) list.Add(sb.ToString());
        return list.Count > max ? list.GetRange(0, max) : list;
    }

    /// <summary>
    /// The query again in web-search syntax, every term quoted: what <c>websearch_to_tsquery</c> reads exactly as this
    /// parse did (its words are letters and digits only, so nothing in it is an operator but the ones written here).
    /// </summary>
    public string ToWebSearch() => string.Join(" or ", Alternatives.Select(a =>
        string.Join(' ', a.Select(t => $"{(t.Excluded ? "-" : "")}\"{string.Join(' ', t.Words)}\""))));
}
