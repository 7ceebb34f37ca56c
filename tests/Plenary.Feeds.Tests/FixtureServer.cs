using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace Plenary.Feeds.Tests;

/// <summary>
/// A local web site for the worker, in the test process (Kestrel on 127.0.0.1, a free port): feeds (RSS 2.0, Atom, JSON
/// Feed) whose items are pages made from corpus articles, a feed of <c>n</c> generated pages, and hostile answers — a
/// 1 GB page streamed, a slow drip, a redirect loop, malformed XML, a feed whose item ids change on every request, a page
/// robots.txt forbids. Counts every request by path, so a test can say how often a page was read.
/// </summary>
public sealed class FixtureServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    public ConcurrentDictionary<string, int> Hits { get; } = new(StringComparer.Ordinal);
    public ConcurrentDictionary<string, string> UserAgents { get; } = new(StringComparer.Ordinal);

    /// <summary>Added to every generated page's answer (so two workers overlap in time).</summary>
    public TimeSpan PageDelay { get; set; }

    public string Url { get; }

    private FixtureServer(WebApplication app, string url)
    {
        _app = app;
        Url = url;
    }

    public static async Task<FixtureServer> Start(IReadOnlyList<CorpusArticle> articles)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        FixtureServer? self = null;
        app.Use(async (ctx, next) =>
        {
            self!.Hits.AddOrUpdate(ctx.Request.Path.Value ?? "", 1, (_, n) => n + 1);
            self.UserAgents[ctx.Request.Path.Value ?? ""] = ctx.Request.Headers.UserAgent.ToString();
            await next();
        });
        app.MapGet("/robots.txt", () => Results.Text("User-agent: *\nDisallow: /private/\n\nUser-agent: OtherBot\nDisallow: /\n", "text/plain"));
        string Base() => self!.Url;

        // Corpus pages and the three kinds of feed over them: ?a=001,004,006 picks the articles.
        app.MapGet("/articles/{id}.html", (string id) => articles.FirstOrDefault(a => a.Id == id) is { } a
            ? Results.Content(a.Html(), "text/html; charset=utf-8") : Results.NotFound());
        IEnumerable<CorpusArticle> Pick(HttpRequest r) => r.Query["a"].ToString() is { Length: > 0 } ids
            ? ids.Split(',').Select(id => articles.First(a => a.Id == id)) : articles.Take(3);
        app.MapGet("/rss.xml", (HttpRequest r) =>
        {
            const string etag = "\"rss-v1\"";
            if (r.Headers.IfNoneMatch.ToString() == etag) return Results.StatusCode(304);
            var items = string.Concat(Pick(r).Select(a =>
                $"<item><title>{WebUtility.HtmlEncode(a.Title)}</title><link>{Base()}/articles/{a.Id}.html</link><guid isPermaLink=\"false\">{a.Id}</guid><pubDate>{a.Published:ddd, dd MMM yyyy} 09:00:00 GMT</pubDate></item>"));
            r.HttpContext.Response.Headers.ETag = etag;
            return Results.Content($"<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>Fixture news</title><link>{Base()}/</link><description>test</description>{items}</channel></rss>", "application/rss+xml");
        });
        app.MapGet("/atom.xml", (HttpRequest r) => Results.Content(
            $"<?xml version=\"1.0\" encoding=\"utf-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Fixture atom</title><id>urn:fixture</id><updated>2024-11-28T00:00:00Z</updated>" +
            string.Concat(Pick(r).Select(a => $"<entry><title>{WebUtility.HtmlEncode(a.Title)}</title><id>urn:fixture:{a.Id}</id><link href=\"/articles/{a.Id}.html\"/><published>{a.Published:yyyy-MM-dd}T09:00:00Z</published><updated>{a.Published:yyyy-MM-dd}T09:00:00Z</updated></entry>")) +
            "</feed>", "application/atom+xml"));
        app.MapGet("/feed.json", (HttpRequest r) => Results.Content(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["version"] = "https://jsonfeed.org/version/1.1",
            ["title"] = "Fixture JSON",
            ["items"] = Pick(r).Select(a => new Dictionary<string, object> { ["id"] = a.Id, ["url"] = $"{Base()}/articles/{a.Id}.html", ["title"] = a.Title, ["date_published"] = $"{a.Published:yyyy-MM-dd}T09:00:00Z" }).ToList(),
        }), "application/feed+json"));

        // n generated pages: each a corpus article's text with a line of its own (so every page is a different text).
        app.MapGet("/many.xml", (int n) => Results.Content(
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Many</title><link>/</link><description>d</description>" +
            string.Concat(Enumerable.Range(1, n).Select(i => $"<item><title>Item {i}</title><link>{Base()}/p/{i}.html</link><guid>p{i}</guid></item>")) +
            "</channel></rss>", "application/rss+xml"));
        app.MapGet("/p/{i:int}.html", async (int i) =>
        {
            if (self!.PageDelay > TimeSpan.Zero) await Task.Delay(self.PageDelay);
            var a = articles[i % articles.Count];
            return Results.Content(a.Html($"Dispatch number {i} of the fixture wire."), "text/html; charset=utf-8");
        });

        // Hostile answers.
        app.MapGet("/hostile.xml", () => Results.Content(
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Hostile</title><link>/</link><description>d</description>" +
            string.Concat(new[] { "/huge.html", "/drip.html", "/loop/a", "/missing.html", "/private/secret.html", "/empty.html", $"/articles/{articles[0].Id}.html" }
                .Select(p => $"<item><title>{p}</title><link>{Base()}{p}</link></item>")) +
            "</channel></rss>", "application/rss+xml"));
        app.MapGet("/huge.html", async (HttpContext ctx) =>
        {
            // A gigabyte, streamed without a length: the reader must stop by itself.
            ctx.Response.ContentType = "text/html";
            var chunk = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("<p>lorem ipsum dolor sit amet</p>\n", 2048)));
            await ctx.Response.WriteAsync("<html><body><article>", ctx.RequestAborted);
            try
            {
                for (long sent = 0; sent < 1L << 30 && !ctx.RequestAborted.IsCancellationRequested; sent += chunk.Length)
                    await ctx.Response.Body.WriteAsync(chunk, ctx.RequestAborted);
            }
            catch (Exception e) when (e is OperationCanceledException or IOException) { }
        });
        app.MapGet("/drip.html", async (HttpContext ctx) =>
        {
            ctx.Response.ContentType = "text/html";
            try
            {
                for (int i = 0; i < 600 && !ctx.RequestAborted.IsCancellationRequested; i++)
                {
                    await ctx.Response.WriteAsync("<", ctx.RequestAborted);
                    await ctx.Response.Body.FlushAsync(ctx.RequestAborted);
                    await Task.Delay(200, ctx.RequestAborted);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or IOException) { }
        });
        app.MapGet("/loop/a", () => Results.Redirect("/loop/b"));
        app.MapGet("/loop/b", () => Results.Redirect("/loop/a"));
        app.MapGet("/empty.html", () => Results.Content("<html><body><nav>menu</nav></body></html>", "text/html"));
        app.MapGet("/private/secret.html", () => Results.Content("<html><body><article><p>secret</p></article></body></html>", "text/html"));
        app.MapGet("/bad.xml", () => Results.Content("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Broken</title><item><title>x</link></item></channel>", "application/rss+xml"));
        app.MapGet("/changing.xml", () => Results.Content(
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Changing ids</title><link>/</link><description>d</description>" +
            string.Concat(articles.Skip(3).Take(2).Select(a => $"<item><title>{WebUtility.HtmlEncode(a.Title)}</title><link>{Base()}/articles/{a.Id}.html</link><guid isPermaLink=\"false\">{Guid.NewGuid()}</guid></item>")) +
            "</channel></rss>", "application/rss+xml"));

        await app.StartAsync();
        var address = app.Urls.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal);
        self = new FixtureServer(app, address);
        return self;
    }

    public int HitsOn(string path) => Hits.GetValueOrDefault(path);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>A corpus article (../shared/corpus), made into a web page for the fixture server.</summary>
public sealed record CorpusArticle(string Id, string Title, string Text, DateOnly Published)
{
    public string Html(string? extra = null)
    {
        var body = string.Concat(Text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(p => $"<p>{WebUtility.HtmlEncode(p)}</p>\n"));
        if (extra is not null) body += $"<p>{WebUtility.HtmlEncode(extra)}</p>";
        return $"""
            <!DOCTYPE html><html><head><meta charset="utf-8"><title>{WebUtility.HtmlEncode(Title)}</title>
            <meta property="article:published_time" content="{Published:yyyy-MM-dd}T08:00:00Z"></head>
            <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
            <article><h1>{WebUtility.HtmlEncode(Title)}</h1>{body}</article>
            <footer>Fixture wire service</footer></body></html>
            """;
    }
}

/// <summary>The corpus articles (../shared/corpus/dev/articles, found from the repository root); tests skip with a message without them.</summary>
public static class Corpus
{
    public static string? Folder
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (!File.Exists(Path.Combine(dir.FullName, "Plenary.sln"))) continue;
                var corpus = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "corpus", "dev", "articles"));
                return Directory.Exists(corpus) ? corpus : null;
            }
            return null;
        }
    }

    public static IReadOnlyList<CorpusArticle> Load()
    {
        var folder = Folder;
        Skip.If(folder is null, "corpus absent: ../shared/corpus/dev/articles (beside the repository) is needed to serve real article pages; skipped");
        var list = new List<CorpusArticle>();
        foreach (var file in Directory.EnumerateFiles(folder!, "*.json").Order(StringComparer.Ordinal))
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(file));
            var o = doc.RootElement;
            var id = Path.GetFileNameWithoutExtension(file);
            var title = o.TryGetProperty("topic", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : id;
            var pub = o.TryGetProperty("published", out var p) && p.ValueKind == JsonValueKind.String ? DateOnly.Parse(p.GetString()!, System.Globalization.CultureInfo.InvariantCulture) : new DateOnly(2024, 11, 27);
            list.Add(new CorpusArticle(id, title, o.GetProperty("text").GetString()!, pub));
        }
        return list;
    }
}
