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
}
