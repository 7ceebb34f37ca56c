using System.Text.Json;
using System.Text.Json.Nodes;
using Plenary.Core.Claims;
using Plenary.Web.Api;

namespace Plenary.Web.Pages;

/// <summary>How a field of a claim's fact is edited in the review queue's correction form.</summary>
public enum FieldKind { Text, Day, Choice, List, LongText, State, Organization }

/// <summary>One field of a fact (its claims.md name), its label, and how it is edited.</summary>
public sealed record CorrectionField(string Name, string Label, FieldKind Kind, IReadOnlyList<string>? Choices = null)
{
    /// <summary>The form field's name: prefixed, so no fact field can collide with the form's own (token, note).</summary>
    public string Input => "f." + Name;
}

/// <summary>
/// The correction form's fields for each type of claim (claims.md's fact fields), and the fact change a submitted form
/// asks for: only the fields the editor changed, as the JSON overlay the desk applies.
/// </summary>
public static class CorrectionFields
{
    private static readonly string[] Dates = ["YYYY", "YYYY-MM", "YYYY-MM-DD"];

    public static IReadOnlyList<CorrectionField> For(ClaimType type) => type switch
    {
        ClaimType.Membership =>
        [
            new("state", "State", FieldKind.State), new("org", "Organization", FieldKind.Organization),
            new("status", "Standing", FieldKind.Choice, WireName.Names<Standing>().ToList()),
            new("date", "Date", FieldKind.Day), new("as_of", "As of", FieldKind.Day), new("effective", "Effective", FieldKind.Day),
        ],
        ClaimType.Meeting =>
        [
            new("org", "Organization", FieldKind.Organization), new("bodies", "Bodies (ids, comma-separated)", FieldKind.List),
            new("status", "Status", FieldKind.Choice, WireName.Names<MeetingStatus>().ToList()),
            new("date", "Date", FieldKind.Day), new("end_date", "Until", FieldKind.Day),
            new("place", "Place", FieldKind.Text), new("country", "Host country", FieldKind.State),
        ],
        ClaimType.Attendance =>
        [
            new("state", "State", FieldKind.State), new("org", "Organization", FieldKind.Organization),
            new("attendance", "Attendance", FieldKind.Choice, WireName.Names<AttendanceKind>().ToList()),
            new("meeting_date", "Meeting date", FieldKind.Day), new("place", "Place", FieldKind.Text),
            new("person", "Person", FieldKind.Text), new("bodies", "Bodies (ids, comma-separated)", FieldKind.List),
        ],
        ClaimType.Chair =>
        [
            new("org", "Organization", FieldKind.Organization), new("body", "Body (id)", FieldKind.Text), new("state", "State", FieldKind.State),
            new("person", "Person", FieldKind.Text), new("scope", "Scope", FieldKind.Choice, WireName.Names<ChairScope>().ToList()),
            new("date", "From", FieldKind.Day), new("until", "Until", FieldKind.Day),
        ],
        ClaimType.Statement =>
        [
            new("speaker", "Speaker", FieldKind.Text), new("speaker_state", "Speaker's state", FieldKind.State),
            new("speaker_role", "Speaker's role", FieldKind.Text), new("date", "Date", FieldKind.Day),
            new("quote", "Quote", FieldKind.LongText), new("about", "About (comma-separated)", FieldKind.List),
        ],
        _ => [],
    };

    public static string DateHint => string.Join(", ", Dates);

    /// <summary>The fact's fields by their claims.md names, as the correction form reads and writes them.</summary>
    public static JsonElement Fields(ClaimFact fact)
    {
        using var doc = JsonDocument.Parse(ClaimJson.FactToJson(fact));
        return doc.RootElement.Clone();
    }

    /// <summary>A field's value in the fact as the form shows it (a list comma-separated; absent is empty).</summary>
    public static string Value(JsonElement fact, string name) =>
        !fact.TryGetProperty(name, out var v) ? ""
        : v.ValueKind == JsonValueKind.String ? v.GetString()!
        : v.ValueKind == JsonValueKind.Array ? string.Join(", ", v.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString() : e.GetRawText()))
        : v.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined ? "" : v.GetRawText();

    /// <summary>
    /// The change the form asks for: each field whose value differs from the claim's (an emptied field becomes null).
    /// Nothing changed is the editor's mistake, said as such.
    /// </summary>
    public static JsonObject Changes(ClaimType type, JsonElement fact, IFormCollection form)
    {
        var changes = new JsonObject();
        foreach (var f in For(type))
        {
            if (!form.TryGetValue(f.Input, out var sent)) continue;
            var text = sent.ToString().Trim();
            if (text == Value(fact, f.Name)) continue;
            changes[f.Name] = text.Length == 0 ? null
                : f.Kind == FieldKind.List ? new JsonArray(text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(x => (JsonNode?)JsonValue.Create(x)).ToArray())
                : JsonValue.Create(text);
        }
        if (changes.Count == 0) throw new BadInputException("the correction changes no field of the fact: change one, or accept the claim as it is");
        return changes;
    }
}
