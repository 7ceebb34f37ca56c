using System.Runtime.CompilerServices;
using Plenary.Core.Claims;
using Plenary.Core.Ids;
using Plenary.Core.Time;
using Plenary.Reader.Gazetteer;

namespace Plenary.Reader.Patterns;

/// <summary>
/// Chairs: the verb ("he would chair the upcoming EEU session" → session; "Azerbaijan will chair this structure" → term),
/// the title ("BRICS chair president Cyril Ramaphosa", "Hun Sen, … current ASEAN chair" → term; "chairman of the summit"
/// → session) and the hand-over ("the chairmanship passed from Venezuela to Azerbaijan").
/// </summary>
public sealed class ChairRules(Lexicons lexicons)
{
    private readonly TriggerIndex _triggers = new(lexicons.Chair);

    private static readonly HashSet<string> Verbs = new(StringComparer.Ordinal) { "chair", "chairs", "chaired", "chairing" };
    private static readonly HashSet<string> Titles = new(StringComparer.Ordinal) { "chair", "chairman", "chairwoman", "chairperson" };
    private static readonly HashSet<string> Offices = new(StringComparer.Ordinal) { "chairmanship", "chairmanships", "presidency", "chairship" };
    /// <summary>Every word of the three sets: one lookup rules out the other words of the text.</summary>
    private static readonly HashSet<string> AnyChairWord = new(Verbs.Concat(Titles).Concat(Offices), StringComparer.Ordinal);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public IEnumerable<ProposedClaim> Run(RuleContext cx, MeetingRules meetings)
    {
        var doc = cx.Doc;
        var claims = new List<ProposedClaim>();
        Frames(cx, claims);
        foreach (var sentence in doc.Sentences)
        {
            for (int i = sentence.First; i < sentence.End; i++)
            {
                if (doc.QuoteOf[i] >= 0 || !AnyChairWord.Contains(doc.Lower[i])) continue;
                var w = doc.Lower[i];
                bool verbUse = Verbs.Contains(w) && i > 0 && doc.Lower[i - 1] is "will" or "would" or "to" or "who" or "he" or "she" or "," or "also" or "which" or "currently" or "now"
                    || (w == "chaired" && i > 0 && doc.Lower[i - 1] != "was");
                if (w == "chaired" && i > 0 && doc.Lower[i - 1] is "was" or "were" or "is" or "be" or "been" && i + 1 < sentence.End && doc.Lower[i + 1] == "by")
                    Passive(cx, meetings, sentence, i, claims);
                else if (Verbs.Contains(w) && (verbUse || (w is "chaired" or "chairs" && doc.MentionStartingAt(i - 1) is not null)))
                    Verb(cx, meetings, sentence, i, claims);
                else if (Titles.Contains(w) && !cx.Hedged(i))
                    Title(cx, meetings, sentence, i, claims);
                else if (Offices.Contains(w))
                    Office(cx, sentence, i, claims);
            }
        }
        return claims;
    }

    private static void Verb(RuleContext cx, MeetingRules meetings, Sentences.Sentence sentence, int i, List<ProposedClaim> claims)
    {
        var doc = cx.Doc;
        if (cx.Hedged(i, 4) || cx.Negated(i)) return;
        var subjects = cx.StatesBefore(i, allowPersons: true, out var person);
        if (person is null && subjects.Count == 0)
        {
            // "he would chair": the person last named
            for (int k = i - 1; k >= sentence.First && i - k <= 4; k--)
                if (doc.Lower[k] is "he" or "she")
                {
                    person = LastPerson(doc, k);
                    if (person?.State is not null) subjects = [person];
                    break;
                }
        }
        if (subjects.Count == 0) return;
        MeetingRecord? meeting = null;
        Mention? org = null;
        for (int k = i + 1; k < Math.Min(sentence.End, i + 8); k++)
        {
            if (meetings.ByNoun.TryGetValue(k, out meeting)) break;
            if (org is null && doc.MentionStartingAt(k) is { IsOrg: true } o)
            {
                org = o;
                // "which currently chairs the SCO, hosted the summit": the organization itself is the object — a term
                if (o.Kind != MentionKind.Body && o.First <= i + 2 && o.End < sentence.End && !cx.Lexicons.MeetingNouns.Contains(doc.Lower[o.End]) && !meetings.ByNoun.ContainsKey(o.End)) break;
            }
        }
        var modality = cx.FutureBefore(i, 2) ? Modality.Planned : Modality.Reported;
        var personName = person is { Person: >= 0 } ? doc.Entities[person.Person].Name : null;
        if (meeting is not null)
        {
            foreach (var s in subjects.Select(x => x.State!.Value).Distinct())
                claims.Add(new ProposedClaim(new ChairFact(meeting.Org, meeting.Bodies.FirstOrDefault() is { Name: not null } b ? b : null, s, personName, meeting.Date, ChairScope.Session),
                    [cx.SentenceSpan(sentence)], modality, "chair:verb-session", cx.Words(i, i + 1)));
        }
        else if (org?.Org is { } orgId)
        {
            var date = cx.TimeNear(i, i + 1)?.Value ?? cx.ContextDate(i);
            foreach (var s in subjects.Select(x => x.State!.Value).Distinct())
                claims.Add(new ProposedClaim(new ChairFact(orgId, org.Body, s, personName, date, ChairScope.Term),
                    [cx.SentenceSpan(sentence)], modality, "chair:verb-term", cx.Words(i, i + 1)));
        }
    }

    /// <summary>"The council's session on Monday was chaired by Ruritania": the agent after "by" chairs the meeting named before.</summary>
    private static void Passive(RuleContext cx, MeetingRules meetings, Sentences.Sentence sentence, int i, List<ProposedClaim> claims)
    {
        var doc = cx.Doc;
        if (cx.Hedged(i, 4) || cx.Negated(i)) return;
        MeetingRecord? meeting = null;
        for (int k = i - 1; k >= sentence.First && meeting is null; k--) meetings.ByNoun.TryGetValue(k, out meeting);
        if (meeting is null) return;
        var agent = doc.MentionStartingAt(i + 2) is { Kind: MentionKind.Person, State: not null } p ? [p] : cx.StatesAfter(i + 2, 1);
        var personName = agent.FirstOrDefault() is { Kind: MentionKind.Person, Person: >= 0 } pm ? doc.Entities[pm.Person].Name : null;
        var modality = meeting.Status == MeetingStatus.Scheduled ? Modality.Planned : Modality.Reported;
        foreach (var s in agent.Where(x => x.State is not null).Select(x => x.State!.Value).Distinct())
            claims.Add(new ProposedClaim(new ChairFact(meeting.Org, meeting.Bodies.FirstOrDefault() is { Name: not null } b ? b : null, s, personName, meeting.Date, ChairScope.Session),
                [cx.SentenceSpan(sentence)], modality, "chair:passive-session", cx.Words(i - 1, i + 2)));
    }

    private static void Title(RuleContext cx, MeetingRules meetings, Sentences.Sentence sentence, int i, List<ProposedClaim> claims)
    {
        var doc = cx.Doc;
        // the organization: right before ("BRICS chair", "the council's rotating chair"), or "chairman of the summit"
        Mention? org = null;
        for (int k = i - 1; k >= Math.Max(sentence.First, i - 4); k--)
            if (doc.MentionStartingAt(k) is { IsOrg: true } o) { org = o; break; }
        MeetingRecord? meeting = null;
        if (i + 2 < sentence.End && doc.Lower[i + 1] == "of")
        {
            for (int k = i + 2; k < Math.Min(sentence.End, i + 5); k++)
            {
                if (meetings.ByNoun.TryGetValue(k, out meeting)) break;
                if (org is null && doc.MentionStartingAt(k) is { IsOrg: true } o2) { org = o2; break; }
            }
        }
        // "new chairperson Rwandan President Paul Kagame" at "the Commonwealth Heads of Government Meeting": the sentence's organization
        if (org is null && meeting is null) org = cx.OrgNear(i, i + 1);
        if (org is null && meeting is null) return;
        // the person: after the title ("chair president Cyril Ramaphosa", "rotating chair, Burundi's Willy Nyamitwe"),
        // or the appositive's head before it ("Hun Sen, Cambodia's prime minister and current ASEAN chair")
        Mention? person = null;
        StateId? state = null;
        for (int k = i + 1; k < Math.Min(sentence.End, i + 7); k++)
        {
            var m = doc.MentionStartingAt(k);
            if (m is { Kind: MentionKind.Person }) { person = m; break; }
            if (m is { State: not null } && m.Kind is MentionKind.State or MentionKind.Demonym) state ??= m.State;
            if (doc.Lower[k] is "." or ";" or "said" or "the" && m is null && k > i + 1) break;
        }
        if (person is null)
        {
            state = null;
            for (int k = i - 1; k >= Math.Max(sentence.First, i - 14); k--)
            {
                var m = doc.MentionStartingAt(k);
                if (m is { Kind: MentionKind.Person }) { person = m; break; }
                if (m is { State: not null } && m.Kind is MentionKind.State or MentionKind.Demonym) state = m.State;
            }
        }
        if (person is null) return;
        var st = person.State ?? state;
        if (st is null) return;
        var name = person.Person >= 0 ? doc.Entities[person.Person].Name : null;
        if (meeting is not null)
            claims.Add(new ProposedClaim(new ChairFact(meeting.Org, null, st.Value, name, meeting.Date, ChairScope.Session),
                [cx.SentenceSpan(sentence)], Modality.Reported, "chair:title-session", cx.Words(i, i + 1)));
        else if (org?.Org is { } orgId)
            claims.Add(new ProposedClaim(new ChairFact(orgId, org.Body, st.Value, name, cx.ContextDate(i), ChairScope.Term),
                [cx.SentenceSpan(sentence)], Modality.Reported, "chair:title-term", cx.Words(i, i + 1)));
    }

    /// <summary>"The chairmanship in the Non-Aligned Movement passed from Venezuela to Azerbaijan", "Kazakhstan assumed the presidency of …".</summary>
    private static void Office(RuleContext cx, Sentences.Sentence sentence, int i, List<ProposedClaim> claims)
    {
        var doc = cx.Doc;
        var org = cx.OrgNear(i, i + 1, 6);
        if (org?.Org is not { } orgId) return;
        for (int k = i + 1; k < Math.Min(sentence.End, i + 14); k++)
        {
            // "the chairmanship passed from A to B", "the transition of the presidency from A to B"
            if ((doc.Lower[k] is "passed" or "passes" or "handed" or "transferred" || (k == i + 1 && doc.Lower[k] == "from")) && k + 1 < sentence.End)
            {
                int from = -1, to = -1;
                for (int j = k; j < Math.Min(sentence.End, k + 10); j++)
                {
                    if (doc.Lower[j] == "from" && doc.MentionStartingAt(j + 1) is { IsStateActor: true }) from = j + 1;
                    if (doc.Lower[j] == "to" && doc.MentionStartingAt(j + 1) is { IsStateActor: true }) to = j + 1;
                }
                var ev = cx.SentenceSpan(sentence);
                if (to >= 0)
                    claims.Add(new ProposedClaim(new ChairFact(orgId, null, doc.MentionStartingAt(to)!.State!.Value, null, cx.ContextDate(i), ChairScope.Term),
                        [ev], Modality.Reported, "chair:handover-to", cx.Words(i, k + 1)));
                if (from >= 0)
                    claims.Add(new ProposedClaim(new ChairFact(orgId, null, doc.MentionStartingAt(from)!.State!.Value, null, null, ChairScope.Term),
                        [ev], Modality.Reported, "chair:handover-from", cx.Words(i, k + 1)));
                return;
            }
        }
        // "Azerbaijan assumes (the) chairmanship"
        int b = i - 1;
        while (b >= sentence.First && doc.Lower[b] is "the" or "rotating" or "its") b--;
        if (b >= sentence.First && doc.Lower[b] is "assumes" or "assumed" or "assume" or "takes" or "took" or "holds" or "held")
        {
            var subjects = cx.StatesBefore(b, allowPersons: true, out _);
            foreach (var s in subjects.Where(x => x.State is not null).Select(x => x.State!.Value).Distinct())
                claims.Add(new ProposedClaim(new ChairFact(orgId, null, s, null, cx.ContextDate(i), ChairScope.Term),
                    [cx.SentenceSpan(sentence)], Modality.Reported, "chair:assumes", cx.Words(b, i + 1)));
        }
    }

    /// <summary>
    /// Chair frames from Lexicons/chair.txt ("Laos, which holds the bloc's rotating chair", "Ruritania's presidency of the
    /// council", "took over the chairmanship"): the state is the pattern's STATE, the subject before the trigger (a person
    /// gives the person's state) or the appositive head; the organization the pattern's ORG, else the one near or the passage's.
    /// </summary>
    private void Frames(RuleContext cx, List<ProposedClaim> claims)
    {
        var doc = cx.Doc;
        foreach (var sentence in doc.Sentences)
            foreach (var (pattern, match) in _triggers.Matches(doc, sentence.First, sentence.End))
            {
                if (doc.QuoteOf[match.First] >= 0 || cx.Hedged(match.First, 5) || cx.Negated(match.First)) continue;
                // "as well as the current chair of …" coordinates a new item; it says nothing of the words before
                if (match.First > 0 && doc.Lower[match.First - 1] == "well") continue;
                var role = pattern.Columns.Length > 1 ? pattern.Columns[1] : "before";
                Mention? person = null;
                var states = role switch
                {
                    "slot" or "handover" => match.States,
                    "apposition" => cx.Apposition(AppositionHead(doc, match.First, sentence.First)),
                    "possessor" => cx.MentionEndingAt(match.First - 1) is { IsStateActor: true } owner ? [owner] : [],
                    _ => cx.StatesBefore(match.First, allowPersons: true, out person),
                };
                if (role == "apposition" && states.Count == 0) states = cx.StatesBefore(match.First, allowPersons: true, out person);
                var org = match.Org ?? cx.OrgNear(match.First, match.End, 8) ?? cx.OrgInDiscourse(match.First);
                if (org?.Org is not { } orgId || states.Count == 0) continue;
                // "…, the current chair country of ORG": a standing at the time of the report, not at the sentence's event
                var date = cx.StatedAsCurrent(match.First) ? cx.ReportDay : cx.TimeNear(match.First, match.End)?.Value ?? cx.ContextDate(match.First);
                var modality = cx.FutureBefore(match.First, 3) ? Modality.Planned : Modality.Reported;
                var name = person is { Person: >= 0 } ? doc.Entities[person.Person].Name : null;
                foreach (var s in states.Where(x => x.State is not null).Select(x => x.State!.Value).Distinct())
                    claims.Add(new ProposedClaim(new ChairFact(orgId, org.Body, s, name, date, ChairScope.Term),
                        [cx.SentenceSpan(sentence)], modality, "chair:" + pattern.Source, cx.Words(match.First, match.End)));
                // the one who hands the chair over held it until then (its start is not said)
                if (role == "handover")
                    foreach (var s in cx.StatesBefore(match.First, allowPersons: true, out var giver).Where(x => x.State is not null).Select(x => x.State!.Value).Distinct())
                        if (!states.Any(x => x.State == s))
                            claims.Add(new ProposedClaim(new ChairFact(orgId, org.Body, s, giver is { Person: >= 0 } g ? doc.Entities[g.Person].Name : null, null, ChairScope.Term),
                                [cx.SentenceSpan(sentence)], Modality.Reported, "chair:handover-from " + pattern.Source, cx.Words(match.First, match.End)));
            }
    }

    /// <summary>The first word of the noun phrase a trigger heads: "the current rotating" before "chair country".</summary>
    private static int AppositionHead(Document doc, int first, int sentenceFirst)
    {
        int k = first;
        while (k - 1 >= sentenceFirst && doc.Lower[k - 1] is "the" or "current" or "rotating" or "annual" or "new" or "outgoing") k--;
        return k;
    }

    private static Mention? LastPerson(Document doc, int before) =>
        before < doc.LastPersonBefore.Length && doc.LastPersonBefore[before] is int m and >= 0 ? doc.Mentions[m] : null;
}
