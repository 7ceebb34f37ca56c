using Plenary.Core.Claims;
using Plenary.Core.Ids;
using Plenary.Core.Time;
using Plenary.Reader.Gazetteer;
using Plenary.Reader.Sentences;
using Plenary.Reader.Tokens;

namespace Plenary.Reader.Patterns;

/// <summary>Helpers every claim rule uses: finding mentions near a trigger, the clause's date, hedges and negation.</summary>
public sealed class RuleContext(Document doc, Lexicons lexicons)
{
    public Document Doc { get; } = doc;
    public Lexicons Lexicons { get; } = lexicons;

    public EdtfDate? Published => Doc.Published is { } p ? EdtfDate.Of(p) : null;

    public Sentence SentenceOfToken(int t) => Doc.Sentences[Doc.SentenceOf[t]];

    /// <summary>The evidence span of a sentence, without a line's leading or trailing spaces.</summary>
    public Evidence SentenceSpan(Sentence s) => new(s.Start, Math.Max(s.Start + 1, s.EndChar));

    public Evidence Span(int firstToken, int endToken) => new(Doc.Tokens[firstToken].Start, Math.Max(Doc.Tokens[firstToken].Start + 1, Doc.Tokens[endToken - 1].End));

    /// <summary>
    /// The date on which the sentence asserts what it says: inside a quotation, the date it was said; otherwise the
    /// time expression right after a speech verb ("announced on Monday", "said Tuesday"); otherwise publication.
    /// </summary>
    public EdtfDate? ContextDate(int token) => Context(token).Date;

    /// <summary>The context date and whether the text states it (false: it is the publication date by default).</summary>
    public (EdtfDate? Date, bool Explicit) Context(int token)
    {
        if (Doc.QuoteOf[token] is int q and >= 0 && Doc.Quotes[q].Date is { } qd) return (qd, Doc.Quotes[q].DateExplicit);
        var s = SentenceOfToken(token);
        foreach (var t in TimesIn(s.First, s.End))
        {
            if (Doc.QuoteOf[t.First] >= 0) continue;
            if (AfterSpeechVerb(t.First) && t.Value is not null) return (t.Value, true);
        }
        // "Earlier, in May, an official said that …": a time at the head of a reporting clause
        int verb = -1;
        for (int k = s.First; k < s.End; k++)
            // "Speaking late Wednesday, the minister said …": the participle is not the reporting verb
            if (Doc.QuoteOf[k] < 0 && Lexicons.SpeechVerbs.Contains(Doc.Lower[k]) && !Doc.Lower[k].EndsWith("ing", StringComparison.Ordinal)) { verb = k; break; }
        if (verb > 0)
            foreach (var t in TimesIn(s.First, verb))
                if (Doc.QuoteOf[t.First] < 0 && t.Value is not null && t.First <= s.First + 3) return (t.Value, true);
        // "In May 2024, Armenia halted funding. Although the bloc confirmed it, it maintained that …": a past report in the
        // same paragraph goes on in the time the sentence before opened with
        if (NarrativeTime(s) is { } narrative) return (narrative, true);
        return (ReportDay, false);
    }

    /// <summary>
    /// The dated time the previous sentence of the same paragraph opens with ("In May 2024, …"), when this sentence has
    /// no time of its own and reports in the past ("maintained that", "said that"); else null.
    /// </summary>
    private EdtfDate? NarrativeTime(Sentence s)
    {
        if (Doc.SentenceOf[s.First] == 0 || Doc.Tokens[s.First].NewlineBefore || TimesIn(s.First, s.End).Any()) return null;
        bool pastReport = false;
        for (int k = s.First; k < s.End && !pastReport; k++)
            pastReport = Doc.QuoteOf[k] < 0 && Lexicons.SpeechVerbs.Contains(Doc.Lower[k])
                && (Lexicons.PastVerbs.Contains(Doc.Lower[k]) || Doc.Lower[k].EndsWith("ed", StringComparison.Ordinal));
        if (!pastReport) return null;
        var before = Doc.Sentences[Doc.SentenceOf[s.First] - 1];
        foreach (var t in TimesIn(before.First, Math.Min(before.End, before.First + 3)))
            if (!t.Relative && t.Value is { } v && Doc.QuoteOf[t.First] < 0) return v;
        return null;
    }

    /// <summary>
    /// "Cuba was barred from 1962 to 2009 but remained a member": a standing stated in the past tense holds at the latest
    /// time its sentence gives with a year (outside quotations), not at the report; null when the verb is not past.
    /// </summary>
    public EdtfDate? PastStandingTime(int trigger)
    {
        if (!(Lexicons.PastVerbs.Contains(Doc.Lower[trigger]) || Doc.Lower[trigger] == "remained")) return null;
        var s = SentenceOfToken(trigger);
        EdtfDate? latest = null;
        foreach (var t in TimesIn(s.First, s.End))
            if (!t.Relative && t.Value is { } v && Doc.QuoteOf[t.First] < 0 && (latest is null || v.End > latest.Value.End)) latest = v;
        return latest;
    }

    /// <summary>What an undated assertion defaults to: the day of the lead's reported event, else publication.</summary>
    public EdtfDate? ReportDay => Doc.ReportDay is { } r ? EdtfDate.Of(r) : Published;

    /// <summary>"the current chair", "currently holds", "the incumbent chair": a standing stated as of the report, in the three words before a trigger.</summary>
    public bool StatedAsCurrent(int first)
    {
        for (int k = first - 1; k >= Math.Max(0, first - 3); k--)
            if (Doc.Lower[k] is "current" or "currently" or "incumbent" or "present") return true;
        return false;
    }

    public bool AfterSpeechVerb(int timeFirst)
    {
        int b = timeFirst - 1;
        if (b >= 0 && Doc.Lower[b] == "on") b--;
        return b >= 0 && (Lexicons.SpeechVerbs.Contains(Doc.Lower[b]) || Doc.Lower[b] is "reported" or "reports" or "insisted");
    }

    public IEnumerable<Time.TimeExpression> TimesIn(int first, int end)
    {
        int lo = 0, hi = Doc.Times.Count;
        while (lo < hi) { int mid = (lo + hi) / 2; if (Doc.Times[mid].First < first) lo = mid + 1; else hi = mid; }
        for (int i = lo; i < Doc.Times.Count && Doc.Times[i].First < end; i++) yield return Doc.Times[i];
    }

    /// <summary>The time expression nearest a trigger in its sentence (after it first, then before), skipping "said on Monday".</summary>
    public Time.TimeExpression? TimeNear(int first, int end, int after = 10, int before = 6)
    {
        var s = SentenceOfToken(first);
        bool inQuote = Doc.QuoteOf[first] >= 0;
        Time.TimeExpression? best = null;
        int bestDistance = int.MaxValue;
        foreach (var t in TimesIn(Math.Max(s.First, first - before), Math.Min(s.End, end + after)))
        {
            if ((Doc.QuoteOf[t.First] >= 0) != inQuote || AfterSpeechVerb(t.First)) continue;
            if (t.Value is null || (t.End < Doc.Tokens.Count && Doc.Lower[t.End] == "'s")) continue;
            // "ADDIS ABABA, Feb. 17 — …": a dateline dates the report, not the events it tells
            if (Dateline(t)) continue;
            if (t.End <= first && !ClauseJoins(t.End, first) && t.First > s.First + 1 && !FrontedBeforeSubject(t.End, first)) continue;
            // "the summit, the first since the coup in February 2021": a time inside a clause that dates another event
            if (t.First >= end && Subordinated(end, t.First)) continue;
            int distance = t.First >= end ? t.First - end : (first - t.End) + 3;
            if (distance < bestDistance) { bestDistance = distance; best = t; }
        }
        return best ?? FrontedTime(s, first, inQuote);
    }

    /// <summary>
    /// "At the summit in Lima in May 2022, Freedonia, with three others, was invited": the time
    /// ending the sentence's opening phrase, right before the comma and the state that is the trigger's subject.
    /// </summary>
    private Time.TimeExpression? FrontedTime(Sentence s, int first, bool inQuote)
    {
        foreach (var t in TimesIn(s.First, first))
        {
            if (t.Value is null || (Doc.QuoteOf[t.First] >= 0) != inQuote || t.End >= first || Doc.Lower[t.End] != ",") return null;
            if (!ClauseJoins(s.First, t.First) || !StateAfterComma(t.End) || Subordinated(s.First, t.First)) return null;
            return t;
        }
        return null;
    }

    /// <summary>"ADDIS ABABA, Feb. 17 — …": a time among a sentence's first words, followed by a dash.</summary>
    public bool Dateline(Time.TimeExpression t)
    {
        var s = SentenceOfToken(t.First);
        return t.First <= s.First + 4 && t.End < s.End && Doc.Lower[t.End] is "—" or "–" or "-";
    }

    /// <summary>"beginning from Dec. 10, 2023, Niger is suspended": a time set off by a comma right before the clause's subject.</summary>
    private bool FrontedBeforeSubject(int from, int to)
    {
        // "In May 2022, Freedonia, with three others, was invited": the comma right after the time opens the clause
        if (from < to && Doc.Lower[from] == "," && StateAfterComma(from)) return true;
        int comma = -1;
        for (int k = to - 1; k >= from; k--) if (Doc.Lower[k] == ",") { comma = k; break; }
        return comma >= 0 && StateAfterComma(comma);
    }

    private bool StateAfterComma(int comma) =>
        Doc.MentionStartingAt(comma + 1 < Doc.Tokens.Count && Doc.Lower[comma + 1] == "the" ? comma + 2 : comma + 1) is { IsStateActor: true };

    /// <summary>True when a word that opens a clause about another event ("since", "after", "when") stands between the two tokens.</summary>
    private bool Subordinated(int from, int to)
    {
        for (int k = from; k < to; k++)
            if (Doc.Lower[k] is "since" or "after" or "when" or "because" && !Doc.InTime[k]) return true;
        return false;
    }

    /// <summary>True when no comma or semicolon stands between the two tokens.</summary>
    public bool ClauseJoins(int from, int to)
    {
        for (int k = from; k < to; k++) if (Doc.Lower[k] is "," or ";" or "(" or ")") return false;
        return true;
    }

    /// <summary>A hedge ("could", "may", "hope", "threatened to", "if") in the few words before a trigger, within its clause.</summary>
    public bool Hedged(int first, int window = 6)
    {
        var s = SentenceOfToken(first);
        // "would have left regardless": a counterfactual, not a report
        if (first - 2 >= s.First && Doc.Lower[first - 1] == "have" && Doc.Lower[first - 2] is "would" or "could" or "might" or "should") return true;
        if (first - 1 >= s.First && Doc.Lower[first] == "have" && Doc.Lower[first - 1] is "would" or "could" or "might" or "should") return true;
        for (int k = first - 1; k >= s.First && first - k <= window; k--)
        {
            var w = Doc.Lower[k];
            if (w is ";" or ":") break;
            if (Lexicons.Hedges.Contains(w)) return true;
        }
        return false;
    }

    public bool Negated(int first, int window = 3)
    {
        var s = SentenceOfToken(first);
        for (int k = first - 1; k >= s.First && first - k <= window; k--)
            if (Doc.Lower[k] is "not" or "never" or "n't" or "no" or "cannot") return true;
        return false;
    }

    public bool FutureBefore(int first, int window = 4)
    {
        var s = SentenceOfToken(first);
        for (int k = first - 1; k >= s.First && first - k <= window; k--)
            if (Doc.Lower[k] is "will" or "would" or "shall" or "'ll" || (Doc.Lower[k] == "to" && k > 0 && Doc.Lower[k - 1] is "plans" or "set" or "going" or "due" or "is" or "are")) return true;
        return false;
    }

    /// <summary>The nearest group of states before a token in its sentence ("Georgia and Ukraine … have already quit").</summary>
    public List<Mention> StatesBefore(int token, bool allowPersons, out Mention? person)
    {
        var found = StatesBefore(token, allowPersons, possessives: false, out person);
        return found.Count > 0 || person is not null ? found : StatesBefore(token, allowPersons, possessives: true, out person);
    }

    private static readonly HashSet<string> Prepositions = new(StringComparer.Ordinal)
    {
        "from", "to", "with", "against", "by", "for", "into", "toward", "towards", "over", "between", "among",
    };

    private List<Mention> StatesBefore(int token, bool allowPersons, bool possessives, out Mention? person)
    {
        person = null;
        var s = SentenceOfToken(token);
        var result = new List<Mention>();
        for (int k = token - 1; k >= s.First; k--)
        {
            if ((Doc.QuoteOf[k] >= 0) != (Doc.QuoteOf[token] >= 0)) continue;
            // "Armenia, which has suspended …": the relative pronoun's antecedent is the subject
            if (Doc.Lower[k] is "which" or "who" && k - 2 >= s.First && Doc.Lower[k - 1] == "," && MentionEndingAt(k - 2) is { IsStateActor: true } antecedent)
            {
                result.Add(antecedent);
                return result;
            }
            // "“Our country has frozen its participation,” the minister said": inside an attributed quotation, the speaker's state
            if (Doc.Lower[k] is "country" or "nation" && k > s.First && Doc.Lower[k - 1] is "our" or "my" && SpeakerState(k) is { } own)
            {
                result.Add(own);
                return result;
            }
            // "the Nordic country became …", "The three countries were invited …": states named before
            if (AnaphorEndingAt(k, s.First) is { } referents)
            {
                result.AddRange(referents);
                return result;
            }
            // "since it quit the bloc": a pronoun subject right before the trigger is not resolved here (precision first)
            if (Doc.Lower[k] is "it" or "they" && token - k <= 3 && Doc.QuoteOf[k] < 0)
            {
                // "… said (that) it would suspend …": the pronoun is the reporting clause's subject — a state, or an
                // institution its demonym names ("the Indonesian Energy Ministry said it")
                int v = k - 1;
                if (v >= s.First && Doc.Lower[v] == "that") v--;
                // "said on Monday that it had left": the time after the reporting verb
                while (v > s.First && (Doc.InTime[v] || Doc.Lower[v] == "on")) v--;
                if (v >= s.First && Lexicons.SpeechVerbs.Contains(Doc.Lower[v]))
                    for (int b = v - 1; b >= Math.Max(s.First, v - 6); b--)
                        if (Doc.MentionStartingAt(b) is { State: not null } subj && subj.Kind is MentionKind.State or MentionKind.Demonym or MentionKind.Capital or MentionKind.Metonym)
                        {
                            result.Add(subj);
                            break;
                        }
                return result;
            }
            var m = MentionEndingAt(k);
            if (m is null) continue;
            // "ADDIS ABABA - …": a dateline names where the report was filed, not an actor
            if (m.Kind is MentionKind.Capital or MentionKind.City && m.First == s.First && m.End < Doc.Tokens.Count && Doc.Lower[m.End] is "-" or "–" or "—" or "(" or ":") { k = m.First; continue; }
            bool possessive = m.End < Doc.Tokens.Count && Doc.Lower[m.End] == "'s";
            // "Armenia’s decision to not take part": the possessor of a decision is its subject
            if (possessive && m.IsStateActor && m.End + 1 < Doc.Tokens.Count && Doc.Lower[m.End + 1] is "decision" or "plan" or "plans" or "move" or "refusal" or "intention" or "choice" or "bid")
            {
                result.Add(m);
                return result;
            }
            bool governed = m.First > 0 && Prepositions.Contains(Doc.Lower[m.First - 1]) || (m.First > 1 && Doc.Lower[m.First - 1] == "the" && Prepositions.Contains(Doc.Lower[m.First - 2]))
                // "who is in Riyadh to attend": a capital after "in" or "at" is a place, not an actor
                || (m.Kind is MentionKind.Capital or MentionKind.City && m.First > 0 && Doc.Lower[m.First - 1] is "in" or "at");
            // "with Nicaragua's admission": the preposition governs the trigger's own noun phrase, whose possessor is the subject
            if ((possessive && !possessives) || (governed && !(possessive && m.End + 1 == token))) { k = m.First; continue; }
            if (m.Kind == MentionKind.Person && allowPersons)
            {
                person = m;
                if (m.State is not null) result.Add(m);
                return result;
            }
            if (!m.IsStateActor) { k = m.First; continue; }
            // walk back over "A, B and C"
            int first = TriggerPattern.StateGroupStart(Doc, m, s.First);
            TriggerPattern.StateGroup(Doc, first, m.End, result);
            return result;
        }
        return result;
    }

    /// <summary>The mention of the speaker of the quotation holding token <paramref name="k"/>, when the speaker has a state; else null.</summary>
    private Mention? SpeakerState(int k)
    {
        if (Doc.QuoteOf[k] is not (int q and >= 0) || Doc.Quotes[q].Speaker is not (int p and >= 0) || Doc.Entities[p].State is not { } state) return null;
        return new Mention(k - 1, k + 1, Doc.Tokens[k - 1].Start, Doc.Tokens[k].End, MentionKind.State, state);
    }

    /// <summary>A collective or singular phrase ending at token <paramref name="k"/> that refers back to states ("the three countries"), not governed by a preposition.</summary>
    private List<Mention>? AnaphorEndingAt(int k, int sentenceFirst)
    {
        if (Doc.Lower[k] is not ("country" or "nation" or "countries" or "states" or "nations" or "governments" or "juntas" or "members" or "newcomers")) return null;
        for (int d = k - 1; d >= Math.Max(sentenceFirst, k - 3); d--)
        {
            if (Doc.Lower[d] is not ("the" or "these" or "those" or "both" or "all")) continue;
            if (d > 0 && Prepositions.Contains(Doc.Lower[d - 1]) || (d > 0 && Doc.Lower[d - 1] is "of" or "in")) return null;
            var found = new List<Mention>();
            return Chunks.Coordination.Anaphor(Doc, d, k + 1, found) == k + 1 ? found : null;
        }
        return null;
    }

    /// <summary>The organization the passage is about: the last one named in this sentence before the token or in the three before it.</summary>
    public Mention? OrgInDiscourse(int token)
    {
        int floor = Doc.Sentences[Math.Max(0, Doc.SentenceOf[token] - 3)].First;
        for (int k = token - 1; k >= floor; k--)
            if (Doc.MentionStartingAt(k) is { IsOrg: true } o && Doc.QuoteOf[k] < 0) return o; // a body ("the Arab League summit") names its organization
        return null;
    }

    /// <summary>The last state named (as itself, not a demonym) before a token, within the previous few sentences.</summary>
    public Mention? LastStateBefore(int token)
    {
        int firstSentence = Math.Max(0, Doc.SentenceOf[token] - 3);
        int floor = Doc.Sentences[firstSentence].First;
        for (int k = token - 1; k >= floor; k--)
            if (Doc.MentionStartingAt(k) is { Kind: MentionKind.State, State: not null } m) return m;
        return null;
    }

    /// <summary>"Armenia, a member state": the state right before the comma that precedes a token.</summary>
    public List<Mention> Apposition(int token)
    {
        if (token >= 2 && Doc.Lower[token - 1] == "," && MentionEndingAt(token - 2) is { IsStateActor: true } m) return [m];
        return [];
    }

    public Mention? MentionEndingAt(int token)
    {
        for (int b = token; b >= 0 && token - b < 12; b--)
        {
            if (Doc.MentionStartingAt(b) is { } m) return m.End == token + 1 ? m : null;
        }
        return null;
    }

    /// <summary>The first group of states after a token in its sentence.</summary>
    public List<Mention> StatesAfter(int token, int window = 8)
    {
        var s = SentenceOfToken(Math.Max(0, token - 1));
        var result = new List<Mention>();
        for (int k = token; k < s.End && k - token <= window; k++)
        {
            if (Doc.MentionStartingAt(k) is { IsStateActor: true })
            {
                TriggerPattern.StateGroup(Doc, k, s.End, result);
                return result;
            }
        }
        return result;
    }

    /// <summary>The organization a trigger is about: the first one after it in the sentence, else the nearest before.</summary>
    public Mention? OrgNear(int first, int end, int after = 14)
    {
        var s = SentenceOfToken(first);
        for (int k = end; k < Math.Min(s.End, end + after); k++)
            if (Doc.MentionStartingAt(k) is { IsOrg: true } o) return o;
        for (int k = first - 1; k >= s.First; k--)
            if (Doc.MentionStartingAt(k) is { IsOrg: true } o) return o;
        return null;
    }

    public string Words(int first, int end) => Doc.Text[Doc.Tokens[first].Start..Doc.Tokens[end - 1].End];
}
