using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Plenary.Store;
using Plenary.Store.Accounts;
using Xunit.Abstractions;
using Run = Plenary.Cli.Tests.Plenary;

namespace Plenary.Hardening.Tests;

/// <summary>
/// Issue 11's probe, item by item where no other test reproduces it: each test does what the probe did and checks that
/// it now holds.
/// </summary>
[Collection(HardeningCollection.Name)]
public sealed class ProbeTests(ITestOutputHelper output)
{
    [Fact]
    public void A_registry_file_left_blank_by_an_interrupted_creation_is_seeded_by_init()
    {
        using var regs = new Registries("sqlite");
        var db = regs.New("blank");
        // What a creation killed before its first commit leaves: an empty WAL-mode SQLite file.
        using (var c = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            c.Open();
            Registries.Execute(c, "PRAGMA journal_mode = WAL");
        }
        var init = Run.Run("init", "--db", db);
        output.WriteLine(init.Out + init.Err);
        Assert.Equal(0, init.ExitCode);
        Assert.DoesNotContain("already a registry", init.Out, StringComparison.Ordinal);
        using var check = regs.Connect(db);
        Assert.True(Registries.Scalar(check, "SELECT count(*) FROM states") > 100, "the curated states are seeded");
    }

    [Fact]
    public async Task Three_processes_creating_the_same_new_registry_at_once_all_record_their_article()
    {
        using var regs = new Registries("sqlite");
        // Only the default registry is created by any command (elsewhere it takes `plenary init`): three processes race to
        // create it, each with its own $XDG_DATA_HOME-based default.
        string Home(string label) { var d = Path.Combine(regs.Folder, label + "-home"); Directory.CreateDirectory(d); return d; }
        static string DefaultDb(string home) => Path.Combine(home, "plenary", "registry.db");
        // What a registry holds besides its articles' claims, made by one process alone.
        var aloneHome = Home("alone");
        var one = Run.Run(new Dictionary<string, string> { ["XDG_DATA_HOME"] = aloneHome }, "ingest", Articles.Folder(Path.Combine(regs.Folder, "alone"), "alone", 1));
        Assert.True(one.ExitCode == 0, one.Err);
        var baseline = SeededRows(regs, DefaultDb(aloneHome));
        for (int round = 0; round < 3; round++)
        {
            var home = Home($"race{round}");
            var db = DefaultDb(home);
            var env = new Dictionary<string, string> { ["XDG_DATA_HOME"] = home };
            var files = Enumerable.Range(0, 3).Select(i => Articles.Folder(Path.Combine(regs.Folder, $"race{round}-{i}"), $"race{round}w{i}", 1)).ToList();
            var runs = files.Select(f => Task.Run(() => Run.Run(env, "ingest", f))).ToArray();
            foreach (var r in await Task.WhenAll(runs)) Assert.True(r.ExitCode == 0, $"round {round}: exit {r.ExitCode}: {r.Err}");
            using var c = regs.Connect(db);
            Assert.Equal(3, Registries.Scalar(c, "SELECT count(*) FROM articles WHERE id LIKE 'race%'"));
            // The seeded data once, not once per process, and the seeding's own audit entry once.
            Assert.Equal(baseline, SeededRows(regs, db));
            Assert.Equal(1, Registries.Scalar(c, "SELECT count(*) FROM audit_log WHERE action = 'seed'"));
        }
    }

    /// <summary>Rows that are not an ingested article's: the seeded states, organizations, claims, decisions and audit entries.</summary>
    private static string SeededRows(Registries regs, string db)
    {
        using var c = regs.Connect(db);
        return string.Join(", ", new[]
        {
            "SELECT count(*) FROM states", "SELECT count(*) FROM organizations",
            "SELECT count(*) FROM claims WHERE source_id NOT IN (SELECT id FROM articles WHERE id LIKE 'race%' OR id LIKE 'alone%')",
            "SELECT count(*) FROM claim_reviews", "SELECT count(*) FROM audit_log WHERE action <> 'ingest'",
        }.Select(q => Registries.Scalar(c, q)));
    }

    [Theory]
    [InlineData("/api/v1/organizations")]
    [InlineData("/api/v1/states")]
    [InlineData("/api/v1/claims")]
    [InlineData("/api/v1/audit")]
    [InlineData("/api/v1/articles")]
    [InlineData("/api/v1/persons")]
    public async Task An_offset_at_the_top_of_the_range_never_overflows(string list)
    {
        using var regs = new Registries("sqlite");
        await using var server = await InProcessServer.StartAsync("sqlite", regs.Folder);
        var admin = server.Key(AccountRole.Admin);
        using var resp = await server.Send(HttpMethod.Get, list + "?offset=2147483647&limit=100", admin);
        var body = await resp.Content.ReadAsStringAsync();
        Assert.True(resp.StatusCode == HttpStatusCode.OK, body);
        var page = JsonDocument.Parse(body).RootElement.GetProperty("page");
        Assert.True(page.GetProperty("next_offset").ValueKind == JsonValueKind.Null, body);
    }

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("../../etc/passwd")]
    [InlineData("<script>x</script>")]
    public async Task An_article_id_that_cannot_name_an_article_is_refused_by_the_api(string id)
    {
        using var regs = new Registries("sqlite");
        await using var server = await InProcessServer.StartAsync("sqlite", regs.Folder);
        using var resp = await server.Send(HttpMethod.Post, "/api/v1/articles", server.Key(AccountRole.Editor),
            JsonSerializer.Serialize(new { id, text = "Armenia left the CSTO in 2026." }));
        Assert.Equal(HttpStatusCode.BadRequest, resp.StatusCode);
        Assert.Equal("application/problem+json", resp.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>
    /// A NUL character in any string of a JSON body is refused (400, naming the field) before the store on both engines:
    /// PostgreSQL refuses NUL in text (a 500 there before), SQLite would have kept it.
    /// </summary>
    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_json_body_string_holding_NUL_is_a_400_naming_the_field(string engine)
    {
        using var regs = new Registries(engine);
        await using var server = await InProcessServer.StartAsync(engine, regs.Folder);
        var editor = server.Key(AccountRole.Editor);
        async Task<(HttpStatusCode Status, string? Type, string Body)> Send(HttpMethod method, string url, string json)
        {
            using var resp = await server.Send(method, url, editor, json);
            return (resp.StatusCode, resp.Content.Headers.ContentType?.MediaType, await resp.Content.ReadAsStringAsync());
        }
        void Refused((HttpStatusCode Status, string? Type, string Body) r, string path)
        {
            output.WriteLine(r.Body);
            Assert.Equal(HttpStatusCode.BadRequest, r.Status);
            Assert.Equal("application/problem+json", r.Type);
            Assert.Contains($"at {path} holds a NUL", JsonDocument.Parse(r.Body).RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        const string Text = "Armenia froze its participation in the CSTO on 23 February 2024, Prime Minister Nikol Pashinyan said.";
        Refused(await Send(HttpMethod.Post, "/api/v1/articles", $$"""{"id":"nul-title","text":"{{Text}}","title":"A\u0000B"}"""), "$.title");
        Refused(await Send(HttpMethod.Post, "/api/v1/articles", $$"""{"id":"nul-text","text":"{{Text}} \u0000"}"""), "$.text");
        Refused(await Send(HttpMethod.Post, "/api/v1/feeds", """{"url":"https://example.org/feed.xml","name":"news\u0000"}"""), "$.name");

        var ingested = await Send(HttpMethod.Post, "/api/v1/articles", $$"""{"id":"nul-fine","text":"{{Text}}"}""");
        Assert.True(ingested.Status == HttpStatusCode.Created, ingested.Body);
        var claim = JsonDocument.Parse(ingested.Body).RootElement.GetProperty("claims")[0].GetProperty("id").GetString();
        Refused(await Send(HttpMethod.Post, $"/api/v1/claims/{claim}/correct", """{"fact":{"notes":["fine","x\u0000"]},"note":"ok"}"""), "$.fact.notes[1]");
        Refused(await Send(HttpMethod.Post, $"/api/v1/claims/{claim}/correct", """{"fact":{"odd\u0000":"x"}}"""), "$.fact['odd\\u0000']");
        Refused(await Send(HttpMethod.Post, $"/api/v1/claims/{claim}/accept", """{"note":"\u0000"}"""), "$.note");
        // Escaped backslashes followed by 'u0000' are text, not NUL.
        var fine = await Send(HttpMethod.Post, $"/api/v1/claims/{claim}/accept", """{"note":"\\u0000 is how JSON writes NUL"}""");
        Assert.True(fine.Status == HttpStatusCode.OK, fine.Body);

        // Nothing refused reached the store.
        var articles = await server.Client.GetStringAsync("/api/v1/articles?limit=500");
        Assert.DoesNotContain("nul-title", articles, StringComparison.Ordinal);
        Assert.DoesNotContain("nul-text", articles, StringComparison.Ordinal);
        using var feeds = await server.Send(HttpMethod.Get, "/api/v1/feeds", editor);
        Assert.DoesNotContain("example.org", await feeds.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>
    /// A write that cannot get SQLite's lock within the busy timeout (here 1 s; `serve` waits 30 s) is a 503 problem with
    /// Retry-After, not a 500; once the other writer is done the same request succeeds. SQLite only: PostgreSQL's
    /// writers queue on row locks without a busy timeout.
    /// </summary>
    [Fact]
    public async Task A_write_that_finds_sqlite_busy_past_its_timeout_is_a_503_with_retry_after()
    {
        using var regs = new Registries("sqlite");
        await using var server = await InProcessServer.StartAsync("sqlite", regs.Folder, kestrel: true,
            makeEngine: path => new Plenary.Store.Sqlite.SqliteEngine(path, busyTimeoutSeconds: 1));
        var editor = server.Key(AccountRole.Editor);
        HttpRequestMessage Ingest(string id)
        {
            var req = new HttpRequestMessage(HttpMethod.Post, "/api/v1/articles")
            {
                Content = new StringContent(JsonSerializer.Serialize(new { id, text = "Armenia froze its participation in the CSTO on 23 February 2024." }), Encoding.UTF8, "application/json"),
            };
            req.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", editor);
            return req;
        }

        // Another process's write transaction on the file, held while the server's write waits.
        using (var other = new SqliteConnection($"Data Source={server.Db};Pooling=False"))
        {
            other.Open();
            Registries.Execute(other, "BEGIN IMMEDIATE");
            Registries.Execute(other, "INSERT INTO plenary_meta(key, value) VALUES ('busy-test', 'held')");
            using var first = Ingest("busy-1");
            using var busy = await server.Client.SendAsync(first);
            var body = await busy.Content.ReadAsStringAsync();
            output.WriteLine($"{(int)busy.StatusCode} Retry-After: {busy.Headers.RetryAfter}; {body}");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.StatusCode);
            Assert.Equal("application/problem+json", busy.Content.Headers.ContentType?.MediaType);
            Assert.True(busy.Headers.RetryAfter?.Delta is { TotalSeconds: >= 1 }, $"Retry-After: {busy.Headers.RetryAfter}");
            Assert.Contains("busy", JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
            Registries.Execute(other, "ROLLBACK");
        }

        using var again = Ingest("busy-1");
        using var after = await server.Client.SendAsync(again);
        Assert.True(after.StatusCode == HttpStatusCode.Created, await after.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_body_above_the_documented_limit_is_413()
    {
        using var regs = new Registries("sqlite");
        await using var server = await InProcessServer.StartAsync("sqlite", regs.Folder);
        var big = new byte[Plenary.Web.WebApp.MaxRequestBodyBytes + 1];
        big.AsSpan().Fill((byte)'a');
        using var req = new HttpRequestMessage(HttpMethod.Post, "/api/v1/articles") { Content = new ByteArrayContent(big) };
        req.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        req.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", server.Key(AccountRole.Editor));
        using var resp = await server.Client.SendAsync(req);
        var body = await resp.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, resp.StatusCode);
        Assert.Equal("application/problem+json", resp.Content.Headers.ContentType?.MediaType);
        Assert.Contains("at most", body, StringComparison.Ordinal);
    }

    [Fact]
    public void A_snippet_of_a_two_million_character_article_is_a_short_window_around_the_match()
    {
        var filler = string.Concat(Enumerable.Repeat("The delegations met again and spoke at length about procedure. ", 31_000));
        var body = filler + "Then the Kremlin adviser said Armenia remains a full member. " + filler;
        Assert.True(body.Length > 1_900_000);
        var snippet = SearchSnippet.Of(body, SearchSnippet.Terms("kremlin"));
        Assert.True(snippet.Length <= SearchSnippet.Length + 4, snippet);
        Assert.Contains($"{SearchHit.MarkStart}Kremlin{SearchHit.MarkEnd}", snippet, StringComparison.Ordinal);
        Assert.StartsWith("…", snippet, StringComparison.Ordinal);
        // No match in the text (only in the title, say): the text's beginning.
        Assert.StartsWith("The delegations", SearchSnippet.Of(body, SearchSnippet.Terms("zzz")), StringComparison.Ordinal);
    }
}
