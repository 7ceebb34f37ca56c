namespace Plenary.Reader.Sentences;

/// <summary>Tokens <c>[First, End)</c> of the document; <see cref="Paragraph"/> counts lines that hold text.</summary>
public readonly record struct Sentence(int First, int End, int Start, int EndChar, int Paragraph)
{
    public int Count => End - First;
}
