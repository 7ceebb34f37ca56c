using System.Globalization;
using System.Text;
using System.Text.Json;
using Plenary.Core.Articles;

namespace Plenary.Reader.Articles;

/// <summary>An article file that cannot be read: the message names the file and, where known, the line, column and field.</summary>
public sealed class ArticleFileException(string file, string message, long? line = null, long? column = null)
    : Exception(line is null ? $"{file}: {message}" : $"{file}:{line}:{column}: {message}")
{
    public string File { get; } = file;
    public long? Line { get; } = line;
    public long? Column { get; } = column;
}

/// <summary>
/// Reads articles from files: <c>.txt</c> (plain text, publication date given separately), <c>.json</c> (claims.md's
/// input shape; <c>id</c> defaults to the file's stem) and <c>.html</c>/<c>.htm</c> (the main text, extracted with
/// SmartReader; evidence offsets then refer to the extracted text). A folder stands for the articles in it, in name order.
/// </summary>
public static class ArticleFiles
{
    public static readonly string[] Extensions = [".txt", ".json", ".html", ".htm"];

    /// <summary>The files the paths name, folders expanded (not recursively) in ordinal name order; a missing path is an error.</summary>
    public static List<string> Expand(IEnumerable<string> paths)
    {
        var files = new List<string>();
        foreach (var p in paths)
        {
            if (Directory.Exists(p))
            {
                var inFolder = Directory.EnumerateFiles(p)
                    .Where(f => Extensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
                    .Order(StringComparer.Ordinal).ToList();
                // A folder with nothing to read is a mistaken path more often than not: said, not silently done.
                if (inFolder.Count == 0) throw new ArticleFileException(p, $"no article files in this folder: expected {string.Join(", ", Extensions)} files");
                files.AddRange(inFolder);
            }
            else if (File.Exists(p)) files.Add(p);
            else throw new ArticleFileException(p, "no such file or folder");
        }
        return files;
    }

    /// <summary>The largest article file read: room for the longest text the registry takes in, with markup around it.</summary>
    public const long MaxFileBytes = 4L * Article.MaxTextLength;

    /// <summary>
    /// Reads one article file, refusing what the registry would not take in (the API's limits): more than
    /// <see cref="MaxFileBytes"/>, text that is not UTF-8 (binary data, UTF-16), no text at all, NUL characters, an id
    /// that cannot name an article.
    /// </summary>
    public static Article Load(string path, DateOnly? published = null)
    {
        string content;
        try
        {
            var size = new FileInfo(path).Length;
            if (size > MaxFileBytes) throw new ArticleFileException(path, string.Create(CultureInfo.InvariantCulture, $"{size:N0} bytes: an article file may have at most {MaxFileBytes:N0}"));
            var bytes = File.ReadAllBytes(path);
            if (bytes is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..]) throw new ArticleFileException(path, "UTF-16 text: expected UTF-8");
            content = StrictUtf8.GetString(bytes.AsSpan(bytes is [0xEF, 0xBB, 0xBF, ..] ? 3 : 0));
        }
        catch (DecoderFallbackException) { throw new ArticleFileException(path, "not UTF-8 text (binary data?): expected a UTF-8 text, JSON or HTML file"); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw new ArticleFileException(path, e.Message); }
        var stem = Path.GetFileNameWithoutExtension(path);
        var article = Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".json" => FromJson(path, content, Article.IdFromName(stem, content), published),
            ".html" or ".htm" => FromHtml(path, content, Article.IdFromName(stem, content), published),
            _ => new Article(Article.IdFromName(stem, content), content, published),
        };
        if (Article.TextProblem(article.Text) is { } problem) throw new ArticleFileException(path, problem);
        if (Article.IdProblem(article.Id) is { } idProblem) throw new ArticleFileException(path, $"field 'id': {idProblem}");
        if (Article.UrlProblem(article.Url) is { } urlProblem) throw new ArticleFileException(path, $"field 'url': {urlProblem}");
        return article;
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static Article FromJson(string file, string json, string defaultId, DateOnly? published = null)
    {
        JsonDocument parsed;
        try
        {
            parsed = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            throw new ArticleFileException(file, "not valid JSON: " + FirstSentence(e.Message), (e.LineNumber ?? 0) + 1, (e.BytePositionInLine ?? 0) + 1);
        }
        using (parsed)
        {
            var o = parsed.RootElement;
            if (o.ValueKind != JsonValueKind.Object) throw new ArticleFileException(file, "expected a JSON object with a \"text\" field");
            var text = Str(file, o, "text") ?? throw new ArticleFileException(file, "field 'text': missing (the article's text is required)");
            var id = Str(file, o, "id") ?? defaultId;
            var pub = published;
            if (Str(file, o, "published") is { } p)
            {
                if (!DateOnly.TryParseExact(p.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                    throw new ArticleFileException(file, $"field 'published': '{p}' is not a date (expected YYYY-MM-DD)");
                pub ??= d;
            }
            return new Article(id, text, pub, Str(file, o, "url"), Str(file, o, "outlet"), Str(file, o, "title"));
        }
    }

    public static Article FromHtml(string file, string html, string defaultId, DateOnly? published = null)
    {
        SmartReader.Article article;
        try
        {
            article = new SmartReader.Reader("https://localhost/" + Uri.EscapeDataString(defaultId), html).GetArticle();
        }
        catch (Exception e)
        {
            throw new ArticleFileException(file, "cannot extract the article's text from the HTML: " + FirstSentence(e.Message));
        }
        var text = article.TextContent?.Trim();
        if (string.IsNullOrEmpty(text)) throw new ArticleFileException(file, "the HTML page has no article text that could be extracted");
        var pub = published ?? (article.PublicationDate is { } dt ? DateOnly.FromDateTime(dt) : null);
        return new Article(defaultId, text, pub, null, article.SiteName, article.Title);
    }

    private static string? Str(string file, JsonElement o, string field)
    {
        if (!o.TryGetProperty(field, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        return v.ValueKind == JsonValueKind.String ? v.GetString() : throw new ArticleFileException(file, $"field '{field}': expected a string, found {v.ValueKind.ToString().ToLowerInvariant()}");
    }

    private static string FirstSentence(string message)
    {
        int cut = message.IndexOf(". ", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message.TrimEnd('.');
    }
}
