using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Plenary.Core.Json;

namespace Plenary.Web.Api;

/// <summary>
/// The API's JSON: <see cref="DomainJson.Options"/> (the CLI's <c>--format json</c> shapes), except that characters
/// that mean something in HTML (&lt; &gt; &amp; ' ") are escaped as \uXXXX, so that no response carries article text
/// that a browser could ever take for markup. The values a JSON parser reads are the same.
/// </summary>
public static class ApiJson
{
    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var o = new JsonSerializerOptions(DomainJson.Options) { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };
        o.MakeReadOnly();
        return o;
    }

    public static byte[] Bytes<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Options);

}

/// <summary>Pre-serialized JSON (also what the answer cache holds).</summary>
public sealed class JsonBytes(byte[] body, int status = 200) : IResult
{
    /// <summary>An answer in the API's JSON shapes, for the few endpoints (feeds, the review queue) that answer untyped shapes.</summary>
    public static JsonBytes Of<T>(T value, int status = StatusCodes.Status200OK) => new(ApiJson.Bytes(value), status);

    public byte[] Body => body;

    public int Status => status;

    public Task ExecuteAsync(HttpContext context)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.ContentLength = body.Length;
        return context.Response.Body.WriteAsync(body).AsTask();
    }
}

/// <summary>Which slice of a list to return: <c>offset</c> (from 0) and <c>limit</c> (1 to 500, default 50).</summary>
public readonly record struct Paging(int Offset, int Limit)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;

    public static Paging From(string? offset, string? limit)
    {
        int o = 0, l = DefaultLimit;
        if (offset is not null && (!int.TryParse(offset, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out o)))
            throw new BadInputException($"offset: '{offset}' is not a whole number from 0");
        if (limit is not null && (!int.TryParse(limit, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out l) || l < 1 || l > MaxLimit))
            throw new BadInputException($"limit: '{limit}' is not a whole number from 1 to {MaxLimit}");
        return new Paging(o, l);
    }

    public IReadOnlyList<T> Slice<T>(IReadOnlyList<T> all) => all.Skip(Offset).Take(Limit).ToList();

    /// <summary>Where the page ends (offset + limit), held at <see cref="int.MaxValue"/> so a huge offset cannot wrap around.</summary>
    public int End => (int)Math.Min((long)Offset + Limit, int.MaxValue);

    /// <summary>The <c>"page"</c> of a list answer: <c>{offset, limit, total, next_offset}</c>.</summary>
    public PageInfo Info(int total) => new(Offset, Limit, total, End < total ? End : null);
}
