using Plenary.Core.Claims;
using Plenary.Core.Ids;
using Plenary.Reader.Gazetteer;

namespace Plenary.Reader.Patterns;

/// <summary>
/// Attendance from the triggers of Lexicons/attendance.txt ("will not be represented", "skipped", "represented by",
/// "by video"): the state (or a person and so the person's state) before the trigger, and the meeting named after it in
/// the sentence — or, when the sentence names none, the meeting of the sentences just before.
/// </summary>
public sealed class AttendanceRules(Lexicons lexicons)
{
    private readonly TriggerIndex _triggers = new(lexicons.Attendance);

    public IEnumerable<ProposedClaim> Run(RuleContext cx, MeetingRules meetings)
    {
        var claims = Frames(cx, meetings).ToList();
        // "took part in the summit by video link", "attended, represented by its foreign minister": the more specific
        // way of taking part that the same sentence states for the same state and meeting replaces "present"
        var specific = claims.Where(c => c.Fact is AttendanceFact { Attendance: AttendanceKind.Remote or AttendanceKind.LowerLevel })
            .Select(c => (AttendanceFact)c.Fact is var b ? (b.State, b.Org, b.MeetingDate, c.Evidence[0]) : default).ToHashSet();
        return specific.Count == 0 ? claims : claims.Where(c => c.Fact is not AttendanceFact { Attendance: AttendanceKind.Present } a
            || !specific.Contains((a.State, a.Org, a.MeetingDate, c.Evidence[0])));
    }

    private IEnumerable<ProposedClaim> Frames(RuleContext cx, MeetingRules meetings)
    {
        var doc = cx.Doc;
        foreach (var sentence in doc.Sentences)
        {
            foreach (var (pattern, match) in _triggers.Matches(doc, sentence.First, sentence.End))
            {
                // inside a quotation only when it is someone's attributed statement ("“Lavrov will represent Russia at …,” Ushakov said")
                if ((doc.QuoteOf[match.First] is int q and >= 0 && doc.Quotes[q].Speaker < 0) || cx.Hedged(match.First, 8)) continue;
                if (!WireName.TryParse<AttendanceKind>(pattern.Columns[1], out var kind)) continue;
                bool negatedPattern = pattern.Source.StartsWith("not", StringComparison.Ordinal);
                if (!negatedPattern && cx.Negated(match.First)) continue;
                var meeting = MeetingAfter(cx, meetings, match.End, sentence) ?? RecentMeeting(cx, meetings, sentence);
                if (meeting is null) continue;
                Mention? person;
                List<Mention> subjects;
                if (pattern.Columns.Length > 2 && pattern.Columns[2] == "after")
                {
                    person = doc.MentionStartingAt(match.End) is { Kind: MentionKind.Person } p ? p : null;
                    subjects = person is { State: not null } ? [person] : cx.StatesAfter(match.End, 4);
                    // "brought together leaders from across the region, including A, B and C": the list after the trigger
                    if (ListAfter(cx, match.End, sentence.End) is { Count: > 0 } list && (list.Count > 1 || subjects.Count == 0)) { subjects = list; person = null; }
                }
                else
                {
                    subjects = cx.StatesBefore(match.First, allowPersons: true, out person);
                    // "A, B and C will be in attendance": every item of the list the subject ends
                    if ((person ?? subjects.LastOrDefault()) is { } last && ListEndingWith(cx, sentence, last) is { Count: > 1 } list) { subjects = list; person = null; }
                }
                // "Foreign Minister Ivan Petrov will represent Russia at …": the state the pattern names, when the person has none
                if (!subjects.Any(x => x.State is not null) && match.States.Count > 0) subjects = match.States;
                // "lead the Indian delegation": the state is the delegation's
                foreach (var w in match.WildTokens)
                    if (doc.MentionStartingAt(w) is { Kind: MentionKind.Demonym, State: not null } dm) subjects = [dm];
                // "represented by Foreign Minister Sergei Lavrov": the stand-in is the person
                if (kind == AttendanceKind.LowerLevel && pattern.Source.Contains("represented", StringComparison.Ordinal))
                {
                    for (int k = match.End; k < Math.Min(sentence.End, match.End + 6); k++)
                        if (doc.MentionStartingAt(k) is { Kind: MentionKind.Person } stand) { person = stand; break; }
                }
                // "Instead, Premier Li Qiang will take part": a named stand-in for one who stays away is below the meeting's level
                if (kind == AttendanceKind.Present && person is not null && Instead(cx, sentence))
                {
                    kind = AttendanceKind.LowerLevel;
                    // "Premier and Xi’s confidant Li Qiang": a possessor is not the stand-in
                    if (person.End < doc.Tokens.Count && doc.Lower[person.End] == "'s") 
                    {
                        var possessor = person;
                        person = null;
                        subjects = subjects.Select(m => m == possessor ? m with { Kind = MentionKind.Demonym } : m).ToList();
                    }
                }
                var modality = meeting.Status == MeetingStatus.Scheduled || cx.FutureBefore(match.First, 3) ? Modality.Planned : Modality.Reported;
                var date = meeting.Date ?? DatedTwin(meetings, meeting)?.Date;
                foreach (var group in subjects.Where(s => s.State is not null).GroupBy(s => s.State!.Value))
                {
                    var s = group.Key;
                    // the person who attended: the subject's own name when the list names one, else the single person found
                    var who = group.FirstOrDefault(m => m.Kind == MentionKind.Person) ?? (person?.State == s || person?.State is null ? person : null);
                    var personName = who is { Person: >= 0 } pm ? doc.Entities[pm.Person].Name : null;
                    var fact = new AttendanceFact(s, meeting.Org, date, meeting.Place, kind, personName);
                    yield return new ProposedClaim(fact, [cx.SentenceSpan(sentence)], modality, "attendance:" + pattern.Source, cx.Words(match.First, match.End));
                }
            }
        }
    }

    private static bool Instead(RuleContext cx, Sentences.Sentence sentence)
    {
        for (int k = sentence.First; k < sentence.End; k++)
            if (cx.Doc.Lower[k] == "instead" && cx.Doc.QuoteOf[k] < 0) return true;
        return false;
    }

    /// <summary>The same meeting named elsewhere with a date (the headline names it, the body dates it): same organization, no conflicting place.</summary>
    private static MeetingRecord? DatedTwin(MeetingRules meetings, MeetingRecord meeting)
    {
        MeetingRecord? best = null;
        foreach (var m in meetings.Meetings)
        {
            if (m == meeting || m.Org != meeting.Org || m.Date is null || (m.Place is not null && meeting.Place is not null && m.Place != meeting.Place)) continue;
            if (best is null || Math.Abs(m.Noun - meeting.Noun) < Math.Abs(best.Noun - meeting.Noun)) best = m;
        }
        return best;
    }

    /// <summary>The list of states and persons starting within a few words after a trigger ("brought together leaders …, including A, B and C").</summary>
    private static List<Mention>? ListAfter(RuleContext cx, int from, int end)
    {
        for (int k = from; k < Math.Min(end, from + 12); k++)
        {
            var items = new List<Mention>();
            if (Chunks.Coordination.ListAt(cx.Doc, k, end, items, persons: true) > k) return items;
        }
        return null;
    }

    /// <summary>The coordinated list of states and persons in the sentence whose last item is <paramref name="last"/>.</summary>
    private static List<Mention>? ListEndingWith(RuleContext cx, Sentences.Sentence sentence, Mention last)
    {
        for (int k = sentence.First; k < last.First; k++)
        {
            // "who will meet in Lithuania, the head of …": a place after "in" or "at" starts no list of participants
            if (k > sentence.First && cx.Doc.Lower[k - 1] is "in" or "at") continue;
            var items = new List<Mention>();
            int e = Chunks.Coordination.ListAt(cx.Doc, k, sentence.End, items, persons: true);
            if (e <= k) continue;
            if (items.Contains(last)) return items;
            k = e - 1;
        }
        return null;
    }

    private MeetingRecord? MeetingAfter(RuleContext cx, MeetingRules meetings, int from, Sentences.Sentence sentence)
    {
        for (int k = from; k < Math.Min(sentence.End, from + 10); k++)
        {
            if (meetings.ByNoun.TryGetValue(k, out var m)) return m;
            if (k + 1 < sentence.End && lexicons.MeetingNouns.Contains(cx.Doc.Lower[k]) && meetings.ByNoun.TryGetValue(k + 1, out var m2)) return m2;
        }
        return null;
    }

    /// <summary>The meeting named last in this sentence or the two before it.</summary>
    private static MeetingRecord? RecentMeeting(RuleContext cx, MeetingRules meetings, Sentences.Sentence sentence)
    {
        int first = cx.Doc.Sentences[Math.Max(0, cx.Doc.SentenceOf[sentence.First] - 2)].First;
        int at = Array.BinarySearch(meetings.NounOrder, sentence.End);
        int k = (at >= 0 ? at : ~at) - 1;
        return k >= 0 && meetings.NounOrder[k] >= first ? meetings.ByNoun[meetings.NounOrder[k]] : null;
    }
}
