using System.Globalization;
using System.Text;

namespace Plenary.Store;

/// <summary>
/// The snippet of a search hit, made by both engines the same way: a bounded window of text around the first word that
/// one of the query's terms begins (found case-insensitively; a text where only an accented form matches shows its
/// beginning), the matching words between <see cref="SearchHit.MarkStart"/> and <see cref="SearchHit.MarkEnd"/>. Its cost is a scan for the first match plus the window, however
/// long the article: the engines' own snippet functions (FTS5 snippet(), ts_headline) work over the whole text, and
/// took seconds on a two-million-character article.
/// </summary>
public static class SearchSnippet
{
    /// <summary>Characters shown before the first match, and in all.</summary>
    public const int Before = 60, Length = 200;

    /// <summary>The words a search looks for (see <see cref="SearchQuery"/>): what a snippet marks.</summary>
    public static List<string> Terms(string text) => SearchQuery.Parse(text).Words.ToList();

    private static readonly CompareInfo Compare = CultureInfo.InvariantCulture.CompareInfo;
    private const CompareOptions Loose = CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace;

    public static string Of(string body, IReadOnlyList<string> terms)
    {
        int first = -1;
        foreach (var term in terms)
        {
            int at = FirstWordStart(body, term);
            if (at >= 0 && (first < 0 || at < first)) first = at;
        }
        int start = first < 0 ? 0 : Math.Max(0, first - Before);
        while (start > 0 && start < first && !char.IsWhiteSpace(body[start - 1])) start++;
        int end = Math.Min(body.Length, start + Length);
        while (end < body.Length && end > start + Length - 20 && !char.IsWhiteSpace(body[end])) end--;
        if (end <= start) end = Math.Min(body.Length, start + Length);

        var sb = new StringBuilder(end - start + 16);
        if (start > 0) sb.Append('…');
        int i = start;
        while (i < end)
        {
            if (!char.IsLetterOrDigit(body[i])) { sb.Append(body[i++]); continue; }
            int j = i;
            while (j < end && char.IsLetterOrDigit(body[j])) j++;
            var word = body.AsSpan(i, j - i);
            if (Matches(word, terms)) sb.Append(SearchHit.MarkStart).Append(word).Append(SearchHit.MarkEnd);
            else sb.Append(word);
            i = j;
        }
        if (end < body.Length) sb.Append('…');
        return sb.ToString();
    }

    private static bool Matches(ReadOnlySpan<char> word, IReadOnlyList<string> terms)
    {
        foreach (var t in terms)
            if (Compare.IsPrefix(word, t, Loose)) return true;
        return false;
    }

    /// <summary>Where the first word beginning with <paramref name="term"/> starts, or -1.</summary>
    private static int FirstWordStart(string body, string term)
    {
        int from = 0;
        while (from < body.Length)
        {
            int at = body.IndexOf(term, from, StringComparison.OrdinalIgnoreCase);
            if (at < 0) return -1;
            if (at == 0 || !char.IsLetterOrDigit(body[at - 1])) return at;
            from = at + 1;
        }
        return -1;
    }
}
