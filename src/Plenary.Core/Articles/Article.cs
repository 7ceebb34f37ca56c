using System.Security.Cryptography;
using System.Text;

namespace Plenary.Core.Articles;

/// <summary>
/// A news article as the reader takes it in (spec/claims.md's input shape). Evidence offsets are C# string indices
/// into <see cref="Text"/>, so the text is kept exactly as read.
/// </summary>
public sealed record Article(string Id, string Text, DateOnly? Published = null, string? Url = null, string? Outlet = null, string? Title = null)
{
    /// <summary>SHA-256 of the text (UTF-8), lower-case hex: the same text is the same article, whatever it is called.</summary>
    public string ContentHash => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Text)));

    /// <summary>The longest article text the registry takes in (from the API and the command line alike).</summary>
    public const int MaxTextLength = 2_000_000;

    /// <summary>Why <paramref name="id"/> cannot name an article (it becomes part of URLs), or null when it can.</summary>
    public static string? IdProblem(string id) =>
        id.Length is > 0 and <= 80 && char.IsAsciiLetterOrDigit(id[0]) && !id.Contains("..", StringComparison.Ordinal)
            && id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_' or '.')
            ? null
            : $"'{Shorten(id)}' is not an article id: up to 80 lower-case letters, digits, '-', '_' and '.', starting with a letter or digit";

    /// <summary>Why <paramref name="text"/> is not an article's text, or null when it is.</summary>
    public static string? TextProblem(string text) =>
        text.Length > MaxTextLength ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"an article may have at most {MaxTextLength:N0} characters (this one has {text.Length:N0})")
        : string.IsNullOrWhiteSpace(text) ? "the article has no text"
        : text.Contains('\0') ? "the text holds NUL characters: expected text, not binary data"
        : null;

    /// <summary>Why <paramref name="url"/> is not an article's address (it is shown as a link: only http and https), or null when it is (or there is none).</summary>
    public static string? UrlProblem(string? url) =>
        string.IsNullOrWhiteSpace(url) || (Uri.TryCreate(url.Trim(), UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps))
            ? null
            : $"'{Shorten(url)}' is not an http or https address";

    /// <summary>An article id made from a file name: lower case, other characters as '-' ("Report 1.txt" → report-1).</summary>
    public static string IdFromName(string name, string text)
    {
        var sb = new StringBuilder(name.Length);
        foreach (var c in name.ToLowerInvariant()) sb.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-');
        var id = sb.ToString().Replace("..", "-", StringComparison.Ordinal).TrimStart('-', '_', '.');
        if (id.Length > 80) id = id[..80];
        return IdProblem(id) is null ? id : "article-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..12];
    }

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
