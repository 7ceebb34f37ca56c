using Plenary.Core.Claims;
using Plenary.Reader.Gazetteer;

namespace Plenary.Reader.Patterns;

/// <summary>
/// Statements: every quotation with a named speaker and at least <see cref="MinWords"/> words (shorter fragments and
/// quotations without a person behind them are optional in the contract, so proposing them would only add noise).
/// The quote is the text between the marks, a trailing comma dropped; <c>about</c> lists the states and organizations it names.
/// </summary>
public sealed class StatementRules
{
    public const int MinWords = 5;

    public IEnumerable<ProposedClaim> Run(RuleContext cx)
    {
        var doc = cx.Doc;
        foreach (var q in doc.Quotes)
        {
            if (q.Speaker < 0 || q.SpeakerSpan is not { } span) continue;
            int start = q.Start, end = q.End;
            while (end > start && (char.IsWhiteSpace(doc.Text[end - 1]) || doc.Text[end - 1] == ',')) end--;
            while (start < end && char.IsWhiteSpace(doc.Text[start])) start++;
            if (end <= start) continue;
            var quote = doc.Text[start..end];
            if (CountWords(quote) < MinWords) continue;
            var person = doc.Entities[q.Speaker];
            var about = new List<string>();
            for (int t = q.First; t < q.EndToken; t++)
            {
                if (doc.MentionStartingAt(t) is not { } m) continue;
                string? id = m.IsOrg ? m.Org!.Value.Value : m.Kind is MentionKind.State or MentionKind.Capital or MentionKind.Metonym or MentionKind.Demonym ? m.State?.Value : null;
                if (id is not null && !about.Contains(id)) about.Add(id);
            }
            var fact = new StatementFact(person.Name, person.State, person.Role, q.Date, quote, about);
            var evidence = new List<Evidence> { new(start, end) };
            if (span.Item2 > span.Item1) evidence.Add(new Evidence(span.Item1, span.Item2));
            yield return new ProposedClaim(fact, evidence, Modality.Reported, "statement:" + q.Rule, doc.Text[span.Item1..span.Item2]);
        }
    }

    private static int CountWords(string s)
    {
        int n = 0;
        bool inWord = false;
        foreach (var c in s)
        {
            bool w = char.IsLetterOrDigit(c);
            if (w && !inWord) n++;
            inWord = w;
        }
        return n;
    }
}
