using Plenary.Reader.Tokens;

namespace Plenary.Reader.Sentences;

/// <summary>
/// Sentences from tokens: a line break always ends one; ".", "!", "?" and "…" end one when the next token starts a new
/// sentence (a capital, a digit, a quotation mark). Abbreviations never end a sentence because the tokenizer has
/// already glued their period on. Closing quotation marks right after the period stay with their sentence.
/// A sentence is cut after <see cref="MaxTokens"/> tokens so that every later stage does bounded work per sentence.
/// </summary>
public static class SentenceSplitter
{
    public const int MaxTokens = 160;

    public static List<Sentence> Split(string text, List<Token> tokens)
    {
        var result = new List<Sentence>(tokens.Count / 20 + 1);
        int first = 0, paragraph = 0;
        for (int i = 0; i < tokens.Count; i++)
        {
            if (i > first && tokens[i].NewlineBefore)
            {
                Add(result, tokens, first, i, paragraph);
                first = i;
                paragraph++;
                continue;
            }
            bool end = false;
            var t = tokens[i];
            if (t.Kind == TokenKind.Punct && IsTerminal(text, t))
            {
                int j = i + 1;
                // closing quotes and brackets glued to the period belong to this sentence
                while (j < tokens.Count && !tokens[j].NewlineBefore && tokens[j].Start == tokens[j - 1].End
                       && (tokens[j].Kind == TokenKind.Quote || text[tokens[j].Start] is ')' or ']'))
                    j++;
                if (j >= tokens.Count || tokens[j].NewlineBefore || StartsSentence(text, tokens[j]))
                {
                    i = j - 1;
                    end = true;
                }
            }
            if (end || i + 1 - first >= MaxTokens)
            {
                Add(result, tokens, first, i + 1, paragraph);
                first = i + 1;
            }
        }
        if (first < tokens.Count) Add(result, tokens, first, tokens.Count, paragraph);
        return result;
    }

    private static void Add(List<Sentence> list, List<Token> tokens, int first, int end, int paragraph) =>
        list.Add(new Sentence(first, end, tokens[first].Start, tokens[end - 1].End, paragraph));

    private static bool IsTerminal(string text, Token t) =>
        t.Length == 3 ? text[t.Start] == '.' : text[t.Start] is '.' or '!' or '?' or '…';

    private static bool StartsSentence(string text, Token t)
    {
        char c = text[t.Start];
        return char.IsUpper(c) || char.IsDigit(c) || t.Kind == TokenKind.Quote || c is '(' or '[' or '—' or '-';
    }
}
