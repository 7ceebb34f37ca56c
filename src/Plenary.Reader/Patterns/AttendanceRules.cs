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
        var doc = cx.Doc;
        foreach (var sentence in doc.Sentences)
        {
            foreach (var (pattern, match) in _triggers.Matches(doc, sentence.First, sentence.End))
            {
                if (doc.QuoteOf[match.First] >= 0 || cx.Hedged(match.First, 8)) continue;
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
                }
                else subjects = cx.StatesBefore(match.First, allowPersons: true, out person);
                // "lead the Indian delegation": the state is the delegation's
                foreach (var w in match.WildTokens)
                    if (doc.MentionStartingAt(w) is { Kind: MentionKind.Demonym, State: not null } dm) subjects = [dm];
                // "represented by Foreign Minister Sergei Lavrov": the stand-in is the person
                if (kind == AttendanceKind.LowerLevel && pattern.Source.Contains("represented", StringComparison.Ordinal))
                {
                    for (int k = match.End; k < Math.Min(sentence.End, match.End + 6); k++)
                        if (doc.MentionStartingAt(k) is { Kind: MentionKind.Person } stand) { person = stand; break; }
                }
                var personName = person is { Person: >= 0 } pm ? doc.Entities[pm.Person].Name : null;
                var modality = meeting.Status == MeetingStatus.Scheduled || cx.FutureBefore(match.First, 3) ? Modality.Planned : Modality.Reported;
                foreach (var s in subjects.Where(s => s.State is not null).Select(s => s.State!.Value).Distinct())
                {
                    var fact = new AttendanceFact(s, meeting.Org, meeting.Date, meeting.Place, kind, personName);
                    yield return new ProposedClaim(fact, [cx.SentenceSpan(sentence)], modality, "attendance:" + pattern.Source, cx.Words(match.First, match.End));
                }
            }
        }
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
