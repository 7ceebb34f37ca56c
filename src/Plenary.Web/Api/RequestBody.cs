using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Plenary.Web.Api;

/// <summary>
/// A request's JSON body, read with the API's options; a body of the wrong shape is a 400 that says where. Every write
/// endpoint reads its body here, so what no body may hold is refused here, before anything reaches the store.
/// </summary>
public static class RequestBody
{
    public static async Task<T> Read<T>(HttpContext ctx) where T : class
    {
        if (ctx.Request.ContentType is not { } type || !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
            throw new BadInputException("send the request body as application/json");
        // The body is read once, into memory (Kestrel's limit, WebApp.MaxRequestBodyBytes, bounds it: 413 above it),
        // then parsed from there: no second read of the request stream, no buffering to disk.
        byte[] bytes;
        using (var buffer = new MemoryStream())
        {
            await ctx.Request.Body.CopyToAsync(buffer, ctx.RequestAborted);
            bytes = buffer.ToArray();
        }
        T body;
        try
        {
            body = JsonSerializer.Deserialize<T>(bytes, ApiJson.Options) ?? throw new BadInputException("the request body is empty");
        }
        catch (JsonException e)
        {
            // The serializer's own message names .NET types; say where the body went wrong and what was expected instead.
            throw new BadInputException(string.Create(CultureInfo.InvariantCulture,
                $"the request body is not valid JSON for this request at {e.Path ?? "$"} (line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1}): expected a JSON object with this request's fields, each of the documented type"));
        }
        if (NulAt(bytes) is { } path)
            throw new BadInputException($"the request body's string at {path} holds a NUL character (\\u0000): no text the registry keeps may contain one");
        return body;
    }

    /// <summary>
    /// The JSON path of the first string (value or property name) holding U+0000, or null. PostgreSQL refuses NUL in
    /// text, SQLite would keep it: refused on both, so both engines answer alike. Only called on JSON the serializer took.
    /// </summary>
    public static string? NulAt(ReadOnlySpan<byte> json)
    {
        // Only an escaped string can hold NUL (a raw 0 byte is not valid JSON), so most bodies need no decoding at all.
        if (json.IndexOf("\\u0000"u8) < 0) return null;
        var reader = new Utf8JsonReader(json, new JsonReaderOptions
        {
            AllowTrailingCommas = ApiJson.Options.AllowTrailingCommas,
            CommentHandling = ApiJson.Options.ReadCommentHandling,
            MaxDepth = ApiJson.Options.MaxDepth,
        });
        // Where the reader is: per open container, the property name (objects) or the next index (arrays).
        var path = new List<(bool Array, string Name, int Index)>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        path.Add((reader.TokenType == JsonTokenType.StartArray, "", 0));
                        continue;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        path.RemoveAt(path.Count - 1);
                        Next(path);
                        continue;
                    case JsonTokenType.PropertyName:
                        var name = reader.GetString()!;
                        path[^1] = (false, name, 0);
                        if (name.Contains('\0', StringComparison.Ordinal)) return Path(path);
                        continue;
                    case JsonTokenType.String:
                        if (reader.ValueIsEscaped && reader.GetString()!.Contains('\0', StringComparison.Ordinal)) return Path(path);
                        Next(path);
                        continue;
                    default:
                        Next(path);
                        continue;
                }
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // The serializer read this body; should the reader still disagree, it is the caller's JSON that is at fault.
            throw new BadInputException("the request body is not valid JSON: " + e.Message.Split('.')[0]);
        }
        return null;
    }

    private static void Next(List<(bool Array, string Name, int Index)> path)
    {
        if (path.Count > 0 && path[^1].Array) path[^1] = path[^1] with { Index = path[^1].Index + 1 };
    }

    private static string Path(List<(bool Array, string Name, int Index)> path)
    {
        var sb = new StringBuilder("$");
        foreach (var (array, name, index) in path)
        {
            if (array) sb.Append('[').Append(index.ToString(CultureInfo.InvariantCulture)).Append(']');
            else if (name.Length > 0 && name.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '_')) sb.Append('.').Append(name);
            else sb.Append("['").Append(name.Replace("\0", "\\u0000", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal)).Append("']");
        }
        return sb.ToString();
    }
}
