using System.Runtime.CompilerServices;
using Plenary.Core.Time;
using Plenary.Reader.Gazetteer;
using Plenary.Reader.Tokens;

namespace Plenary.Reader.Quotes;

/// <summary>
/// Finds the quotations and who said them: the speech verb right after the closing mark ("…,” Ushakov said",
/// "…,” said Moncada", "…,” the diplomat said", "…,” he added") or the one that introduces it ("said Stoltenberg, who
/// added: “…", "he accused NATO of “…"). "he", "she" and "the diplomat" point to the person last named before the
/// quotation; a speaker named by surname only is the person named in full earlier. The date is the time expression of
/// the attribution, else the previous quotation's when the speaker is the same, else the publication date.
/// </summary>
public sealed class QuoteTagger(Lexicons lexicons)
{
    private const int Window = 14;
    private const int ScareQuoteWords = 4;

    private static readonly HashSet<string> Pronouns = new(StringComparer.Ordinal) { "he", "she" };

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Run(Document doc)
    {
        var quotes = QuoteFinder.Find(doc.Text);
        var quoteOf = new int[doc.Tokens.Count];
        Array.Fill(quoteOf, -1);
        int t = 0;
        for (int q = 0; q < quotes.Count; q++)
        {
            var quote = quotes[q];
            while (t < doc.Tokens.Count && doc.Tokens[t].Start <= quote.Open) t++;
            quote.First = t;
            int words = 0;
            for (int k = t; k < doc.Tokens.Count && doc.Tokens[k].Start < quote.Close && words < ScareQuoteWords; k++)
                if (doc.Tokens[k].Kind is TokenKind.Word or TokenKind.Number) words++;
            // a scare quote ("has “frozen” its participation") is a word of the sentence, not a quotation
            bool real = words >= ScareQuoteWords;
            while (t < doc.Tokens.Count && doc.Tokens[t].Start < quote.Close) { if (real) quoteOf[t] = q; t++; }
            quote.EndToken = t;
        }
        doc.Quotes = quotes;
        doc.QuoteOf = quoteOf;
        var last = new int[doc.Tokens.Count];
        int current = -1, mi = 0;
        for (int i = 0; i < doc.Tokens.Count; i++)
        {
            last[i] = current;
            while (mi < doc.Mentions.Count && doc.Mentions[mi].First <= i)
            {
                if (doc.Mentions[mi].Kind == MentionKind.Person && doc.Mentions[mi].First == i && quoteOf[i] < 0) current = mi;
                mi++;
            }
        }
        doc.LastPersonBefore = last;
        Quote? previous = null;
        foreach (var quote in quotes)
        {
            Attribute(doc, quote);
            if (quote.Speaker < 0 && previous is not null && Continues(doc, previous, quote))
            {
                // "“…,” the minister said. “…”": a quotation right after another's attribution is the same speaker's
                quote.Speaker = previous.Speaker;
                quote.SpeakerSpan = previous.SpeakerSpan;
                quote.Rule = "continued-quote";
            }
            if (quote.Speaker < 0) PreviousSentence(doc, quote);
            if (quote.Speaker < 0) continue;
            if (quote.Date is not null) quote.DateExplicit = true;
            else if (previous is not null && previous.Speaker == quote.Speaker) { quote.Date = previous.Date; quote.DateExplicit = previous.DateExplicit; }
            else if (SpeakerDatedBefore(doc, quote) is { } said) { quote.Date = said; quote.DateExplicit = true; }
            else quote.Date = Pub(doc);
            previous = quote;
        }
    }

    private const int ContinuationGap = 24;

    /// <summary>
    /// True when <paramref name="quote"/> opens right after <paramref name="previous"/> with nothing between but the
    /// attribution of the previous one (no other person, no other sentence): at most a short clause, ending a sentence,
    /// and the quotation opens a sentence or a paragraph of its own.
    /// </summary>
    private bool Continues(Document doc, Quote previous, Quote quote)
    {
        // tokens [from, to) lie between the closing mark of the one and the opening mark of the other
        int from = previous.EndToken + 1, to = quote.First - 1;
        if (to < from || to - from > ContinuationGap || to >= doc.Tokens.Count) return false;
        if (to == from) return true;
        int sentences = 0;
        bool speech = false;
        for (int k = from; k < to; k++)
        {
            if (doc.Lower[k] is "." or "!" or "?") sentences++;
            else if (doc.Lower[k] == ":") return false; // "… said: “…": the next quotation is introduced anew
            else if (lexicons.SpeechVerbs.Contains(doc.Lower[k])) speech = true;
            if (doc.MentionStartingAt(k) is { Kind: MentionKind.Person } m && m.Person != previous.Speaker) return false;
        }
        // only the attribution clause between them, ending a sentence right before the opening mark
        return speech && sentences <= 1 && (doc.Lower[to - 1] is "." or "!" or "?" || doc.Tokens[to].NewlineBefore);
    }

    /// <summary>
    /// "Earlier on Friday, Ostrova wrote to the council … “…,” she said.": an undated quotation takes the day of the
    /// nearest earlier sentence (of the few before it) that names its speaker outside quotations and dates what the
    /// speaker did to the day, in the past of the report.
    /// </summary>
    private static EdtfDate? SpeakerDatedBefore(Document doc, Quote quote)
    {
        int sentence = doc.SentenceOf[Math.Min(quote.First, doc.Tokens.Count - 1)];
        var report = doc.ReportDay ?? doc.Published;
        for (int s = sentence - 1; s >= Math.Max(0, sentence - 4); s--)
        {
            var span = doc.Sentences[s];
            bool named = false;
            for (int k = span.First; k < span.End && !named; k++)
                named = doc.QuoteOf[k] < 0 && doc.MentionStartingAt(k) is { Kind: MentionKind.Person } m && m.Person == quote.Speaker;
            if (!named) continue;
            if (TimeIn(doc, span.First, span.End, s) is { Precision: DatePrecision.Day } d && (report is not { } r || d.Start <= r)) return d;
        }
        return null;
    }

    private static EdtfDate? Pub(Document doc) => (doc.ReportDay ?? doc.Published) is { } p ? EdtfDate.Of(p) : null;

    private void Attribute(Document doc, Quote quote)
    {
        int closeToken = quote.EndToken; // the closing mark's token
        if (closeToken >= doc.Tokens.Count) { Before(doc, quote); return; }
        int sentence = doc.SentenceOf[Math.Min(closeToken, doc.Tokens.Count - 1)];
        // after the closing mark: "…,” Ushakov said on Tuesday." / "…,” said Moncada." / "…,” the diplomat said."
        int k = closeToken + 1;
        int limit = Math.Min(doc.Tokens.Count, k + Window);
        for (int v = k; v < limit; v++)
        {
            if (doc.Tokens[v].NewlineBefore || doc.Tokens[v].Kind == TokenKind.Quote) break;
            if (doc.Lower[v] is "." or "!" or "?" && v > k) break;
            if (!lexicons.SpeechVerbs.Contains(doc.Lower[v])) continue;
            int speaker;
            (int, int) span;
            if (doc.Lower[v] == "quoted" && PersonAt(doc, v + 1) is { } quoted) { speaker = quoted.Person; span = (quoted.Start, quoted.EndChar); }
            else if (SubjectBetween(doc, k, v, quote) is { } subj) (speaker, span) = subj;
            else if (PersonAfter(doc, v + 1, limit) is { } after) { speaker = after.Person; span = (after.Start, after.EndChar); }
            else return;
            if (speaker < 0) return;
            quote.Speaker = speaker;
            quote.SpeakerSpan = span;
            quote.Date = TimeIn(doc, v, limit, sentence);
            quote.Rule = "quote-then-speaker";
            return;
        }
        Before(doc, quote);
    }

    /// <summary>"X said: “…", "who added: “…", "he accused NATO of “…": the speech verb before the opening mark.</summary>
    private void Before(Document doc, Quote quote)
    {
        int open = quote.First - 1;
        if (open < 0) return;
        int sentence = doc.SentenceOf[open];
        for (int v = open - 1; v >= 0 && open - v <= 2 * Window && doc.SentenceOf[v] == sentence; v--)
        {
            if (doc.QuoteOf[v] >= 0) return;
            if (!lexicons.SpeechVerbs.Contains(doc.Lower[v])) continue;
            // "On Tuesday, the minister said: “…": a role right before the verb refers back to the person last named
            if (RoleEndingAt(doc, v - 1, sentence) is int the && LastPersonBefore(doc, the) is var role and >= 0)
            {
                Set(doc, quote, role, (doc.Tokens[the].Start, doc.Tokens[v - 1].End), v, "role-then-quote");
                return;
            }
            // the subject: the nearest person or pronoun before the verb ("Stoltenberg, who added")
            for (int s = v - 1; s >= 0 && v - s <= Window && doc.SentenceOf[s] == sentence; s--)
            {
                if (doc.QuoteOf[s] >= 0) break;
                if (PersonEndingAt(doc, s) is { } p) { Set(doc, quote, p.Person, (p.Start, p.EndChar), v, "speaker-then-quote"); return; }
                if (Pronouns.Contains(doc.Lower[s]))
                {
                    var r = LastPersonBefore(doc, s);
                    if (r >= 0) Set(doc, quote, r, (doc.Tokens[s].Start, doc.Tokens[s].End), v, "pronoun-then-quote");
                    return;
                }
            }
            // "said G. Stoltenberg, who added:" — the person right after the verb
            if (PersonAt(doc, v + 1) is { } after && after.End <= open) { Set(doc, quote, after.Person, (after.Start, after.EndChar), v, "verb-speaker-quote"); return; }
            // "according to the Romanian leader, … “…”": a role that refers back to the person last named
            if (doc.Lower[v] == "according" && TitledReference(doc, v + 1, open) is int end)
            {
                var r = LastPersonBefore(doc, v);
                if (r >= 0) Set(doc, quote, r, (doc.Tokens[v + 2].Start, doc.Tokens[end - 1].End), v, "according-to-role");
            }
            return;
        }
    }

    /// <summary>"the minister", "the Kazakh foreign minister" ending at <paramref name="end"/>: the token of its "the", or null.</summary>
    private int? RoleEndingAt(Document doc, int end, int sentence)
    {
        if (end < 1 || doc.SentenceOf[end] != sentence || !(lexicons.Titles.TryGetValue(doc.Lower[end], out var head) && head)) return null;
        for (int k = end - 1; k >= Math.Max(0, end - 4) && doc.SentenceOf[k] == sentence; k--)
        {
            if (doc.Lower[k] == "the") return k;
            if (doc.Tokens[k].Kind != TokenKind.Word || doc.MentionStartingAt(k) is { Kind: MentionKind.Person }) return null;
        }
        return null;
    }

    /// <summary>
    /// "Ruritania's president spoke to reporters on Monday. “…”": a quotation that is a sentence of its own, attributed
    /// nowhere, is said by the one person the sentence right before names as the subject of a speech verb.
    /// </summary>
    private void PreviousSentence(Document doc, Quote quote)
    {
        if (quote.First < 2 || quote.First >= doc.Tokens.Count) return;
        int sentence = doc.SentenceOf[quote.First];
        var own = doc.Sentences[sentence];
        // the quotation opens its sentence and nothing but punctuation follows its closing mark
        if (own.First < quote.First - 1 || sentence == 0) return;
        for (int k = quote.EndToken + 1; k < own.End; k++) if (doc.Tokens[k].Kind is TokenKind.Word or TokenKind.Number) return;
        var before = doc.Sentences[sentence - 1];
        Mention? person = null;
        bool speech = false;
        for (int k = before.First; k < before.End; k++)
        {
            if (doc.QuoteOf[k] >= 0) return;
            if (doc.MentionStartingAt(k) is { Kind: MentionKind.Person } m)
            {
                if (person is not null && m.Person != person.Person) return;
                person ??= m;
            }
            else if (person is not null && lexicons.SpeechVerbs.Contains(doc.Lower[k])) speech = true;
        }
        if (person is null || !speech || person.Person < 0) return;
        quote.Speaker = person.Person;
        quote.SpeakerSpan = (person.Start, person.EndChar);
        quote.Rule = "speaker-in-sentence-before";
    }

    /// <summary>"to the Romanian leader": "to the", then at most two words (a demonym, "prime") and a title's head; returns the end, or null.</summary>
    private int? TitledReference(Document doc, int to, int limit)
    {
        if (to + 2 >= limit || doc.Lower[to] != "to" || doc.Lower[to + 1] != "the") return null;
        for (int k = to + 2; k < Math.Min(limit, to + 5); k++)
        {
            if (lexicons.Titles.TryGetValue(doc.Lower[k], out var head) && head) return k + 1;
            if (doc.Tokens[k].Kind != TokenKind.Word || doc.MentionStartingAt(k) is { Kind: MentionKind.Person }) return null;
        }
        return null;
    }

    private void Set(Document doc, Quote quote, int person, (int, int) span, int verb, string rule)
    {
        quote.Speaker = person;
        quote.SpeakerSpan = span;
        quote.Rule = rule;
        int sentence = doc.SentenceOf[verb];
        quote.Date = TimeIn(doc, doc.Sentences[sentence].First, quote.First, sentence);
    }

    /// <summary>The speaker named between the closing mark and the verb: a person, a pronoun or "the diplomat".</summary>
    private (int, (int, int))? SubjectBetween(Document doc, int from, int verb, Quote quote)
    {
        for (int s = from; s < verb; s++)
        {
            if (PersonAt(doc, s) is { } p) return (p.Person, (p.Start, p.EndChar));
        }
        for (int s = from; s < verb; s++)
        {
            var w = doc.Lower[s];
            if (Pronouns.Contains(w) || (w == "the" && s + 1 < verb))
            {
                // "the diplomat", "the prime minister" name a person; "the ministry", "the statement" an institution
                if (w == "the")
                {
                    int head = verb - 1;
                    while (head > s && doc.Lower[head] is "has" or "had" or "also" or "then") head--;
                    if (!(lexicons.Titles.TryGetValue(doc.Lower[head], out var isHead) && isHead)) return (-1, (0, 0));
                }
                var r = LastPersonBefore(doc, quote.First);
                return r >= 0 ? (r, (doc.Tokens[s].Start, doc.Tokens[verb - 1].End)) : (-1, (0, 0));
            }
        }
        return null;
    }

    /// <summary>"said Russian Foreign Minister Sergei Lavrov", "according to spokesman Dmitry Peskov": the person a few title words after the verb.</summary>
    private Mention? PersonAfter(Document doc, int from, int limit)
    {
        for (int k = from; k < Math.Min(limit, from + 7); k++)
        {
            if (PersonAt(doc, k) is { } p) return p;
            var w = doc.Lower[k];
            bool titleWord = lexicons.Titles.ContainsKey(w) || w is "the" or "a" or "'s" || doc.MentionStartingAt(k) is { Kind: not MentionKind.Person };
            if (!titleWord && !(k == from && w == "to")) return null;
        }
        return null;
    }

    private static Mention? PersonAt(Document doc, int token) =>
        doc.MentionStartingAt(token) is { Kind: MentionKind.Person } m ? m : null;

    private static Mention? PersonEndingAt(Document doc, int token)
    {
        for (int b = token; b >= 0 && token - b < 6; b--)
            if (doc.MentionStartingAt(b) is { Kind: MentionKind.Person } m && m.End == token + 1) return m;
        return null;
    }

    /// <summary>The entity of the last person named before token <paramref name="token"/> (outside quotations).</summary>
    private static int LastPersonBefore(Document doc, int token) =>
        token < doc.LastPersonBefore.Length && doc.LastPersonBefore[token] is int m and >= 0 ? doc.Mentions[m].Person : -1;

    private static bool AfterSince(Document doc, int first)
    {
        for (int k = first - 1; k >= Math.Max(0, first - 5) && doc.Lower[k] is not ("," or ";" or ":"); k--)
            if (doc.Lower[k] == "since") return true;
        return false;
    }

    private static EdtfDate? TimeIn(Document doc, int from, int to, int sentence)
    {
        int lo = 0, hi = doc.Times.Count;
        while (lo < hi) { int mid = (lo + hi) / 2; if (doc.Times[mid].First < from) lo = mid + 1; else hi = mid; }
        for (int i = lo; i < doc.Times.Count && doc.Times[i].First < to; i++)
        {
            var t = doc.Times[i];
            // "for the third time since the treaty of 1994, Ostrova said": a time in a since-clause dates another event
            if (doc.SentenceOf[t.First] == sentence && doc.QuoteOf[t.First] < 0 && !AfterSince(doc, t.First)) return t.Value;
        }
        return null;
    }
}
