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

    public void Run(RuleContext cx)
    {
        var doc = cx.Doc;
        foreach (var sentence in doc.Sentences)
        {
            for (int i = sentence.First; i < sentence.End; i++)
            {
                if (!lexicons.MeetingNouns.Contains(doc.Lower[i]) || doc.QuoteOf[i] >= 0) continue;
                if (i + 1 < sentence.End && lexicons.MeetingNouns.Contains(doc.Lower[i + 1])) continue; // "ministerial meetings": the head
                Read(cx, sentence, i);
            }
        }
    }

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
        for (int k = noun + 1; k < Math.Min(sentence.End, noun + 14); k++)
        {
            if (k > noun + 1 && doc.Lower[k] is "." or ";") break;
            if (doc.MentionStartingAt(k) is { IsOrg: true } m)
            {
                if (org is null) org = m;
                if (m.Org == org.Org && m.Bodies is { } bs) bodies.AddRange(bs);
                else if (m.Org == org.Org && m.Body is { } b) bodies.Add(b);
            }
        }
        if (org is null && doc.Lower[noun] is not ("meeting" or "summit" or "session" or "gathering")) return;
        var time = cx.TimeNear(noun, noun + 1, after: 14, before: 8);
        var (place, country) = PlaceNear(cx, sentence, noun);
        var status = Status(cx, sentence, noun, time?.Value);
        var evidence = cx.SentenceSpan(sentence);
        var orgId = org?.Org;
        bool definite = noun > 0 && doc.Lower[noun - 1] is "the" or "this" or "that" || (noun > 1 && doc.Lower[noun - 2] is "the");
        // the same meeting named again: same organization and compatible date or place, or a bare "the meeting"
        var same = Meetings.LastOrDefault(m => (orgId is null || m.Org == orgId)
            && ((time?.Value is { } d && m.Date is { } md && (md.Contains(d) || d.Contains(md)))
                || (place is not null && m.Place == place && (time?.Value is null || m.Date is null))
                || (time?.Value is null && place is null && (definite || orgId is not null))));
        if (same is not null)
        {
            if (same.Date is null || (time?.Value is { } d2 && d2.Precision > same.Date.Value.Precision && same.Date.Value.Contains(d2))) same.Date = time?.Value ?? same.Date;
            same.Place ??= place;
            same.Country ??= country;
            foreach (var b in bodies) if (!same.Bodies.Contains(b)) same.Bodies.Add(b);
            if (!same.Evidence.Contains(evidence)) same.Evidence.Add(evidence);
            if (status is MeetingStatus.Postponed or MeetingStatus.Cancelled) same.Status = status;
            ByNoun[noun] = same;
            return;
        }
        if (orgId is not { } id || (time?.Value is null && place is null)) return;
        var rec = new MeetingRecord
        {
            Org = id, Place = place, Country = country, Date = time?.Value, Status = status, Trigger = cx.Words(noun, noun + 1), Noun = noun,
        };
        foreach (var b in bodies) if (!rec.Bodies.Contains(b)) rec.Bodies.Add(b);
        rec.Evidence.Add(evidence);
        Meetings.Add(rec);
        ByNoun[noun] = rec;
    }

    /// <summary>A capital or city introduced by "in", "at", "capital" or "capital of": "in Kazakhstan’s capital, Astana".</summary>
    private static (string?, StateId?) PlaceNear(RuleContext cx, Sentences.Sentence sentence, int noun)
    {
        var doc = cx.Doc;
        for (int k = Math.Max(sentence.First, noun - 6); k < Math.Min(sentence.End, noun + 24); k++)
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
        for (int k = sentence.First; k < sentence.End; k++)
        {
            var w = doc.Lower[k];
            if (w is "postponed" or "delayed" or "deferred") return MeetingStatus.Postponed;
            if (w is "cancelled" or "canceled" or "scrapped") return MeetingStatus.Cancelled;
        }
        if (date is { } d && cx.Published is { } p && d.Start > p.End) return MeetingStatus.Scheduled;
        for (int k = Math.Max(sentence.First, noun - 8); k < Math.Min(sentence.End, noun + 6); k++)
            if (lexicons.FutureMarkers.Contains(doc.Lower[k]) && doc.Lower[k] is not "next") return MeetingStatus.Scheduled;
        if (date is { } d3 && cx.Published is { } p3 && d3.Contains(p3) && d3.Precision != DatePrecision.Day && d3.End > p3.End) return MeetingStatus.Scheduled;
        return MeetingStatus.Held;
    }

    public IEnumerable<ProposedClaim> Claims() => Meetings.Select(m => new ProposedClaim(
        new MeetingFact(m.Org, m.Bodies.ToList(), m.Place, m.Country, m.Date, null, m.Status),
        m.Evidence.ToList(), m.Status == MeetingStatus.Scheduled ? Modality.Planned : Modality.Reported, "meeting:" + m.Trigger, m.Trigger));
}
