using System.Runtime.CompilerServices;
using System.Text;

namespace Plenary.Reader.Tokens;

/// <summary>
/// Splits text into words, numbers, punctuation and quotation marks in one left-to-right pass (linear time, no regex).
/// Abbreviations keep their period ("St.", "Gen.", "Dec."), dotted initialisms stay whole ("U.S.", "G.G."), a
/// possessive "’s" is its own token, and apostrophes inside words stay inside ("hasn’t", "Cote d’Ivoire").
/// </summary>
public static class Tokenizer
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static List<Token> Tokenize(string text, IReadOnlySet<string> abbreviations)
    {
        var tokens = new List<Token>(text.Length / 5 + 4);
        bool newline = true;
        int i = 0, n = text.Length;
        while (i < n)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c))
            {
                if (c is '\n' or '\r' or '\u2029' or '\u2028') newline = true;
                i++;
                continue;
            }
            int start = i;
            TokenKind kind;
            if (char.IsLetterOrDigit(c))
            {
                bool digitsOnly = char.IsDigit(c);
                i++;
                while (i < n)
                {
                    char d = text[i];
                    if (char.IsLetterOrDigit(d) || char.GetUnicodeCategory(d) is System.Globalization.UnicodeCategory.NonSpacingMark)
                    {
                        if (!char.IsDigit(d)) digitsOnly = false;
                        i++;
                    }
                    else if (IsApostrophe(d) && i + 1 < n && char.IsLetter(text[i + 1]) && !IsPossessiveAt(text, i))
                    {
                        digitsOnly = false;
                        i += 2;
                    }
                    else if (digitsOnly && d is ',' or '.' && i + 1 < n && char.IsDigit(text[i + 1]))
                    {
                        i += 2; // 1.11, 277,000
                    }
                    else break;
                }
                kind = digitsOnly ? TokenKind.Number : TokenKind.Word;
                if (kind == TokenKind.Word && i < n && text[i] == '.')
                {
                    int len = i - start;
                    if (len == 1 && char.IsUpper(c))
                    {
                        // Initials and initialisms: "G. Stoltenberg", "U.S.", "U.N.", "G.G."
                        i++;
                        while (i + 1 < n && char.IsLetter(text[i]) && text[i + 1] == '.' && (i + 2 >= n || !char.IsLetter(text[i + 2])))
                            i += 2;
                    }
                    else if (len <= 6 && abbreviations.Contains(text.Substring(start, len)))
                    {
                        i++;
                    }
                }
            }
            else if (IsApostrophe(c) && i > 0 && char.IsLetter(text[i - 1]) && IsPossessiveAt(text, i))
            {
                i += 2; // the possessive "’s" of "Armenia’s"
                kind = TokenKind.Word;
            }
            else if (IsQuoteMark(c))
            {
                i++;
                kind = TokenKind.Quote;
            }
            else if (c == '.' && i + 2 < n && text[i + 1] == '.' && text[i + 2] == '.')
            {
                i += 3;
                kind = TokenKind.Punct;
            }
            else
            {
                i++;
                if (char.IsHighSurrogate(c) && i < n && char.IsLowSurrogate(text[i])) i++;
                kind = TokenKind.Punct;
            }
            tokens.Add(new Token(start, i, kind, newline));
            newline = false;
        }
        return tokens;
    }

    public static bool IsApostrophe(char c) => c is '\'' or '’' or 'ʼ';

    public static bool IsQuoteMark(char c) => c is '"' or '“' or '”' or '„' or '«' or '»' or '\'' or '‘' or '’' or '‚' or '`';

    public static bool IsDoubleQuoteMark(char c) => c is '"' or '“' or '”' or '„' or '«' or '»';

    /// <summary>"Armenia’s", "group’s": the apostrophe at <paramref name="i"/> starts a possessive "’s" that ends the word.</summary>
    private static bool IsPossessiveAt(string text, int i) =>
        i + 1 < text.Length && text[i + 1] is 's' or 'S' && (i + 2 >= text.Length || !char.IsLetterOrDigit(text[i + 2]));

    /// <summary>
    /// The lower-case form of every token; equal forms share one string. Documents repeat their words and each other's,
    /// so each thread keeps the forms it made (up to <see cref="PoolLimit"/> of them) for the documents it reads next.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string[] LowerAll(string text, List<Token> tokens)
    {
        var result = new string[tokens.Count];
        var pool = t_words ??= new Dictionary<string, string>(4096, StringComparer.Ordinal);
        if (pool.Count > PoolLimit) pool.Clear();
        var lookup = pool.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> buffer = stackalloc char[48];
        for (int i = 0; i < tokens.Count; i++)
        {
            var span = text.AsSpan(tokens[i].Start, tokens[i].Length);
            if (span.Length > buffer.Length) { result[i] = Lower(span); continue; }
            var lower = buffer[..span.Length];
            for (int k = 0; k < span.Length; k++)
            {
                char ch = span[k];
                lower[k] = ch is '’' or 'ʼ' or '‘' ? '\'' : char.ToLowerInvariant(ch);
            }
            if (!lookup.TryGetValue(lower, out var s))
            {
                s = new string(lower);
                pool[s] = s;
            }
            result[i] = s;
        }
        return result;
    }

    [ThreadStatic] private static Dictionary<string, string>? t_words;

    /// <summary>The most distinct forms a thread keeps (a few megabytes); past it the pool starts again.</summary>
    private const int PoolLimit = 1 << 17;

    /// <summary>The lower-case form used by lexicons: curly apostrophes straightened.</summary>
    public static string Lower(ReadOnlySpan<char> s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var ch in s) sb.Append(ch is '’' or 'ʼ' or '‘' ? '\'' : char.ToLowerInvariant(ch));
        return sb.ToString();
    }
}
