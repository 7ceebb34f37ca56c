using System.Globalization;
using System.Text.Json;

namespace Plenary.Web.Api;

/// <summary>A request's JSON body, read with the API's options; a body of the wrong shape is a 400 that says where.</summary>
public static class RequestBody
{
    public static async Task<T> Read<T>(HttpContext ctx) where T : class
    {
        if (ctx.Request.ContentType is not { } type || !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
            throw new BadInputException("send the request body as application/json");
        try
        {
            return await JsonSerializer.DeserializeAsync<T>(ctx.Request.Body, ApiJson.Options, ctx.RequestAborted)
                ?? throw new BadInputException("the request body is empty");
        }
        catch (JsonException e)
        {
            // The serializer's own message names .NET types; say where the body went wrong and what was expected instead.
            throw new BadInputException(string.Create(CultureInfo.InvariantCulture,
                $"the request body is not valid JSON for this request at {e.Path ?? "$"} (line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1}): expected a JSON object with this request's fields, each of the documented type"));
        }
    }
}
