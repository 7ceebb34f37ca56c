using PlenaryCli = global::Plenary.Cli.Tests.Plenary;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Plenary.Feeds.Tests;

/// <summary>The feeds API and page through the real server (<c>plenary serve</c>, the built program).</summary>
public sealed class HttpTests : IDisposable
{
    private readonly TempFolder _t = new();
    private Process? _server;

    public void Dispose()
    {
        if (_server is { HasExited: false }) { _server.Kill(); _server.WaitForExit(); }
        _server?.Dispose();
        _t.Dispose();
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    private async Task<(HttpClient Http, string EditorKey, string ReaderKey)> Serve()
    {
        var db = _t.File("r.db");
        var init = PlenaryCli.Run("init", "--db", db);
        Assert.True(init.ExitCode == 0, init.Err);
        var editor = PlenaryCli.Run("user", "add", "edna", "--role", "editor", "--db", db);
        Assert.True(editor.ExitCode == 0, editor.Err);
        var reader = PlenaryCli.Run("user", "add", "rita", "--role", "reader", "--db", db);
        var port = FreePort();
        _server = PlenaryProcess.Start("serve", "--db", db, "--urls", $"http://127.0.0.1:{port}");
        var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        for (var sw = Stopwatch.StartNew(); ; await Task.Delay(200))
        {
            try { if ((await http.GetAsync("/api/v1/me")).IsSuccessStatusCode) break; }
            catch (HttpRequestException) when (sw.Elapsed < TimeSpan.FromSeconds(90) && !_server.HasExited) { }
        }
        return (http, editor.Out.Trim(), reader.Out.Trim());
    }

    private static HttpRequestMessage As(string? key, HttpMethod method, string path, object? body = null)
    {
        var m = new HttpRequestMessage(method, path);
        if (key is not null) m.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        if (body is not null) m.Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        return m;
    }

    [Fact]
    public async Task Editors_manage_feeds_over_the_api_others_are_refused_and_errors_are_problem_details()
    {
        var (http, edna, rita) = await Serve();
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(As(null, HttpMethod.Post, "/api/v1/feeds", new { url = "https://news.example/rss" }))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.SendAsync(As(rita, HttpMethod.Post, "/api/v1/feeds", new { url = "https://news.example/rss" }))).StatusCode);

        var added = await http.SendAsync(As(edna, HttpMethod.Post, "/api/v1/feeds", new { url = "https://news.example/rss", name = "Example <wire>", every = "1h" }));
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var feed = JsonDocument.Parse(await added.Content.ReadAsStringAsync()).RootElement.GetProperty("feed");
        Assert.Equal((3600, "new"), (feed.GetProperty("every_seconds").GetInt32(), feed.GetProperty("health").GetString()));
        var id = feed.GetProperty("id").GetInt64();

        var dup = await http.SendAsync(As(edna, HttpMethod.Post, "/api/v1/feeds", new { url = "https://news.example/rss" }));
        Assert.Equal(HttpStatusCode.Conflict, dup.StatusCode);
        Assert.Equal("application/problem+json", dup.Content.Headers.ContentType?.MediaType);
        var bad = await http.SendAsync(As(edna, HttpMethod.Post, "/api/v1/feeds", new { url = "ftp://news.example/rss" }));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("url: 'ftp://news.example/rss' is not a feed address",
            JsonDocument.Parse(await bad.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString());
        var badEvery = await http.SendAsync(As(edna, HttpMethod.Post, "/api/v1/feeds", new { url = "https://other.example/rss", every = "5s" }));
        Assert.Equal(HttpStatusCode.BadRequest, badEvery.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(As(edna, HttpMethod.Post, $"/api/v1/feeds/{id}/pause"))).StatusCode);
        var rule = await http.SendAsync(As(edna, HttpMethod.Put, $"/api/v1/feeds/{id}/rule", new { auto_accept = "confirmations" }));
        Assert.Equal(HttpStatusCode.OK, rule.StatusCode);
        var list = JsonDocument.Parse(await (await http.SendAsync(As(edna, HttpMethod.Get, "/api/v1/feeds"))).Content.ReadAsStringAsync()).RootElement;
        var listed = Assert.Single(list.GetProperty("feeds").EnumerateArray());
        Assert.Equal(("paused", "confirmations"), (listed.GetProperty("health").GetString(), listed.GetProperty("auto_accept").GetString()));

        var page = await http.SendAsync(As(edna, HttpMethod.Get, "/feeds"));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Example &lt;wire&gt;", html);
        Assert.DoesNotContain("Example <wire>", html);

        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(As(edna, HttpMethod.Delete, $"/api/v1/feeds/{id}"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.SendAsync(As(edna, HttpMethod.Delete, $"/api/v1/feeds/{id}"))).StatusCode);

        var groups = await http.SendAsync(As(null, HttpMethod.Get, "/api/v1/review/groups"));
        Assert.Equal(HttpStatusCode.OK, groups.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(As(null, HttpMethod.Post, "/api/v1/review/accept-confirmations"))).StatusCode);
        var accepted = await http.SendAsync(As(edna, HttpMethod.Post, "/api/v1/review/accept-confirmations"));
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }
}
