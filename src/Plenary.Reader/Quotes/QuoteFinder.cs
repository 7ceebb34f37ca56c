using System.Runtime.CompilerServices;
using Plenary.Reader.Tokens;

namespace Plenary.Reader.Quotes;

/// <summary>
/// Pairs quotation marks in one pass. A double mark opens when it follows a space or a line start and closes when it
/// follows a word (curly or straight alike, since texts mix them); single marks count as top-level quotation marks only
/// within one paragraph and only when they cannot be apostrophes. Marks inside a quotation are nested quotes and stay in
/// its words. A quotation that runs over paragraphs, each reopened with a mark, is one; an unbalanced mark is dropped.
/// The work is linear in the text whatever the nesting.
/// </summary>
public static class QuoteFinder
{
    public const int MaxQuoteLength = 6000;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static List<Quote> Find(string text)
    {
        var quotes = new List<Quote>();
        int open = -1;          // offset of the opening double mark, or -1
        int singleOpen = -1;    // offset of an opening single mark outside double quotes, or -1
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (open >= 0 && i - open > MaxQuoteLength) { open = -1; }
            if (singleOpen >= 0 && (c is '\n' or '\r' || i - singleOpen > MaxQuoteLength)) singleOpen = -1;
            if (Tokenizer.IsDoubleQuoteMark(c))
            {
                bool opening = IsOpening(text, i), closing = IsClosing(text, i);
                if (open < 0)
                {
                    if (opening) { open = i; singleOpen = -1; }
                }
                else if (closing && i > open + 1)
                {
                    quotes.Add(new Quote { Open = open, Close = i });
                    open = -1;
                }
                else if (opening)
                {
                    // a mark that reopens at the start of a new paragraph continues the quotation; elsewhere the
                    // earlier mark was never closed, and the quotation starts again here
                    if (!StartsParagraph(text, i)) open = i;
                }
            }
            else if (open < 0 && c is '\'' or '‘' or '’')
            {
                if (singleOpen < 0)
                {
                    if (IsOpening(text, i) && i + 1 < text.Length && char.IsLetter(text[i + 1])) singleOpen = i;
                }
                else if (IsClosing(text, i) && i > singleOpen + 1 && ClosesSingle(text, i))
                {
                    quotes.Add(new Quote { Open = singleOpen, Close = i });
                    singleOpen = -1;
                }
            }
        }
        return quotes;
    }

    private static bool IsOpening(string text, int i) =>
        (i == 0 || char.IsWhiteSpace(text[i - 1]) || text[i - 1] is '(' or '[' or '—' or '–' or '-' or '/' or ':')
        && i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]);

    private static bool IsClosing(string text, int i) => i > 0 && !char.IsWhiteSpace(text[i - 1]);

    /// <summary>A closing single mark must end the quoted words: then comes a comma, a period, a space and "said", or the line end.</summary>
    private static bool ClosesSingle(string text, int i)
    {
        if (i + 1 >= text.Length) return true;
        char n = text[i + 1];
        if (n is ',' or '.' or ';' or '\n' or '\r' or '?' or '!' or ')') return true;
        return char.IsWhiteSpace(n) && text[i - 1] is ',' or '.' or '…' or '?' or '!';
    }

    private static bool StartsParagraph(string text, int i)
    {
        for (int k = i - 1; k >= 0; k--)
        {
            if (text[k] is '\n' or '\r') return true;
            if (!char.IsWhiteSpace(text[k])) return false;
        }
        return true;
    }
}
