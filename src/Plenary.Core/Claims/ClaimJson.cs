using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Plenary.Core.Ids;
using Plenary.Core.Time;

namespace Plenary.Core.Claims;

/// <summary>
/// The one JSON shape of a claim, spec/claims.md's: what <c>plenary read</c> prints, what the store keeps as a
/// fact's payload and what the HTTP API returns. Reading it back names the field that is wrong.
/// </summary>
public static class ClaimJson
{
    public static readonly JsonWriterOptions WriterOptions = new()
    {
        // Output is JSON, never HTML: keep curly quotes and accents readable instead of \uXXXX.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>A claims.md JSON Lines record: <c>doc</c>, <c>type</c>, the fact's fields, <c>modality</c>, <c>evidence</c>.</summary>
    public static string ToLine(string doc, ClaimFact fact, IReadOnlyList<Evidence> evidence, Modality modality, string? id = null)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, WriterOptions)) WriteLine(w, doc, fact, evidence, modality, id);
        return Encoding.UTF8.GetString(ms.ToArray());
    }

    /// <summary>The record of <see cref="ToLine"/> written to <paramref name="w"/> (for many lines through one writer), without the line's end.</summary>
    public static void WriteLine(Utf8JsonWriter w, string doc, ClaimFact fact, IReadOnlyList<Evidence> evidence, Modality modality, string? id = null)
    {
        w.WriteStartObject();
        if (id is not null) w.WriteString("id", id);
        w.WriteString("doc", doc);
        WriteFactFields(w, fact);
        if (modality != Modality.Reported) w.WriteString("modality", WireName.Of(modality));
        w.WriteStartArray("evidence");
        foreach (var e in evidence)
        {
            w.WriteStartArray();
            w.WriteNumberValue(e.Start);
            w.WriteNumberValue(e.End);
            w.WriteEndArray();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>The fact alone as a JSON object (with its <c>type</c>).</summary>
    public static string FactToJson(ClaimFact fact)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, WriterOptions))
        {
            w.WriteStartObject();
            WriteFactFields(w, fact);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(ms.ToArray());
    }

    /// <summary>A canonical text of the fact, the same for equal facts: the base of claim ids.</summary>
    public static string FactKey(ClaimFact fact) => FactToJson(fact);

    public static void WriteFactFields(Utf8JsonWriter w, ClaimFact fact)
    {
        w.WriteString("type", WireName.Of(fact.Type));
        switch (fact)
        {
            case MembershipFact m:
                w.WriteString("state", m.State.Value);
                w.WriteString("org", m.Org.Value);
                w.WriteString("status", WireName.Of(m.Status));
                WriteDate(w, "date", m.Date);
                WriteDate(w, "as_of", m.AsOf);
                if (m.Effective is not null) WriteDate(w, "effective", m.Effective);
                break;
            case MeetingFact mt:
                w.WriteString("org", mt.Org.Value);
                WriteBodies(w, mt.Bodies);
                WriteText(w, "place", mt.Place);
                WriteText(w, "country", mt.Country?.Value);
                WriteDate(w, "date", mt.Date);
                if (mt.EndDate is not null) WriteDate(w, "end_date", mt.EndDate);
                w.WriteString("status", WireName.Of(mt.Status));
                break;
            case AttendanceFact a:
                w.WriteString("state", a.State.Value);
                w.WriteString("org", a.Org.Value);
                WriteDate(w, "meeting_date", a.MeetingDate);
                if (a.Place is not null) w.WriteString("place", a.Place);
                w.WriteString("attendance", WireName.Of(a.Attendance));
                if (a.Person is not null) w.WriteString("person", a.Person);
                WriteBodies(w, a.Bodies);
                break;
            case ChairFact c:
                w.WriteString("org", c.Org.Value);
                if (c.Body is { } body) w.WriteString("body", body.ToString());
                w.WriteString("state", c.State.Value);
                if (c.Person is not null) w.WriteString("person", c.Person);
                WriteDate(w, "date", c.Date);
                if (c.Until is not null) WriteDate(w, "until", c.Until);
                w.WriteString("scope", WireName.Of(c.Scope));
                break;
            case StatementFact s:
                w.WriteString("speaker", s.Speaker);
                if (s.SpeakerState is { } ss) w.WriteString("speaker_state", ss.Value);
                if (s.SpeakerRole is not null) w.WriteString("speaker_role", s.SpeakerRole);
                WriteDate(w, "date", s.Date);
                w.WriteString("quote", s.Quote);
                if (s.About.Count > 0)
                {
                    w.WriteStartArray("about");
                    foreach (var x in s.About) w.WriteStringValue(x);
                    w.WriteEndArray();
                }
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(fact), fact.GetType().Name, "unknown claim fact");
        }
    }

    private static void WriteBodies(Utf8JsonWriter w, IReadOnlyList<BodyId> bodies)
    {
        if (bodies.Count == 0) return;
        w.WriteStartArray("bodies");
        foreach (var b in bodies) w.WriteStringValue(b.ToString());
        w.WriteEndArray();
    }

    private static void WriteDate(Utf8JsonWriter w, string name, EdtfDate? d)
    {
        if (d is { } date) w.WriteString(name, date.ToString());
        else w.WriteNull(name);
    }

    private static void WriteText(Utf8JsonWriter w, string name, string? s)
    {
        if (s is null) w.WriteNull(name);
        else w.WriteString(name, s);
    }

    /// <summary>Reads a fact from a claims.md object; a wrong or missing field is a <see cref="FormatException"/> naming it.</summary>
    public static ClaimFact ReadFact(JsonElement o)
    {
        if (o.ValueKind != JsonValueKind.Object) throw new FormatException("a claim must be a JSON object");
        var type = WireName.Parse<ClaimType>(Str(o, "type") ?? throw Missing("type"), "claim type");
        return type switch
        {
            ClaimType.Membership => new MembershipFact(State(o, "state"), Org(o, "org"),
                WireName.Parse<Standing>(Req(o, "status"), "membership status (field 'status')"),
                Date(o, "date"), Date(o, "as_of"), Date(o, "effective")),
            ClaimType.Meeting => new MeetingFact(Org(o, "org"), Bodies(o), Str(o, "place"), OptState(o, "country"),
                Date(o, "date"), Date(o, "end_date"), WireName.Parse<MeetingStatus>(Str(o, "status") ?? "held", "meeting status (field 'status')")),
            ClaimType.Attendance => new AttendanceFact(State(o, "state"), Org(o, "org"), Date(o, "meeting_date"), Str(o, "place"),
                WireName.Parse<AttendanceKind>(Req(o, "attendance"), "attendance (field 'attendance')"), Str(o, "person"), Bodies(o)),
            ClaimType.Chair => new ChairFact(Org(o, "org"), Str(o, "body") is { } b ? Parse(() => BodyId.Parse(b), "body") : null,
                State(o, "state"), Str(o, "person"), Date(o, "date"),
                WireName.Parse<ChairScope>(Str(o, "scope") ?? "session", "chair scope (field 'scope')"), Date(o, "until")),
            ClaimType.Statement => new StatementFact(Req(o, "speaker"), OptState(o, "speaker_state"), Str(o, "speaker_role"),
                Date(o, "date"), Req(o, "quote"), StrList(o, "about")),
            _ => throw new FormatException($"unknown claim type {type}"),
        };
    }

    public static IReadOnlyList<Evidence> ReadEvidence(JsonElement o)
    {
        if (!o.TryGetProperty("evidence", out var ev) || ev.ValueKind == JsonValueKind.Null) return [];
        if (ev.ValueKind != JsonValueKind.Array) throw new FormatException("field 'evidence': expected a list of [start, end] pairs");
        var list = new List<Evidence>();
        foreach (var pair in ev.EnumerateArray())
        {
            if (pair.ValueKind != JsonValueKind.Array || pair.GetArrayLength() != 2
                || !pair[0].TryGetInt32(out var s) || !pair[1].TryGetInt32(out var e) || s < 0 || e <= s)
                throw new FormatException("field 'evidence': expected [start, end] pairs of offsets with 0 <= start < end");
            list.Add(new Evidence(s, e));
        }
        return list;
    }

    private static FormatException Missing(string field) => new($"field '{field}' is required");

    private static string? Str(JsonElement o, string field)
    {
        if (!o.TryGetProperty(field, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        return v.ValueKind == JsonValueKind.String ? v.GetString() : throw new FormatException($"field '{field}': expected a string");
    }

    private static string Req(JsonElement o, string field) => Str(o, field) ?? throw Missing(field);

    private static T Parse<T>(Func<T> parse, string field)
    {
        try { return parse(); }
        catch (FormatException e) { throw new FormatException($"field '{field}': {e.Message}"); }
    }

    private static StateId State(JsonElement o, string field) => Parse(() => StateId.Parse(Req(o, field)), field);
    private static StateId? OptState(JsonElement o, string field) => Str(o, field) is { } s ? Parse(() => StateId.Parse(s), field) : null;
    private static OrgId Org(JsonElement o, string field) => Parse(() => OrgId.Parse(Req(o, field)), field);
    private static EdtfDate? Date(JsonElement o, string field) => Str(o, field) is { } s ? Parse(() => EdtfDate.Parse(s), field) : null;

    private static List<string> StrList(JsonElement o, string field)
    {
        if (!o.TryGetProperty(field, out var v) || v.ValueKind == JsonValueKind.Null) return [];
        if (v.ValueKind != JsonValueKind.Array) throw new FormatException($"field '{field}': expected a list of strings");
        return v.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.String ? x.GetString()! : throw new FormatException($"field '{field}': expected a list of strings")).ToList();
    }

    private static List<BodyId> Bodies(JsonElement o) => StrList(o, "bodies").Select(b => Parse(() => BodyId.Parse(b), "bodies")).ToList();
}
