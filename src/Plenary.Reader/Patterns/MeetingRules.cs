using System.Runtime.CompilerServices;
using Plenary.Core.Claims;
using Plenary.Core.Ids;
using Plenary.Core.Time;
using Plenary.Reader.Gazetteer;

namespace Plenary.Reader.Patterns;

/// <summary>A meeting as the document builds it up: several sentences may name the same one.</summary>
public sealed class MeetingRecord
{
    public required OrgId Org { get; set; }
    public List<BodyId> Bodies { get; } = [];
    public string? Place { get; set; }
    public StateId? Country { get; set; }
    public EdtfDate? Date { get; set; }
    public EdtfDate? EndDate { get; set; }
    public MeetingStatus Status { get; set; }
    public List<Evidence> Evidence { get; } = [];
    public required string Trigger { get; set; }
    public int Noun { get; set; }
}

/// <summary>
/// Meetings: a meeting noun (Lexicons/meeting-nouns.txt) with the organization or body named around it
/// ("CSTO ministerial meetings", "a gathering of … foreign, defense and security ministers", "the 15th BRICS summit"),
/// the nearest date and the place introduced by "in", "at" or "capital". A meeting named again ("the meeting",
/// "the CSTO ministerial meetings") is the same one. Status: postponed/cancelled by their verbs, scheduled when the
/// date is after publication or the text speaks of the future, else held.
/// </summary>
public sealed class MeetingRules(Lexicons lexicons)
{
    public List<MeetingRecord> Meetings { get; } = [];
    /// <summary>The meeting each meeting noun (by token) was read as.</summary>
    public Dictionary<int, MeetingRecord> ByNoun { get; } = [];
    /// <summary>The keys of <see cref="ByNoun"/> in text order.</summary>
    public int[] NounOrder { get; private set; } = [];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Run(RuleContext cx)
    {
        var doc = cx.Doc;
        foreach (var sentence in doc.Sentences)
        {
            for (int i = sentence.First; i < sentence.End; i++)
            {
                if (!lexicons.MeetingNouns.Contains(doc.Lower[i])) continue;
                if (i + 1 < sentence.End && lexicons.MeetingNouns.Contains(doc.Lower[i + 1])) continue; // "ministerial meetings": the head
                Read(cx, sentence, i);
            }
            BodyActs(cx, sentence);
        }
        // "the SCO Summit", named before the sentence that dates and places it, is that meeting
        int next = 0;
        foreach (var (noun, org) in _pending)
        {
            while (next < Meetings.Count && Meetings[next].Noun < noun) next++;
            for (int k = next; k < Math.Min(Meetings.Count, next + CoreferenceWindow); k++)
                if (Meetings[k].Org == org) { ByNoun[noun] = Meetings[k]; break; }
        }
        NounOrder = ByNoun.Keys.Order().ToArray();
        // "at the opening of the OSCE meeting in Skopje": a meeting reported as held that no sentence dates is the
        // report's own news, on the day of publication (a past one is dated by its year or day where it is named)
        if (cx.Published is { } published)
            foreach (var m in Meetings)
                if (m.Date is null && m.Status == MeetingStatus.Held && m.Place is not null) m.Date = ClauseDate(cx, m.Noun) ?? published;
    }

    private readonly List<(int Noun, OrgId Org)> _pending = [];

    /// <summary>How many meetings back "the meeting" may refer: keeps the work per noun constant on long texts.</summary>
    private const int CoreferenceWindow = 12;

    private void Read(RuleContext cx, Sentences.Sentence sentence, int noun)
    {
        var doc = cx.Doc;
        Mention? org = null;
        var bodies = new List<BodyId>();
        // the noun phrase before ("the 15th BRICS summit", "ECOWAS leaders’ meeting") then "of …" after
        for (int k = noun - 1; k >= Math.Max(sentence.First, noun - 6); k--)
        {
            if (doc.Lower[k] is "." or ";" or "and" || (doc.Lower[k] == "," && org is null && k < noun - 1)) break;
            if (doc.MentionStartingAt(k) is { IsOrg: true } m) { org = m; if (m.Bodies is { } bs) bodies.AddRange(bs); break; }
        }
        bool of = false;
        for (int k = noun + 1; k < Math.Min(sentence.End, noun + 14); k++)
        {
            if (k > noun + 1 && doc.Lower[k] is "." or ";" or "," or "which" or "that" or "where") break;
            if (doc.Lower[k] is "of" or "between" or "among") of = true; // "a meeting between Mercosur chancellors"
            if (!of) continue;
            if (doc.MentionStartingAt(k) is { IsOrg: true } m)
            {
                if (org is null) org = m;
                if (m.Org == org.Org && m.Bodies is { } bs) bodies.AddRange(bs);
                else if (m.Org == org.Org && m.Body is { } b) bodies.Add(b);
            }
        }
        bool phraseOrg = org is not null;
        bool inQuote = doc.QuoteOf[noun] >= 0;
        bool definite = noun > 0 && doc.Lower[noun - 1] is "the" or "this" or "that" || (noun > 1 && doc.Lower[noun - 2] is "the" && doc.Lower[noun - 1] is "'s" or "summit");
        if (org is null && (definite || (noun > 1 && doc.Lower[noun - 2] == "the")))
        {
            // the organization the sentence is about: "the OPEC group announced … during the previous ministerial meeting"
            for (int k = noun - 1; k >= sentence.First; k--)
                if (doc.MentionStartingAt(k) is { IsOrg: true } m && (doc.QuoteOf[k] >= 0) == inQuote) { org = m; break; }
        }
        if (org is null && doc.Lower[noun] is not ("meeting" or "summit" or "session" or "gathering")) return;
        var time = cx.TimeNear(noun, noun + 1, after: 14, before: 12);
        bool ordinal = false;
        for (int k = Math.Max(sentence.First, noun - 3); k < noun; k++)
            if (doc.Tokens[k].Kind == Tokens.TokenKind.Word && char.IsDigit(doc.Lower[k][0]) && doc.Lower[k].Length > 2 && char.IsLetter(doc.Lower[k][^1])) ordinal = true;
        var (place, country) = PlaceNear(cx, sentence, noun);
        var status = Status(cx, sentence, noun, time?.Value);
        var evidence = cx.SentenceSpan(sentence);
        var orgId = org?.Org;
        // "… to a meeting of ASEAN leaders. The meeting, slated for Wednesday in Vientiane, …": a definite meeting noun
        // with no organization of its own is the undated meeting of that organization named in the sentences just before
        if (orgId is null && definite && !inQuote && (place is not null || time?.Value is not null) && _pending.Count > 0
            && doc.SentenceOf[_pending[^1].Noun] >= doc.SentenceOf[noun] - 2)
            orgId = _pending[^1].Org;
        // the same meeting named again: same organization and compatible date or place, or a bare "the meeting"
        int sentenceIndex = doc.SentenceOf[noun];
        // "the next meeting", "the previous summit": another meeting than the one the text is about
        bool other = false;
        for (int k = Math.Max(sentence.First, noun - 3); k < noun; k++) if (doc.Lower[k] is "next" or "previous" or "upcoming" or "following") other = true;
        var candidates = other ? [] : Meetings.Skip(Math.Max(0, Meetings.Count - CoreferenceWindow)).Where(m => (orgId is null || m.Org == orgId)
            && ((time?.Value is { } d && m.Date is { } md && (md.Contains(d) || d.Contains(md)) && (place is null || m.Place is null || m.Place == place))
                || (place is not null && m.Place == place && (time?.Value is null || m.Date is null))
                || (!inQuote && time?.Value is null && place is null && (definite || orgId is not null))
                || (!inQuote && definite && !phraseOrg)
                // one sentence, one organization: "in CIS gatherings last week, when it sent … to a meeting of CIS chiefs of staff in Moscow"
                || (doc.SentenceOf[m.Noun] == sentenceIndex && (m.Place is null || place is null) && (m.Date is null || time?.Value is null)))).ToList();
        // "this Mercosur summit" after "a meeting between Mercosur chancellors": the one named by the same noun first
        var same = candidates.LastOrDefault(m => string.Equals(m.Trigger, doc.TokenText(noun), StringComparison.OrdinalIgnoreCase)) ?? candidates.LastOrDefault();
        if (same is not null)
        {
            // "the summit, which will conclude on Sunday": a later day of the same meeting is its end
            if (time?.Value is { Precision: Core.Time.DatePrecision.Day } end && same.Date is { Precision: Core.Time.DatePrecision.Day } begin
                && end > begin && end.Start.DayNumber - begin.Start.DayNumber <= 7)
                same.EndDate = end;
            else if (same.Date is null || (time?.Value is { } d2 && d2.Precision > same.Date.Value.Precision && same.Date.Value.Contains(d2))) same.Date = time?.Value ?? same.Date;
            same.Place ??= place;
            same.Country ??= country;
            foreach (var b in bodies) if (!same.Bodies.Contains(b)) same.Bodies.Add(b);
            if (!same.Evidence.Contains(evidence)) same.Evidence.Add(evidence);
            if (status is MeetingStatus.Postponed or MeetingStatus.Cancelled) same.Status = status;
            ByNoun[noun] = same;
            return;
        }
        if (orgId is not { } id) return;
        var date = time?.Value;
        // "the 18th Summit of …": a numbered session is a meeting even when the sentence gives only its report date
        if (date is null && place is null && ordinal && !inQuote) date = cx.ContextDate(noun);
        if (date is null && place is null)
        {
            if (!inQuote) _pending.Add((noun, id));
            return;
        }
        var rec = new MeetingRecord
        {
            Org = id, Place = place, Country = country, Date = date, Status = status, Trigger = cx.Words(noun, noun + 1), Noun = noun,
        };
        foreach (var b in bodies) if (!rec.Bodies.Contains(b)) rec.Bodies.Add(b);
        rec.Evidence.Add(evidence);
        Meetings.Add(rec);
        ByNoun[noun] = rec;
    }

    /// <summary>
    /// "On Monday, the Permanent Council of the OSCE recommended …", "the Council of the EU decided on December 12": a
    /// body that acts (Lexicons/body-acts.txt) with a date in the clause sat that day. Joins the organization's meeting of
    /// that date when there is one; the body's words are the meeting's noun.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void BodyActs(RuleContext cx, Sentences.Sentence sentence)
    {
        var doc = cx.Doc;
        for (int i = sentence.First; i < sentence.End; i++)
        {
            if (doc.QuoteOf[i] >= 0) continue;
            OrgId org;
            int verb = -1, from;
            Mention? body = null;
            if (doc.MentionStartingAt(i) is { Kind: MentionKind.Body, Org: { } bodyOrg } b)
            {
                body = b;
                org = bodyOrg;
                from = b.End;
                // "ASEAN Foreign Ministers met", "the bloc's Council of Ministers decided": the organization named right before owns the body
                if (OwnerBefore(doc, sentence, b.First) is { } owner) org = owner;
                // "the Permanent Council of the OSCE recommended": the organization named after the body is its own
                if (from + 1 < sentence.End && doc.Lower[from] == "of")
                {
                    int o = doc.Lower[from + 1] == "the" ? from + 2 : from + 1;
                    if (doc.MentionStartingAt(o) is { IsOrg: true, Org: { } named } om) { from = om.End; org = named; }
                }
            }
            // "the foreign ministers of the bloc met on Thursday", "ASEAN leaders gathered": a body named by its members
            else if (GroupOf(cx, sentence, i) is { } group) (org, from) = group;
            else continue;
            int head = body?.First ?? i;
            int headEnd = body?.End ?? i + 1;
            for (int k = from; k < Math.Min(sentence.End, from + 4); k++)
            {
                if (lexicons.BodyActs.Contains(doc.Lower[k])) { verb = k; break; }
                if (!(doc.InTime[k] || doc.Lower[k] is "has" or "have" or "had" or "also" or "unanimously" or "formally" or "officially" or "will" or "would")) break;
            }
            if (verb < 0 || cx.Negated(verb) || cx.Hedged(verb)) { i = headEnd - 1; continue; }
            // the date of the act: the nearest time in the clause, right after the verb ("announced on December 12") or fronted
            EdtfDate? date = null;
            int best = int.MaxValue;
            foreach (var t in cx.TimesIn(Math.Max(sentence.First, head - 8), Math.Min(sentence.End, verb + 6)))
                if (t.Value is { } v && doc.QuoteOf[t.First] < 0 && Math.Abs(t.First - verb) < best && (t.First > verb || cx.ClauseJoins(t.End, head) || t.First <= sentence.First + 1))
                { best = Math.Abs(t.First - verb); date = v; }
            if (date is null) { i = headEnd - 1; continue; }
            var bodies = body is null ? [] : BodiesOf(body, org);
            var same = RecentMeetingOn(org, date.Value);
            var evidence = cx.SentenceSpan(sentence);
            if (same is null)
            {
                var (place, country) = PlaceNear(cx, sentence, head);
                same = new MeetingRecord { Org = org, Date = date, Place = place, Country = country, Status = Status(cx, sentence, verb, date), Trigger = cx.Words(head, headEnd), Noun = head };
                Meetings.Add(same);
            }
            foreach (var bb in bodies) if (!same.Bodies.Contains(bb)) same.Bodies.Add(bb);
            if (!same.Evidence.Contains(evidence)) same.Evidence.Add(evidence);
            i = headEnd - 1;
        }
    }

    /// <summary>The organization (not a body) named right before a body's name, as "ASEAN" or "the bloc's", or null.</summary>
    private static OrgId? OwnerBefore(Document doc, Sentences.Sentence sentence, int first)
    {
        int k = first - 1;
        if (k >= sentence.First && doc.Lower[k] == "'s") k--;
        for (int b = k; b >= Math.Max(sentence.First, k - 3); b--)
            if (doc.MentionStartingAt(b) is { } m) return m.End == k + 1 && m.IsOrg && m.Kind != MentionKind.Body ? m.Org : null;
        return null;
    }

    /// <summary>
    /// A plural title that names an organization's members as a body: "the foreign ministers of ASEAN", "leaders of the
    /// bloc", "the heads of state of the CIS" (organization after "of"), "ASEAN foreign ministers", "the bloc's leaders"
    /// (organization a few words before). Returns the organization and the token after the phrase, or null.
    /// </summary>
    private (OrgId Org, int End)? GroupOf(RuleContext cx, Sentences.Sentence sentence, int i)
    {
        var doc = cx.Doc;
        var w = doc.Lower[i];
        if (w.Length < 4 || w[^1] != 's' || !(lexicons.Titles.TryGetValue(w[..^1], out var isHead) && isHead)) return null;
        if (i + 1 < sentence.End && doc.Lower[i + 1] == "of")
        {
            // "heads of state and government of the CIS"
            for (int k = i + 2; k < Math.Min(sentence.End, i + 8); k++)
            {
                if (doc.MentionStartingAt(k) is { IsOrg: true, Org: { } o } m) return (o, m.End);
                if (doc.Lower[k] is not ("the" or "state" or "states" or "and" or "government" or "governments" or "of" or "member")) return null;
            }
            return null;
        }
        for (int k = i - 1; k >= Math.Max(sentence.First, i - 4); k--)
        {
            if (doc.MentionStartingAt(k) is { IsOrg: true, Org: { } o } m) return m.Kind == MentionKind.Body ? null : (o, i + 1);
            if (doc.Tokens[k].Kind != Tokens.TokenKind.Word && doc.Lower[k] != "'s") return null;
            // "ASEAN Foreign Ministers": title words in any case, no other name between
            if (doc.MentionStartingAt(k) is not null || (char.IsUpper(doc.Text[doc.Tokens[k].Start]) && !lexicons.Titles.ContainsKey(doc.Lower[k]))) return null;
        }
        return null;
    }

    /// <summary>The bodies a body mention names that belong to <paramref name="org"/>.</summary>
    private static List<BodyId> BodiesOf(Mention body, OrgId org)
    {
        var result = new List<BodyId>();
        if (body.Bodies is { } all) { foreach (var x in all) if (x.Org == org) result.Add(x); }
        else if (body.Body is { } b && b.Org == org) result.Add(b);
        return result;
    }

    /// <summary>The latest of the organization's recent meetings whose date contains, or lies within, <paramref name="date"/>.</summary>
    private MeetingRecord? RecentMeetingOn(OrgId org, EdtfDate date)
    {
        for (int k = Meetings.Count - 1; k >= Math.Max(0, Meetings.Count - CoreferenceWindow); k--)
            if (Meetings[k] is { Date: { } md } m && m.Org == org && (md.Contains(date) || date.Contains(md))) return m;
        return null;
    }

    /// <summary>"Lourenco on Saturday took over … at the opening of the 38th Session": the time nearest the noun in its sentence (not a dateline's, not quoted).</summary>
    private static EdtfDate? ClauseDate(RuleContext cx, int noun)
    {
        var doc = cx.Doc;
        var s = cx.SentenceOfToken(noun);
        EdtfDate? best = null;
        int distance = int.MaxValue;
        foreach (var t in cx.TimesIn(s.First, s.End))
        {
            if (t.Value is not { } v || doc.QuoteOf[t.First] >= 0 || cx.Dateline(t)) continue;
            int d = Math.Abs(t.First - noun);
            if (d < distance) { distance = d; best = v; }
        }
        return best;
    }

    /// <summary>A capital or city introduced by "in", "at", "capital" or "capital of": "in Kazakhstan’s capital, Astana".</summary>
    private static (string?, StateId?) PlaceNear(RuleContext cx, Sentences.Sentence sentence, int noun)
    {
        var doc = cx.Doc;
        for (int k = Math.Max(sentence.First, noun - 16); k < Math.Min(sentence.End, noun + 24); k++)
        {
            if (doc.MentionStartingAt(k) is not { IsPlace: true } m || k == 0) continue;
            var prev = doc.Lower[k - 1];
            var prev2 = k > 1 ? doc.Lower[k - 2] : "";
            if (prev is "in" or "at" or "capital" || (prev == "of" && prev2 == "capital") || (prev == "," && prev2 == "capital"))
                return (m.Place, m.State);
        }
        return (null, null);
    }

    private MeetingStatus Status(RuleContext cx, Sentences.Sentence sentence, int noun, EdtfDate? date)
    {
        var doc = cx.Doc;
        for (int k = Math.Max(sentence.First, noun - 8); k < Math.Min(sentence.End, noun + 8); k++)
        {
            var w = doc.Lower[k];
            if (w is "postponed" or "delayed" or "deferred") return MeetingStatus.Postponed;
            if (w is "cancelled" or "canceled" or "scrapped") return MeetingStatus.Cancelled;
        }
        if (date is { } d && cx.Published is { } p && d.Start > p.End) return MeetingStatus.Scheduled;
        for (int k = Math.Max(sentence.First, noun - 8); k < Math.Min(sentence.End, noun + 6); k++)
            if (lexicons.FutureMarkers.Contains(doc.Lower[k]) && doc.Lower[k] is not "next") return MeetingStatus.Scheduled;
        if (date is { } d3 && cx.Published is { } p3 && d3.Contains(p3) && d3.Precision != DatePrecision.Day && d3.End > p3.End) return MeetingStatus.Scheduled;
        // No date to compare (an article without its publication date): the tense of the meeting's own time words decides ("set for Thursday").
        if (date is null && cx.TimesIn(Math.Max(sentence.First, noun - 8), Math.Min(sentence.End, noun + 15)).Any(t => t.Future)) return MeetingStatus.Scheduled;
        return MeetingStatus.Held;
    }

    public IEnumerable<ProposedClaim> Claims() => Meetings.Select(m => new ProposedClaim(
        new MeetingFact(m.Org, m.Bodies.ToList(), m.Place, m.Country, m.Date, m.EndDate, m.Status),
        m.Evidence.ToList(), m.Status == MeetingStatus.Scheduled ? Modality.Planned : Modality.Reported, "meeting:" + m.Trigger, m.Trigger));
}
