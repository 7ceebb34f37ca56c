using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Plenary.Store.Accounts;
using Xunit.Abstractions;
using Run = Plenary.Cli.Tests.Plenary;

namespace Plenary.Hardening.Tests;

/// <summary>
/// The web app's defences, checked as an attacker would: hostile article text, titles, outlets, urls and notes are shown
/// inert on every page that shows them; the security headers; the cookies' flags behind HTTPS; forms refuse a POST
/// without their antiforgery token; a disabled account's key and session stop at their next request.
/// </summary>
[Collection(HardeningCollection.Name)]
public sealed class WebSecurityTests(ITestOutputHelper output)
{
    private const string Script = "<script>alert('xss')</script>";
    private const string Img = "\"><img src=x onerror=alert('xss')>";
    private const string JsLink = "javascript:alert('xss')";

    /// <summary>What must never appear as markup in a page: an executable script, an event handler, a javascript: link.</summary>
    private static readonly Regex Live = new(@"<script>alert|<img\b[^>]*\bonerror|(href|src|action)\s*=\s*[""']?\s*javascript:", RegexOptions.IgnoreCase);

    [Fact]
    public async Task Hostile_text_titles_names_and_notes_are_inert_on_every_page_that_shows_them()
    {
        using var regs = new Registries("sqlite");
        await using var server = await InProcessServer.StartAsync("sqlite", regs.Folder);
        var key = server.Key(AccountRole.Editor);
        var api = server.Client;
        // A javascript: address never gets in (it would be shown as the article's link).
        var scriptUrl = await Send(api, HttpMethod.Post, "/api/v1/articles", key, JsonSerializer.Serialize(new { id = "script-url", url = JsLink, text = "Armenia left the CSTO in 2026." }));
        Assert.Equal(HttpStatusCode.BadRequest, scriptUrl.StatusCode);
        var body = JsonSerializer.Serialize(new
        {
            id = "hostile",
            title = Script + Img,
            outlet = Img,
            url = "https://example.org/?q=" + Uri.EscapeDataString(Img),
            published = "2024-11-27",
            text = $"{Script} Armenia froze its participation in the Collective Security Treaty Organization in February 2024. {Img} " +
                   $"Kazakhstan attended the CSTO summit in Astana on 28 November 2024. See {JsLink} and <a href=\"{JsLink}\">this</a>.",
        });
        var ingest = await Send(api, HttpMethod.Post, "/api/v1/articles", key, body);
        Assert.True(ingest.StatusCode == HttpStatusCode.Created, await ingest.Content.ReadAsStringAsync());
        var claims = JsonDocument.Parse(await ingest.Content.ReadAsStringAsync()).RootElement.GetProperty("claims").EnumerateArray().Select(c => c.GetProperty("id").GetString()!).ToList();
        Assert.NotEmpty(claims);
        var reject = await Send(api, HttpMethod.Post, $"/api/v1/claims/{claims[0]}/reject", key, JsonSerializer.Serialize(new { note = Script + Img + JsLink }));
        Assert.Equal(HttpStatusCode.OK, reject.StatusCode);

        var cookie = await SignIn(api, "hostile-editor", server, AccountRole.Editor);
        string[] pages = ["/articles", "/articles/hostile", "/search?q=alert", "/search?q=xss", "/search?q=" + Uri.EscapeDataString(Script), "/orgs/csto", "/states/ARM", "/review", "/ingest",
            "/nothing/" + Uri.EscapeDataString(Script), "/articles/" + Uri.EscapeDataString(Img), "/status?state=" + Uri.EscapeDataString(Img) + "&org=csto"];
        foreach (var page in pages)
        {
            using var req = new HttpRequestMessage(HttpMethod.Get, page);
            req.Headers.Add("Cookie", cookie);
            using var resp = await api.SendAsync(req);
            var html = await resp.Content.ReadAsStringAsync();
            output.WriteLine($"{page}: {(int)resp.StatusCode}, {html.Length} characters");
            Assert.True((int)resp.StatusCode < 500, $"{page}: {(int)resp.StatusCode}");
            var m = Live.Match(html);
            Assert.False(m.Success, $"{page} shows live markup: …{(m.Success ? html.Substring(Math.Max(0, m.Index - 80), Math.Min(200, html.Length - Math.Max(0, m.Index - 80))) : "")}…");
        }
        // The words are still shown, encoded.
        var article = await api.GetStringAsync("/articles/hostile");
        Assert.Contains("&lt;script&gt;", article, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/orgs")]
    [InlineData("/articles")]
    [InlineData("/signin")]
    [InlineData("/search?q=armenia")]
    [InlineData("/api/v1/ping")]
    [InlineData("/api/v1/nothing")]
    public async Task Every_answer_carries_the_security_headers(string url)
    {
        using var regs = new Registries("sqlite");
        await using var server = await InProcessServer.StartAsync("sqlite", regs.Folder);
        server.Client.BaseAddress = new Uri("https://localhost/");
        using var resp = await server.Client.GetAsync(url);
        var csp = Header(resp, "Content-Security-Policy");
        Assert.NotNull(csp);
        var scriptSrc = csp!.Split(';').Select(d => d.Trim()).FirstOrDefault(d => d.StartsWith("script-src", StringComparison.Ordinal))
                        ?? csp.Split(';').Select(d => d.Trim()).First(d => d.StartsWith("default-src", StringComparison.Ordinal));
        Assert.DoesNotContain("unsafe-inline", scriptSrc, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", scriptSrc, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Header(resp, "X-Content-Type-Options"));
        Assert.NotNull(Header(resp, "Referrer-Policy"));
        Assert.NotNull(Header(resp, "Strict-Transport-Security"));
    }

    [Fact]
    public async Task Cookies_are_httponly_samesite_and_secure_behind_https()
    {
        using var regs = new Registries("sqlite");
        await using var server = await InProcessServer.StartAsync("sqlite", regs.Folder);
        server.Client.BaseAddress = new Uri("https://localhost/");
        server.AddUser("cookie-editor", AccountRole.Editor, "a long passphrase here");
        var (token, af) = await FormToken(server.Client, "/signin", null);
        using var req = new HttpRequestMessage(HttpMethod.Post, "/signin")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__af"] = token, ["name"] = "cookie-editor", ["password"] = "a long passphrase here", ["returnUrl"] = "/review" }),
        };
        req.Headers.Add("Cookie", af);
        using var resp = await server.Client.SendAsync(req);
        Assert.Equal(HttpStatusCode.Redirect, resp.StatusCode);
        var cookies = resp.Headers.GetValues("Set-Cookie").ToList();
        Assert.Contains(cookies, c => c.StartsWith("plenary.auth=", StringComparison.Ordinal));
        foreach (var c in cookies.Where(c => c.StartsWith("plenary.", StringComparison.Ordinal)))
        {
            Assert.Contains("httponly", c, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("samesite=strict", c, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [InlineData("/signin")]
    [InlineData("/ingest")]
    [InlineData("/signout")]
    public async Task A_form_post_without_its_antiforgery_token_is_refused(string form)
    {
        using var regs = new Registries("sqlite");
        await using var server = await InProcessServer.StartAsync("sqlite", regs.Folder);
        var cookie = await SignIn(server.Client, "af-editor", server, AccountRole.Editor);
        using var req = new HttpRequestMessage(HttpMethod.Post, form)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = "af-editor", ["password"] = "a long passphrase here", ["text"] = "Armenia left the CSTO in 2026." }),
        };
        req.Headers.Add("Cookie", cookie);
        using var resp = await server.Client.SendAsync(req);
        Assert.Equal(HttpStatusCode.BadRequest, resp.StatusCode);
        using var c = regs.Connect(server.Db);
        Assert.Equal(0, Registries.Scalar(c, "SELECT count(*) FROM articles"));
    }

    [Fact]
    public async Task A_disabled_account_key_and_session_stop_at_their_next_request()
    {
        using var regs = new Registries("sqlite");
        await using var server = await InProcessServer.StartAsync("sqlite", regs.Folder);
        var cookie = await SignIn(server.Client, "soon-disabled", server, AccountRole.Editor);
        var key = LastKey;
        Assert.Equal(HttpStatusCode.OK, (await Send(server.Client, HttpMethod.Get, "/api/v1/me", key, null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await WithCookie(server.Client, "/review", cookie)).StatusCode);

        // Disabled by the command line, another process writing to the same registry file.
        var disable = Run.Run("user", "disable", "soon-disabled", "--db", server.Db);
        Assert.True(disable.ExitCode == 0, disable.Err);

        Assert.Equal(HttpStatusCode.Unauthorized, (await Send(server.Client, HttpMethod.Get, "/api/v1/me", key, null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Send(server.Client, HttpMethod.Post, "/api/v1/articles", key, "{\"text\":\"Armenia left the CSTO.\"}")).StatusCode);
        var page = await WithCookie(server.Client, "/review", cookie);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/signin", page.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    // ---- helpers ----

    private string LastKey = "";

    private static string? Header(HttpResponseMessage r, string name) =>
        r.Headers.TryGetValues(name, out var v) ? string.Join(", ", v) : r.Content.Headers.TryGetValues(name, out var c) ? string.Join(", ", c) : null;

    private static async Task<HttpResponseMessage> Send(HttpClient c, HttpMethod method, string url, string? key, string? json)
    {
        using var req = new HttpRequestMessage(method, url);
        if (key is not null) req.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        if (json is not null) req.Content = new StringContent(json, Encoding.UTF8, "application/json");
        return await c.SendAsync(req);
    }

    private static async Task<HttpResponseMessage> WithCookie(HttpClient c, string url, string cookie)
    {
        using var req = new HttpRequestMessage(HttpMethod.Get, url);
        req.Headers.Add("Cookie", cookie);
        return await c.SendAsync(req);
    }

    private static string Cookies(HttpResponseMessage r) =>
        string.Join("; ", (r.Headers.TryGetValues("Set-Cookie", out var v) ? v : []).Select(c => c.Split(';')[0]).Where(c => !c.EndsWith('=')));

    /// <summary>The form's antiforgery token and the cookie it goes with.</summary>
    private static async Task<(string Token, string Cookie)> FormToken(HttpClient c, string url, string? cookie)
    {
        using var req = new HttpRequestMessage(HttpMethod.Get, url);
        if (cookie is not null) req.Headers.Add("Cookie", cookie);
        using var resp = await c.SendAsync(req);
        var html = await resp.Content.ReadAsStringAsync();
        var token = Regex.Match(html, "name=\"__af\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(token), $"{url} has no antiforgery token");
        var set = Cookies(resp);
        return (token, string.Join("; ", new[] { cookie, set }.Where(s => !string.IsNullOrEmpty(s))));
    }

    /// <summary>Creates an account, signs it in through the form, and returns the browser's cookies.</summary>
    private async Task<string> SignIn(HttpClient c, string name, InProcessServer server, AccountRole role)
    {
        LastKey = server.AddUser(name, role, "a long passphrase here");
        var (token, af) = await FormToken(c, "/signin", null);
        using var req = new HttpRequestMessage(HttpMethod.Post, "/signin")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__af"] = token, ["name"] = name, ["password"] = "a long passphrase here", ["returnUrl"] = "/review" }),
        };
        req.Headers.Add("Cookie", af);
        using var resp = await c.SendAsync(req);
        Assert.Equal(HttpStatusCode.Redirect, resp.StatusCode);
        return af + "; " + Cookies(resp);
    }
}
