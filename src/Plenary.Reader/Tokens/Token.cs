namespace Plenary.Reader.Tokens;

public enum TokenKind : byte { Word, Number, Punct, Quote }

/// <summary>
/// A token: a <c>[Start, End)</c> span of the article text. <see cref="NewlineBefore"/> marks the first token of a line,
/// which is how paragraphs (and headlines, captions, datelines) are kept apart.
/// </summary>
public readonly record struct Token(int Start, int End, TokenKind Kind, bool NewlineBefore)
{
    public int Length => End - Start;
}
