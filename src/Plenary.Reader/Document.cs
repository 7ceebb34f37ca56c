using Plenary.Core.Articles;
using Plenary.Reader.Gazetteer;
using Plenary.Reader.Persons;
using Plenary.Reader.Quotes;
using Plenary.Reader.Sentences;
using Plenary.Reader.Time;
using Plenary.Reader.Tokens;

namespace Plenary.Reader;

/// <summary>
/// One article and everything the pipeline's stages have found in it, each stage adding its layer
/// (tokens, sentences, mentions, persons, time expressions, quotations) for the next ones to read.
/// </summary>
public sealed class Document
{
    public Article Article { get; }
    public string Text => Article.Text;
    /// <summary>The publication date relative dates are resolved against (none outside years 2–9998, where arithmetic would leave EDTF's range).</summary>
    public DateOnly? Published => (Article.Published ?? EstimatedPublished) is { Year: > 1 and < 9998 } p ? p : null;

    /// <summary>For an article that carries no publication date, the date its own text gives it ("begins today, Tuesday, July 11"), or null.</summary>
    public DateOnly? EstimatedPublished => DateEstimate?.Day;

    /// <summary>
    /// The day of the event the lead reports ("Nicaragua on Sunday closed …", "X on Saturday took over …"), when the lead
    /// dates it within the week before publication: what the article's undated statements and assertions default to.
    /// </summary>
    public DateOnly? ReportDay { get; set; }

    /// <summary>How the date of an article without one was estimated (the rule and the words), or null.</summary>
    public DateEstimate? DateEstimate { get; set; }

    public List<Token> Tokens { get; set; } = [];
    /// <summary>Lower-case text of each token (curly apostrophes straightened), parallel to <see cref="Tokens"/>.</summary>
    public string[] Lower { get; set; } = [];
    public List<Sentence> Sentences { get; set; } = [];
    /// <summary>The sentence index of each token.</summary>
    public int[] SentenceOf { get; set; } = [];
    public List<Mention> Mentions { get; set; } = [];
    /// <summary>The mention that starts at each token, or -1.</summary>
    public int[] MentionAt { get; set; } = [];
    public List<PersonMention> Persons { get; set; } = [];
    public List<PersonEntity> Entities { get; set; } = [];
    public List<TimeExpression> Times { get; set; } = [];
    /// <summary>True for the tokens of a time expression and the "on" before one: words a trigger may skip ("announced on Sunday their withdrawal").</summary>
    public bool[] InTime { get; set; } = [];
    public List<Quote> Quotes { get; set; } = [];
    /// <summary>The quotation each token is inside, or -1.</summary>
    public int[] QuoteOf { get; set; } = [];
    /// <summary>For each token, the index in <see cref="Mentions"/> of the last person named before it outside quotations, or -1.</summary>
    public int[] LastPersonBefore { get; set; } = [];

    public Document(Article article) => Article = article;

    public string TokenText(int i) => Text.Substring(Tokens[i].Start, Tokens[i].Length);

    public bool IsWord(int i, string lower) => i >= 0 && i < Tokens.Count && Lower[i] == lower;

    public bool IsCapitalized(int i) => i >= 0 && i < Tokens.Count && char.IsUpper(Text[Tokens[i].Start]);

    public Mention? MentionStartingAt(int token) => token >= 0 && token < MentionAt.Length && MentionAt[token] >= 0 ? Mentions[MentionAt[token]] : null;
}

public static class DocumentDump
{
    /// <summary>The layers of a document as text, one sentence a block: for --explain and for debugging rules.</summary>
    public static string Describe(this Document doc)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var s in doc.Sentences)
        {
            sb.Append($"[{s.Start},{s.EndChar}) ");
            for (int t = s.First; t < s.End; t++)
            {
                if (doc.MentionStartingAt(t) is { } m)
                    sb.Append($"{{{doc.Text[m.Start..m.EndChar]}|{m.Kind}:{(object?)m.State ?? m.Org}{(m.Bodies is { } b ? "/" + string.Join("+", b) : "")}}} ");
                var time = doc.Times.FirstOrDefault(x => x.First == t);
                if (time is not null) sb.Append($"<{doc.Text[time.Start..time.EndChar]}={time.Value}> ");
                sb.Append(doc.TokenText(t)).Append(doc.QuoteOf.Length > t && doc.QuoteOf[t] >= 0 ? "ᵠ " : " ");
            }
            sb.AppendLine();
        }
        return sb.ToString();
    }
}
