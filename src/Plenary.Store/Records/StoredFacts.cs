using System.Text;
using System.Text.Json;
using Plenary.Core.Claims;
using Plenary.Core.Ids;
using Plenary.Core.Time;

namespace Plenary.Store.Records;

/// <summary>
/// Reads back the facts one read of claims returns. A membership fact — most of what a registry holds once COW is
/// imported, a hundred thousand of them for a panel — is read straight from its bytes (no JSON document per fact), each
/// distinct state, organization, status and date parsed once per read. Anything else — another claim type, a field
/// this reader does not know, an escaped string, a value that does not parse — goes to <see cref="ClaimJson.ReadFact"/>,
/// which reads every shape and names the field that is wrong. One instance per read: not for several threads.
/// </summary>
internal sealed class StoredFacts
{
    // The longest fact read from its bytes (a membership fact is about 100 bytes); a longer one goes to ClaimJson.
    private const int MaxBytes = 512;
    private const int MaxValueChars = 64;

    private readonly Dictionary<string, StateId>.AlternateLookup<ReadOnlySpan<char>> _states = new Dictionary<string, StateId>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
    private readonly Dictionary<string, OrgId>.AlternateLookup<ReadOnlySpan<char>> _orgs = new Dictionary<string, OrgId>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
    private readonly Dictionary<string, EdtfDate>.AlternateLookup<ReadOnlySpan<char>> _dates = new Dictionary<string, EdtfDate>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
    private readonly Dictionary<string, Standing>.AlternateLookup<ReadOnlySpan<char>> _standings = new Dictionary<string, Standing>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The fact of a stored claims.md JSON object.</summary>
    public ClaimFact Read(string json) => TryMembership(json) ?? General(json);

    private static ClaimFact General(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return ClaimJson.ReadFact(doc.RootElement);
    }

    private enum Field { Other, Type, State, Org, Status, Date, AsOf, Effective }

    /// <summary>The membership fact <paramref name="json"/> holds, or null when it holds anything this reader leaves to ClaimJson.</summary>
    internal MembershipFact? TryMembership(string json)
    {
        if (json.Length > MaxBytes / 3) return null;
        Span<byte> utf8 = stackalloc byte[MaxBytes];
        var bytes = utf8[..Encoding.UTF8.GetBytes(json, utf8)];
        Span<char> chars = stackalloc char[MaxValueChars];
        var r = new Utf8JsonReader(bytes);
        try
        {
            if (!r.Read() || r.TokenType != JsonTokenType.StartObject) return null;
            bool membership = false;
            StateId? state = null;
            OrgId? org = null;
            Standing? status = null;
            EdtfDate? date = null, asOf = null, effective = null;
            while (r.Read() && r.TokenType != JsonTokenType.EndObject)
            {
                if (r.TokenType != JsonTokenType.PropertyName || r.ValueIsEscaped) return null;
                var field = FieldOf(r.ValueSpan);
                if (field == Field.Other || !r.Read()) return null;
                if (r.TokenType == JsonTokenType.Null)
                {
                    if (field is Field.Date or Field.AsOf or Field.Effective) continue;
                    return null;
                }
                if (r.TokenType != JsonTokenType.String || r.ValueIsEscaped || r.ValueSpan.Length > MaxValueChars) return null;
                var value = chars[..Encoding.UTF8.GetChars(r.ValueSpan, chars)];
                switch (field)
                {
                    case Field.Type: if (!value.SequenceEqual("membership")) return null; membership = true; break;
                    case Field.State: if (Lookup(_states, value, StateId.TryParse) is not { } s) return null; state = s; break;
                    case Field.Org: if (Lookup(_orgs, value, OrgId.TryParse) is not { } o) return null; org = o; break;
                    case Field.Status: if (Lookup(_standings, value, WireName.TryParse<Standing>) is not { } st) return null; status = st; break;
                    default:
                        if (Lookup(_dates, value, ParseDate) is not { } d) return null;
                        if (field == Field.Date) date = d; else if (field == Field.AsOf) asOf = d; else effective = d;
                        break;
                }
            }
            if (r.TokenType != JsonTokenType.EndObject || r.Read()) return null;
            if (!membership || state is not { } st2 || org is not { } or2 || status is not { } stat) return null;
            return new MembershipFact(st2, or2, stat, date, asOf, effective);
        }
        catch (JsonException)
        {
            return null; // not JSON as this reader expects: ClaimJson's reading says what is wrong
        }
    }

    private static Field FieldOf(ReadOnlySpan<byte> name) => name switch
    {
        _ when name.SequenceEqual("type"u8) => Field.Type,
        _ when name.SequenceEqual("state"u8) => Field.State,
        _ when name.SequenceEqual("org"u8) => Field.Org,
        _ when name.SequenceEqual("status"u8) => Field.Status,
        _ when name.SequenceEqual("date"u8) => Field.Date,
        _ when name.SequenceEqual("as_of"u8) => Field.AsOf,
        _ when name.SequenceEqual("effective"u8) => Field.Effective,
        _ => Field.Other,
    };

    private delegate bool TryParser<T>(string text, out T value);

    private static bool ParseDate(string text, out EdtfDate date) => EdtfDate.TryParse(text, out date, out _);

    /// <summary>The value of <paramref name="text"/>, parsed the first time it is met; null when it does not parse.</summary>
    private static T? Lookup<T>(Dictionary<string, T>.AlternateLookup<ReadOnlySpan<char>> cache, ReadOnlySpan<char> text, TryParser<T> parse) where T : struct
    {
        if (cache.TryGetValue(text, out var known)) return known;
        var s = text.ToString();
        if (!parse(s, out var value)) return null;
        cache.Dictionary[s] = value;
        return value;
    }
}
