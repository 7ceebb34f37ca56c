using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Plenary.Core.Claims;
using Plenary.Core.Ids;
using Plenary.Core.Time;

namespace Plenary.Core.Json;

/// <summary>
/// JSON for domain values everywhere they are written: ids and EDTF dates as their strings, enums as claims.md's
/// kebab-case words, snake_case field names. The CLI's <c>--format json</c>, the HTTP API and the store use these options.
/// </summary>
public static class DomainJson
{
    public static readonly JsonSerializerOptions Options = Create(indented: false);
    public static readonly JsonSerializerOptions Indented = Create(indented: true);

    private static JsonSerializerOptions Create(bool indented)
    {
        var o = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DictionaryKeyPolicy = null,
            WriteIndented = indented,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        };
        o.Converters.Add(new StringValueConverter<StateId>(StateId.Parse, v => v.Value));
        o.Converters.Add(new StringValueConverter<OrgId>(OrgId.Parse, v => v.Value));
        o.Converters.Add(new StringValueConverter<BodyId>(BodyId.Parse, v => v.ToString()));
        o.Converters.Add(new StringValueConverter<PersonId>(PersonId.Parse, v => v.Value));
        o.Converters.Add(new StringValueConverter<EdtfDate>(EdtfDate.Parse, v => v.ToString()));
        o.Converters.Add(new FactConverter());
        o.Converters.Add(new WireEnumConverter<Standing>());
        o.Converters.Add(new WireEnumConverter<ClaimType>());
        o.Converters.Add(new WireEnumConverter<MeetingStatus>());
        o.Converters.Add(new WireEnumConverter<AttendanceKind>());
        o.Converters.Add(new WireEnumConverter<ChairScope>());
        o.Converters.Add(new WireEnumConverter<Modality>());
        o.Converters.Add(new WireEnumConverter<Standings.StandingBasis>());
        o.Converters.Add(new WireEnumConverter<ReviewState>());
        o.Converters.Add(new WireEnumConverter<SourceKind>());
        o.MakeReadOnly(populateMissingResolver: true);
        return o;
    }

    private sealed class StringValueConverter<T>(Func<string, T> parse, Func<T, string> format) : JsonConverter<T>
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var s = reader.GetString() ?? throw new JsonException($"expected a {typeof(T).Name} string");
            try { return parse(s); }
            catch (FormatException e) { throw new JsonException(e.Message); }
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(format(value));
        public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Read(ref reader, typeToConvert, options);
        public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WritePropertyName(format(value));
    }

    /// <summary>A claim's fact as claims.md's object (<see cref="ClaimJson"/>: its <c>type</c> and fields), whichever kind it is.</summary>
    private sealed class FactConverter : JsonConverter<ClaimFact>
    {
        public override bool CanConvert(Type typeToConvert) => typeof(ClaimFact).IsAssignableFrom(typeToConvert);

        public override ClaimFact Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            using var doc = JsonDocument.ParseValue(ref reader);
            try { return ClaimJson.ReadFact(doc.RootElement); }
            catch (FormatException e) { throw new JsonException(e.Message); }
        }

        public override void Write(Utf8JsonWriter writer, ClaimFact value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            ClaimJson.WriteFactFields(writer, value);
            writer.WriteEndObject();
        }
    }

    private sealed class WireEnumConverter<T> : JsonConverter<T> where T : struct, Enum
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            // A number or any other token is refused like an unknown name (never read as the enum's integer value).
            var s = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            return WireName.TryParse<T>(s, out var v) ? v
                : throw new JsonException($"{(s is null ? $"a {reader.TokenType.ToString().ToLowerInvariant()}" : $"'{s}'")} is not one of {string.Join(", ", WireName.Names<T>())}");
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(WireName.Of(value));
    }
}
