using System.CommandLine;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Plenary.Cli.Commands;
using Plenary.Store.Accounts;

namespace Plenary.Web.Tests;

/// <summary>
/// Disabling accounts, sessions that end on the server, and the sign-in rate limits — through the real server, with
/// the account changes made by the <c>plenary user</c> commands on the same file (as another process would).
/// </summary>
public sealed class AccountSecurityTests
{
    private const string EdnaPassword = "correct horse battery";

    /// <summary>A browser: its own cookie jar, no redirects followed.</summary>
    private static HttpClient Browser(TestServer s, CookieContainer? jar = null) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = jar ?? new CookieContainer(), UseCookies = true }) { BaseAddress = s.BaseAddress };

    /// <summary>A client that sends exactly the cookie header it is given: a copy of someone's cookie.</summary>
    private static HttpClient WithCookie(TestServer s, string cookie)
    {
        var c = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = s.BaseAddress };
        c.DefaultRequestHeaders.Add("Cookie", cookie);
        return c;
    }

    private static async Task<string> Token(HttpClient c, string url)
    {
        var html = await c.GetStringAsync(url);
        return Regex.Match(html, "name=\"__af\" value=\"([^\"]+)\"").Groups[1].Value;
    }

    private static async Task<HttpResponseMessage> SignIn(HttpClient c, string name, string password, bool json = false)
    {
        var token = await Token(c, "/signin");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/signin")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__af"] = token, ["name"] = name, ["password"] = password, ["returnUrl"] = "/review" }),
        };
        if (json) request.Headers.Accept.ParseAdd("application/json");
        return await c.SendAsync(request);
    }

    /// <summary>Signs in and returns the browser and its cookies as a header (to be copied).</summary>
    private static async Task<(HttpClient Browser, string Cookie)> SignedIn(TestServer s, string name, string password)
    {
        var jar = new CookieContainer();
        var c = Browser(s, jar);
        var r = await SignIn(c, name, password);
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        return (c, jar.GetCookieHeader(s.BaseAddress));
    }

    /// <summary>True when the request got the editor page; false when it was sent to sign in.</summary>
    private static async Task<bool> Reaches(HttpClient c, string url = "/review")
    {
        var r = await c.GetAsync(url);
        if (r.StatusCode == HttpStatusCode.OK) return true;
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Contains("/signin", r.Headers.Location!.OriginalString);
        return false;
    }

    /// <summary>Runs <c>plenary user ARGS</c> on the server's registry file, the way the command line does.</summary>
    private static int User(TestServer s, params string[] args) =>
        WebCommands.User(_ => s.DbPath, TestServer.OpenFixture).Parse(args).Invoke();

    private static string ErrorText(string html) => Regex.Match(html, "<p class=\"error\" role=\"alert\">([^<]*)</p>").Groups[1].Value;

    [Fact]
    public async Task A_disabled_account_loses_its_keys_and_sessions_and_cannot_sign_in_until_enabled()
    {
        await using var s = await TestServer.StartAsync();
        var key = s.AddUser("edna", AccountRole.Editor, EdnaPassword);
        using var api = s.ClientWithKey(key);
        Assert.Equal("edna", JsonDocument.Parse(await api.GetStringAsync("/api/v1/me")).RootElement.GetProperty("name").GetString());
        var (browser, cookie) = await SignedIn(s, "edna", EdnaPassword);
        using var _ = browser;
        using var copy = WithCookie(s, cookie);
        Assert.True(await Reaches(browser));
        Assert.True(await Reaches(copy));

        Assert.Equal(0, User(s, "disable", "edna"));

        // The API key is refused everywhere, not taken as anonymous.
        var me = await api.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        Assert.Equal("application/problem+json", me.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.PostAsync("/api/v1/articles", TestServer.Json(new { text = "x" }))).StatusCode);
        // The sessions end at their next request, the copied cookie too.
        Assert.False(await Reaches(browser));
        Assert.False(await Reaches(copy));
        // The right password does not sign a disabled account in, and says no more than a wrong one would.
        using var again = Browser(s);
        var refused = await SignIn(again, "edna", EdnaPassword);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("The name or the password is wrong.", ErrorText(await refused.Content.ReadAsStringAsync()));

        // Disabling twice changes nothing; the audit log has who, when, before and after.
        Assert.Equal(0, User(s, "disable", "edna"));
        var audit = s.Registry.Read(st => st.AuditLog(50)).Where(e => e.Subject == "user/edna" && e.Action == "user-disable").ToList();
        var entry = Assert.Single(audit);
        Assert.Equal($"cli:{Environment.UserName}", entry.Actor);
        Assert.True(DateTimeOffset.UtcNow - entry.At < TimeSpan.FromMinutes(5));
        Assert.False(JsonDocument.Parse(entry.Before!).RootElement.GetProperty("disabled").GetBoolean());
        var after = JsonDocument.Parse(entry.After!).RootElement;
        Assert.True(after.GetProperty("disabled").GetBoolean());
        Assert.Equal(1, after.GetProperty("sessions_ended").GetInt32());

        Assert.Equal(0, User(s, "enable", "edna"));
        var enabled = s.Registry.Read(st => st.AuditLog(5)).First(e => e.Subject == "user/edna");
        Assert.Equal("user-enable", enabled.Action);
        Assert.True(JsonDocument.Parse(enabled.Before!).RootElement.GetProperty("disabled").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me")).StatusCode);
        // Enabling does not bring the ended sessions back; signing in again works.
        Assert.False(await Reaches(copy));
        var (fresh, _) = await SignedIn(s, "edna", EdnaPassword);
        using (fresh) Assert.True(await Reaches(fresh));

        Assert.Equal(2, User(s, "disable", "nobody"));
    }

    [Fact]
    public async Task Signing_out_ends_that_session_on_the_server_and_a_copied_cookie_is_refused()
    {
        await using var s = await TestServer.StartAsync();
        s.AddUser("edna", AccountRole.Editor, EdnaPassword);
        var (browser, cookie) = await SignedIn(s, "edna", EdnaPassword);
        var (other, _) = await SignedIn(s, "edna", EdnaPassword);
        using var _1 = browser;
        using var _2 = other;
        using var copy = WithCookie(s, cookie);
        Assert.True(await Reaches(copy));

        var signOut = await browser.PostAsync("/signout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__af"] = await Token(browser, "/review") }));
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);

        Assert.False(await Reaches(browser));
        Assert.False(await Reaches(copy));
        Assert.False(await Reaches(copy, "/ingest"));
        // Only the session signed out ends: the same account's other browser stays signed in.
        Assert.True(await Reaches(other));
    }

    [Fact]
    public async Task Signing_in_again_in_the_same_browser_ends_its_previous_session()
    {
        await using var s = await TestServer.StartAsync();
        s.AddUser("edna", AccountRole.Editor, EdnaPassword);
        var (browser, cookie) = await SignedIn(s, "edna", EdnaPassword);
        using var _ = browser;
        using var copy = WithCookie(s, cookie);
        Assert.True(await Reaches(copy));
        Assert.Equal(HttpStatusCode.Redirect, (await SignIn(browser, "edna", EdnaPassword)).StatusCode);
        Assert.True(await Reaches(browser));
        Assert.False(await Reaches(copy));
    }

    [Fact]
    public async Task A_new_password_ends_every_session_of_the_account()
    {
        await using var s = await TestServer.StartAsync();
        s.AddUser("edna", AccountRole.Editor, EdnaPassword);
        s.AddUser("ada", AccountRole.Admin, "admin password here");
        var (browser, cookie) = await SignedIn(s, "edna", EdnaPassword);
        var (admin, _) = await SignedIn(s, "ada", "admin password here");
        using var _1 = browser;
        using var _2 = admin;
        using var copy = WithCookie(s, cookie);
        Assert.True(await Reaches(copy));

        // `plenary user password edna` with the new password on standard input (no other test reads it).
        var stdin = Console.In;
        Console.SetIn(new StringReader("a brand new password\n"));
        try { Assert.Equal(0, User(s, "password", "edna")); }
        finally { Console.SetIn(stdin); }

        Assert.False(await Reaches(browser));
        Assert.False(await Reaches(copy));
        Assert.True(await Reaches(admin)); // another account's session is untouched
        using (var old = Browser(s)) Assert.Equal(HttpStatusCode.Unauthorized, (await SignIn(old, "edna", EdnaPassword)).StatusCode);
        var (fresh, _) = await SignedIn(s, "edna", "a brand new password");
        using (fresh) Assert.True(await Reaches(fresh));
        var entry = s.Registry.Read(st => st.AuditLog(10)).First(e => e.Action == "password-set");
        Assert.Equal(1, JsonDocument.Parse(entry.After!).RootElement.GetProperty("sessions_ended").GetInt32());
    }

    [Fact]
    public async Task The_sixth_wrong_attempt_for_a_name_is_refused_with_429_whether_or_not_the_account_exists()
    {
        await using var s = await TestServer.StartAsync(configuration: new Dictionary<string, string?>
        {
            ["Plenary:SignIn:FailuresPerName"] = "5", ["Plenary:SignIn:Window"] = "01:00:00",
        });
        s.AddUser("edna", AccountRole.Editor, EdnaPassword);
        using var c = Browser(s);

        string? lockedText = null;
        foreach (var name in new[] { "edna", "ghost" })
        {
            for (var i = 0; i < 5; i++)
                Assert.Equal(HttpStatusCode.Unauthorized, (await SignIn(c, name, "wrong password " + i)).StatusCode);
            var sixth = await SignIn(c, name, "wrong password 6");
            Assert.Equal(HttpStatusCode.TooManyRequests, sixth.StatusCode);
            var html = await sixth.Content.ReadAsStringAsync();
            Assert.Contains("Too many sign-in attempts", ErrorText(html));
            Assert.Contains("<form method=\"post\" action=\"/signin\"", html);
            // The refusal reads the same for the account that exists and the one that does not.
            lockedText ??= ErrorText(html);
            Assert.Equal(lockedText, ErrorText(html));
            var problem = await SignIn(c, name, "wrong password 7", json: true);
            Assert.Equal(HttpStatusCode.TooManyRequests, problem.StatusCode);
            Assert.Equal("application/problem+json", problem.Content.Headers.ContentType?.MediaType);
            var p = JsonDocument.Parse(await problem.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal(429, p.GetProperty("status").GetInt32());
            Assert.DoesNotContain(name, p.GetProperty("detail").GetString()!, StringComparison.OrdinalIgnoreCase);
            Assert.True(problem.Headers.RetryAfter is not null);
        }
        // While the name is locked even the right password is refused, or the limit would not stop a guesser...
        Assert.Equal(HttpStatusCode.TooManyRequests, (await SignIn(c, "EDNA", EdnaPassword)).StatusCode);
        // ...but other names are not: the limit is per name.
        s.AddUser("rita", AccountRole.Reader, "just reading here");
        Assert.Equal(HttpStatusCode.Redirect, (await SignIn(c, "rita", "just reading here")).StatusCode);
    }

    [Fact]
    public async Task A_burst_of_parallel_guesses_gets_no_more_than_the_limit()
    {
        await using var s = await TestServer.StartAsync(configuration: new Dictionary<string, string?>
        {
            ["Plenary:SignIn:FailuresPerName"] = "5", ["Plenary:SignIn:Window"] = "01:00:00",
        });
        s.AddUser("edna", AccountRole.Editor, EdnaPassword);
        using var c = Browser(s);
        var token = await Token(c, "/signin");
        var answers = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => c.PostAsync("/signin", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["__af"] = token, ["name"] = "edna", ["password"] = $"guess number {i}" }))));
        Assert.Equal(5, answers.Count(a => a.StatusCode == HttpStatusCode.Unauthorized));
        Assert.Equal(35, answers.Count(a => a.StatusCode == HttpStatusCode.TooManyRequests));
    }

    [Fact]
    public async Task Wrong_attempts_from_one_address_are_limited_across_names()
    {
        await using var s = await TestServer.StartAsync(configuration: new Dictionary<string, string?>
        {
            ["Plenary:SignIn:FailuresPerAddress"] = "3", ["Plenary:SignIn:Window"] = "01:00:00",
        });
        s.AddUser("edna", AccountRole.Editor, EdnaPassword);
        using var c = Browser(s);
        foreach (var name in new[] { "alpha", "beta", "gamma" })
            Assert.Equal(HttpStatusCode.Unauthorized, (await SignIn(c, name, "some wrong password")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await SignIn(c, "delta", "some wrong password")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await SignIn(c, "edna", EdnaPassword)).StatusCode);
    }

    [Fact]
    public async Task All_attempts_from_one_address_are_limited_by_the_rate_limiting_middleware()
    {
        await using var s = await TestServer.StartAsync(configuration: new Dictionary<string, string?>
        {
            ["Plenary:SignIn:AttemptsPerAddress"] = "2", ["Plenary:SignIn:Window"] = "01:00:00",
        });
        s.AddUser("edna", AccountRole.Editor, EdnaPassword);
        using var c = Browser(s);
        Assert.Equal(HttpStatusCode.Redirect, (await SignIn(c, "edna", EdnaPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SignIn(c, "edna", EdnaPassword)).StatusCode);
        var third = await SignIn(c, "edna", EdnaPassword);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Contains("Too many sign-in attempts", ErrorText(await third.Content.ReadAsStringAsync()));
        var json = await SignIn(c, "edna", EdnaPassword, json: true);
        Assert.Equal(HttpStatusCode.TooManyRequests, json.StatusCode);
        Assert.Equal("application/problem+json", json.Content.Headers.ContentType?.MediaType);
        // Only signing in is limited: the pages and the API answer as before.
        Assert.Equal(HttpStatusCode.OK, (await c.GetAsync("/orgs")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await c.GetAsync("/api/v1/ping")).StatusCode);
    }

    [Fact]
    public async Task A_locked_name_may_sign_in_again_once_its_window_has_passed()
    {
        await using var s = await TestServer.StartAsync(configuration: new Dictionary<string, string?>
        {
            ["Plenary:SignIn:FailuresPerName"] = "1", ["Plenary:SignIn:Window"] = "00:00:00.3",
        });
        s.AddUser("edna", AccountRole.Editor, EdnaPassword);
        using var c = Browser(s);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignIn(c, "edna", "wrong password")).StatusCode);
        // No timing is asserted: the window is short, and the right password gets through once it has passed.
        HttpStatusCode status;
        var deadline = DateTime.UtcNow.AddSeconds(20);
        do
        {
            status = (await SignIn(c, "edna", EdnaPassword)).StatusCode;
            if (status != HttpStatusCode.Redirect) await Task.Delay(100);
        } while (status == HttpStatusCode.TooManyRequests && DateTime.UtcNow < deadline);
        Assert.Equal(HttpStatusCode.Redirect, status);
    }
}
