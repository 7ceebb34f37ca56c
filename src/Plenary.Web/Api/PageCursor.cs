using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Plenary.Web.Api;

/// <summary>
/// The opaque <c>cursor</c> of a keyset-paged list: where the next page starts (the last row's key), the position it
/// starts at, and which list with which filters it belongs to. A cursor is only ever taken from <c>next_cursor</c>; one
/// that was altered, or sent to another list or with other filters, is a 400 problem. It carries a check sum, not a
/// signature: it hides nothing and grants nothing, it only keeps a mistaken or edited cursor from reading a wrong page.
/// </summary>
public sealed record PageCursor(string Key, int Position)
{
    private const string Version = "c1";
    private const int CheckBytes = 8;

    /// <summary>The cursor text for the page after the row with <paramref name="key"/>, at <paramref name="position"/>, of <paramref name="list"/> as filtered by <paramref name="filters"/>.</summary>
    public static string Make(string list, string filters, string key, int position)
    {
        var payload = Encoding.UTF8.GetBytes(string.Join('\n', Version, list, Digest(filters), position.ToString(CultureInfo.InvariantCulture), key));
        return Base64Url(payload.Concat(Check(payload)).ToArray());
    }

    /// <summary>The cursor given as <paramref name="text"/> for <paramref name="list"/> with <paramref name="filters"/>; a 400 naming what is wrong otherwise.</summary>
    public static PageCursor Read(string text, string list, string filters)
    {
        const string Expected = "cursor: not a cursor of this list: pass the next_cursor of the previous page unchanged, with the same filters";
        byte[] bytes;
        try { bytes = FromBase64Url(text); }
        catch (FormatException) { throw new BadInputException(Expected); }
        if (bytes.Length <= CheckBytes) throw new BadInputException(Expected);
        var payload = bytes.AsSpan(0, bytes.Length - CheckBytes);
        if (!CryptographicOperations.FixedTimeEquals(Check(payload), bytes.AsSpan(bytes.Length - CheckBytes))) throw new BadInputException(Expected);
        // The key comes last and may hold anything; the filters (user text) only as a digest.
        var parts = Encoding.UTF8.GetString(payload).Split('\n', 5);
        if (parts.Length != 5 || parts[0] != Version || parts[1] != list) throw new BadInputException(Expected);
        if (parts[2] != Digest(filters)) throw new BadInputException("cursor: it was made with other filters: send the same filters as the page it came from, or start again without a cursor");
        if (!int.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var position)) throw new BadInputException(Expected);
        return new PageCursor(parts[4], position);
    }

    /// <summary>The key as a whole number (a row's sequence number); a 400 when it is not one.</summary>
    public long NumericKey => long.TryParse(Key, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var k) ? k
        : throw new BadInputException("cursor: not a cursor of this list: pass the next_cursor of the previous page unchanged");

    private static string Digest(string filters) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(filters)))[..16];

    private static byte[] Check(ReadOnlySpan<byte> payload)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData([.. "plenary page cursor\n"u8, .. payload], hash);
        return hash[..CheckBytes].ToArray();
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        if (text.Length > 4096) throw new FormatException();
        var s = text.Replace('-', '+').Replace('_', '/');
        s += (s.Length % 4) switch { 2 => "==", 3 => "=", 0 => "", _ => throw new FormatException() };
        return Convert.FromBase64String(s);
    }
}
