using Plenary.Core.Articles;
using Plenary.Reader.Articles;

namespace Plenary.Cli;

/// <summary>Article files as <c>read</c> and <c>ingest</c> take them: a plain-text file's title, and the warning for undated articles.</summary>
public static class ArticleInput
{
    /// <summary>Loads an article file; a plain-text one (which carries no title) gets <paramref name="title"/>, else its first line.</summary>
    public static Article Load(string file, DateOnly? published, string? title = null)
    {
        var article = ArticleFiles.Load(file, published);
        if (Path.GetExtension(file).ToLowerInvariant() is ".json" or ".html" or ".htm") return article;
        return article with { Title = title ?? FirstLine(article.Text) };
    }

    private static string? FirstLine(string text)
    {
        var line = text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0);
        return line is null ? null : line.Length <= 200 ? line : line[..200] + "…";
    }

    /// <summary>
    /// Said once per run: without a publication date, "on Monday" or "last week" cannot be placed in time; an article
    /// whose own text dates it (<paramref name="estimated"/>) is said apart, as its relative dates are resolved.
    /// </summary>
    public static void WarnUndated(int undated, int total, int estimated = 0)
    {
        if (estimated > 0)
            Console.Error.WriteLine($"plenary: {estimated} of {total} article{(total == 1 ? "" : "s")} carr{(estimated == 1 ? "ies" : "y")} no publication date but {(estimated == 1 ? "its" : "their")} own text dates {(estimated == 1 ? "it" : "them")}: relative dates are resolved against that estimate (shown with --format text; give --published YYYY-MM-DD to override)");
        if (undated == 0) return;
        Console.Error.WriteLine(undated == total && total == 1
            ? "plenary: the article has no publication date (give --published YYYY-MM-DD): relative dates such as \"on Monday\" stay unresolved"
            : $"plenary: {undated} of {total} articles have no publication date (give --published YYYY-MM-DD): relative dates such as \"on Monday\" stay unresolved");
    }
}
