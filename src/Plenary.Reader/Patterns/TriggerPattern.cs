using System.Runtime.CompilerServices;
using Plenary.Reader.Gazetteer;
using Plenary.Reader.Tokens;

namespace Plenary.Reader.Patterns;

/// <summary>
/// A trigger from a lexicon line: words (<c>a|b</c> alternatives, <c>?</c> optional), <c>STATE</c> (one or more
/// coordinated states), <c>ORG</c> (an organization or "the bloc"), <c>ORDINAL</c> ("31st"), <c>*</c> (any one word).
/// Matching walks at most a few elements per token (optional elements backtrack one level), so it is linear in the text.
/// Quotation marks between words are skipped: "has “frozen” its participation".
/// </summary>
public sealed class TriggerPattern
{
    private enum Slot { Words, State, Org, Ordinal, Any }

    private sealed record Element(Slot Slot, HashSet<string>? Words, bool Optional);

    private readonly Element[] _elements;
    public string Source { get; }
    public string[] Columns { get; }

    public TriggerPattern(string[] row)
    {
        Source = row[0];
        Columns = row;
        _elements = row[0].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Parse).ToArray();
    }

    private static Element Parse(string e)
    {
        bool optional = e.EndsWith('?') && e.Length > 1;
        if (optional) e = e[..^1];
        return e switch
        {
            "STATE" => new Element(Slot.State, null, optional),
            "ORG" => new Element(Slot.Org, null, optional),
            "ORDINAL" => new Element(Slot.Ordinal, null, optional),
            "*" => new Element(Slot.Any, null, optional),
            _ => new Element(Slot.Words, new HashSet<string>(e.Split('|'), StringComparer.Ordinal), optional),
        };
    }

    /// <summary>The words a match can start with, or null when it can start with a slot.</summary>
    public IEnumerable<string>? FirstWords()
    {
        var words = new List<string>();
        foreach (var el in _elements)
        {
            if (el.Slot != Slot.Words) return null;
            words.AddRange(el.Words!);
            if (!el.Optional) return words;
        }
        return null;
    }

    public sealed class Match
    {
        public int First;
        public int End;
        public List<Mention> States = [];
        public Mention? Org;
        public List<int> WildTokens = [];

        /// <summary>Empties a scratch match for another attempt (the lists are kept, so that a failed attempt allocates nothing).</summary>
        internal void Reset(int first)
        {
            First = first;
            End = 0;
            Org = null;
            States.Clear();
            WildTokens.Clear();
        }

        /// <summary>A copy with lists of its own: what a caller keeps while the scratch match is reused.</summary>
        internal Match Copy() => new() { First = First, End = End, States = [.. States], Org = Org, WildTokens = [.. WildTokens] };
    }

    /// <summary>Matches the pattern at token <paramref name="start"/> into a scratch match, reset first (no allocation when nothing matches).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal bool TryMatchInto(Document doc, int start, int sentenceEnd, Match scratch)
    {
        scratch.Reset(start);
        return Walk(doc, 0, start, sentenceEnd, scratch);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Walk(Document doc, int e, int t, int end, Match m)
    {
        while (t < end && e > 0 && (doc.Tokens[t].Kind == TokenKind.Quote || (t < doc.InTime.Length && doc.InTime[t]))) t++;
        if (e == _elements.Length) { m.End = t; return true; }
        var el = _elements[e];
        int next = Consume(doc, el, t, end, m, out var added);
        if (next > t && Walk(doc, e + 1, next, end, m)) return true;
        if (added is not null) m.States.RemoveRange(m.States.Count - added.Value, added.Value);
        if (el.Slot == Slot.Org && next > t) m.Org = null;
        if (el.Slot == Slot.Any && next > t) m.WildTokens.RemoveAt(m.WildTokens.Count - 1);
        return el.Optional && Walk(doc, e + 1, t, end, m);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Consume(Document doc, Element el, int t, int end, Match m, out int? added)
    {
        added = null;
        if (t >= end) return t;
        switch (el.Slot)
        {
            case Slot.Words:
                return el.Words!.Contains(doc.Lower[t]) ? t + 1 : t;
            case Slot.Ordinal:
                return IsOrdinal(doc.Lower[t]) ? t + 1 : t;
            case Slot.Any:
                if (doc.Tokens[t].Kind is TokenKind.Punct or TokenKind.Quote) return t;
                m.WildTokens.Add(t);
                return t + 1;
            case Slot.Org:
            {
                int k = doc.Lower[t] == "the" ? t + 1 : t;
                // "quit the then Organisation of African Unity", "the former bloc"
                if (k < end && doc.Lower[k] is "then" or "former" or "now-defunct") k++;
                // "the 10-member regional bloc": a few modifiers before a noun that refers back to the organization
                if (k > t && doc.MentionStartingAt(k) is null)
                    for (int j = k + 1; j < Math.Min(end, k + 5); j++)
                    {
                        if (doc.Tokens[j - 1].Kind is TokenKind.Punct or TokenKind.Quote && doc.Lower[j - 1] != "-") break;
                        if (doc.MentionStartingAt(j) is { Kind: MentionKind.OrganizationRef }) { k = j; break; }
                    }
                if (doc.MentionStartingAt(k) is { } o && o.IsOrg)
                {
                    m.Org = o;
                    // "the African Union (AU)": the acronym in parentheses belongs to the name
                    int after = o.End;
                    if (after + 2 < end && doc.Lower[after] == "(" && doc.MentionStartingAt(after + 1) is { IsOrg: true } a && a.End < end && doc.Lower[a.End] == ")") after = a.End + 1;
                    return after;
                }
                return t;
            }
            default:
            {
                int before = m.States.Count;
                int k = StateGroup(doc, t, end, m.States);
                // "suspended the country", "the three countries were invited": a phrase that refers back to states named before
                if (k == t) k = Chunks.Coordination.Anaphor(doc, t, end, m.States);
                added = m.States.Count - before;
                return k;
            }
        }
    }

    /// <summary>"Georgia and Ukraine", "Burkina Faso, Mali, and Niger", "the Republic of Niger": states joined by commas and "and".</summary>
    public static int StateGroup(Document doc, int t, int end, List<Mention> into)
    {
        int k = t;
        int last = t;
        while (k < end)
        {
            if (doc.Lower[k] == "the") k++;
            if (doc.MentionStartingAt(k) is not { IsStateActor: true } s) break;
            into.Add(s);
            k = s.End;
            last = k;
            if (k < end && doc.Lower[k] == ",") k++;
            if (k < end && doc.Lower[k] is "and" or "&") k++;
        }
        return last;
    }

    /// <summary>The first token of the coordinated group of states that ends with <paramref name="last"/>.</summary>
    public static int StateGroupStart(Document doc, Mention last, int sentenceFirst)
    {
        int first = last.First;
        while (true)
        {
            int k = first - 1;
            if (k >= sentenceFirst && doc.Lower[k] == "the") k--;
            if (k >= sentenceFirst && doc.Lower[k] is "and" or "&") k--;
            if (k >= sentenceFirst && doc.Lower[k] == ",") k--;
            if (k < sentenceFirst || k == first - 1 || (k == first - 2 && doc.Lower[first - 1] == "the")) break;
            Mention? prev = null;
            for (int b = k; b >= sentenceFirst && k - b < 8; b--)
                if (doc.MentionStartingAt(b) is { } m) { prev = m.End == k + 1 ? m : null; break; }
            if (prev is not { IsStateActor: true }) break;
            first = prev.First;
        }
        return first;
    }

    private static bool IsOrdinal(string w) =>
        w is "first" or "second" or "third" or "fourth" or "fifth" or "sixth" or "seventh" or "eighth" or "ninth" or "tenth" or "eleventh"
            or "twelfth" or "newest" or "latest" or "new"
        || (w.Length >= 3 && char.IsDigit(w[0]) && (w.EndsWith("st", StringComparison.Ordinal) || w.EndsWith("nd", StringComparison.Ordinal)
            || w.EndsWith("rd", StringComparison.Ordinal) || w.EndsWith("th", StringComparison.Ordinal)));
}

/// <summary>Trigger patterns indexed by their first word, so a token is tried only against the patterns it can start.</summary>
public sealed class TriggerIndex
{
    private readonly Dictionary<string, List<TriggerPattern>> _byFirst = new(StringComparer.Ordinal);
    private readonly List<TriggerPattern> _anyFirst = [];

    public TriggerIndex(IEnumerable<string[]> rows)
    {
        foreach (var row in rows)
        {
            var p = new TriggerPattern(row);
            if (p.FirstWords() is { } words)
                foreach (var w in words.Distinct())
                {
                    if (!_byFirst.TryGetValue(w, out var list)) _byFirst[w] = list = [];
                    list.Add(p);
                }
            else _anyFirst.Add(p);
        }
    }

    /// <summary>Every trigger matching in the sentence, at most one (the longest) per start token.</summary>
    public SentenceMatches Matches(Document doc, int first, int end) => new(this, doc, first, end);

    /// <summary>The matches of one sentence, enumerated without allocating (a struct enumerator; the scratch matches are reused per thread).</summary>
    public readonly struct SentenceMatches(TriggerIndex index, Document doc, int first, int end)
    {
        public Enumerator GetEnumerator() => new(index, doc, first, end);

        public struct Enumerator(TriggerIndex index, Document doc, int first, int end)
        {
            private int _t = first;
            private Scan? _scan;

            public (TriggerPattern Pattern, TriggerPattern.Match Match) Current { get; private set; }

            [MethodImpl(MethodImplOptions.AggressiveOptimization)]
            public bool MoveNext()
            {
                if (_t >= end) return false;
                if (_scan is null) { _scan = t_spare ?? new Scan(); t_spare = null; }
                var scan = _scan;
                for (; _t < end; _t++)
                {
                    scan.BestPattern = null;
                    if (index._byFirst.TryGetValue(doc.Lower[_t], out var list))
                        foreach (var p in list)
                            scan.Try(p, doc, _t, end);
                    if (index._anyFirst.Count > 0 && (doc.MentionAt[_t] >= 0 || doc.Lower[_t] == "the"))
                        foreach (var p in index._anyFirst)
                            scan.Try(p, doc, _t, end);
                    if (scan.BestPattern is { } best)
                    {
                        Current = (best, scan.Best!.Copy());
                        _t = scan.Best.End;
                        return true;
                    }
                }
                t_spare = scan; // the sentence is done: its scratch serves the next one on this thread
                return false;
            }
        }
    }

    [ThreadStatic] private static Scan? t_spare;

    /// <summary>Two scratch matches, the attempt and the best so far, swapped on improvement: only a match that is yielded is copied.</summary>
    private sealed class Scan
    {
        private TriggerPattern.Match _attempt = new();
        public TriggerPattern.Match? Best;
        public TriggerPattern? BestPattern;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Try(TriggerPattern p, Document doc, int t, int end)
        {
            if (!p.TryMatchInto(doc, t, end, _attempt) || _attempt.End <= t || (BestPattern is not null && _attempt.End <= Best!.End)) return;
            (Best, _attempt) = (_attempt, Best ?? new TriggerPattern.Match());
            BestPattern = p;
        }
    }
}
