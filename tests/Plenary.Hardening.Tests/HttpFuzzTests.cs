using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Plenary.Store;
using Plenary.Store.Accounts;
using Plenary.Store.Curated;
using Plenary.Tests;
using Plenary.Web;
using Plenary.Web.Accounts;
using Xunit.Abstractions;

namespace Plenary.Hardening.Tests;

/// <summary>
/// Hostile HTTP input generated from the server's own OpenAPI document: FsCheck generators build requests for every
/// operation it lists — random and boundary parameters (huge and negative offsets, garbage dates, ids with <c>../</c>,
/// quotes, NUL, 10 kB strings, full-text query syntax, invalid UTF-8), malformed, huge and deeply nested JSON bodies,
/// wrong content types, missing, foreign and valid keys — and send them to the real application (in process: the same
/// pipeline as Kestrel's, without sockets, so that a million requests fit in CI). Invariants: no 5xx; every 4xx is RFC
/// 9457 problem details without .NET type names or stack traces; no response slower than 2 s (counted; the suite fails
/// only above a generous share, since the machine is shared); <c>/api/v1/ping</c> keeps answering.
/// </summary>
[Collection(HardeningCollection.Name)]
public sealed class HttpFuzzTests(ITestOutputHelper output)
{
    public static int Requests(string engine) =>
        Environment.GetEnvironmentVariable("PLENARY_FUZZ_REQUESTS") is { Length: > 0 } n ? int.Parse(n, System.Globalization.CultureInfo.InvariantCulture)
        : engine == "sqlite" ? 1_000_000 : 100_000;

    private static readonly TimeSpan Slow = TimeSpan.FromSeconds(2);

    public sealed record Operation(string Method, string Template, string[] PathParams, string[] QueryParams, bool HasBody);

    public sealed record FuzzRequest(string Method, string Target, byte[]? Body, string? ContentType, int Auth);

    /// <summary>Internal detail a response must never show: .NET type names, stack frames.</summary>
    private static readonly Regex Internal = new(@"\b(System|Microsoft|Plenary|Npgsql|Dapper)\.[A-Z][A-Za-z]+\.|\bat [A-Z][\w.]+\(|Exception\b|\.cs:line", RegexOptions.Compiled);

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Generated_requests_never_get_a_5xx_a_leak_or_a_stall(string engine)
    {
        using var regs = new Registries(engine);
        await using var server = await InProcessServer.StartAsync(engine, regs.Folder);
        var keys = new[] { "", server.Key(AccountRole.Editor), server.Key(AccountRole.Reader), "not-a-key", "Basic Zm9vOmJhcg==" };

        var doc = JsonDocument.Parse(await server.Client.GetStringAsync("/openapi/v1.json")).RootElement;
        var ops = Operations(doc);
        output.WriteLine($"{ops.Count} operations in /openapi/v1.json: {string.Join(", ", ops.Select(o => $"{o.Method} {o.Template}"))}");
        Assert.True(ops.Count >= 20, "the OpenAPI document lists the API's operations");

        var total = Requests(engine);
        var seed = Environment.GetEnvironmentVariable("PLENARY_HARDENING_SEED") is { } s ? ulong.Parse(s, System.Globalization.CultureInfo.InvariantCulture) : (ulong)Environment.TickCount64;
        output.WriteLine($"seed {seed}");
        var gen = RequestGen(ops);
        long sent = 0, fives = 0, slow = 0, leaks = 0, pingFailures = 0;
        var statuses = new ConcurrentDictionary<int, long>();
        var perOperation = new ConcurrentDictionary<string, long>();
        var timePerOperation = new ConcurrentDictionary<string, long>();
        long generationTicks = 0;
        var problems = new ConcurrentQueue<string>();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        const int Workers = 8, Batch = 2_000;
        var next = -1L;
        var batches = (total + Batch - 1) / Batch;

        async Task Work()
        {
            long b;
            while ((b = Interlocked.Increment(ref next)) < batches)
            {
                var count = (int)Math.Min(Batch, total - b * Batch);
                var generating = Stopwatch.StartNew();
                var requests = gen.Sample(count, new Rnd(seed + (ulong)b * 7919UL), 30);
                Interlocked.Add(ref generationTicks, generating.ElapsedTicks);
                foreach (var r in requests)
                {
                    var (status, elapsed, problem) = await Send(server.Client, r, keys);
                    Interlocked.Increment(ref sent);
                    statuses.AddOrUpdate(status, 1, (_, v) => v + 1);
                    var op = r.Method + " " + OperationOf(r.Target, ops);
                    perOperation.AddOrUpdate(op, 1, (_, v) => v + 1);
                    timePerOperation.AddOrUpdate(op, elapsed.Ticks, (_, v) => v + elapsed.Ticks);
                    if (status >= 500) { Interlocked.Increment(ref fives); Note(problems, $"{status} for {Describe(r)}: {problem}"); }
                    else if (problem is not null) { Interlocked.Increment(ref leaks); Note(problems, $"{status} for {Describe(r)}: {problem}"); }
                    if (elapsed > Slow) { Interlocked.Increment(ref slow); Note(problems, $"slow ({elapsed.TotalMilliseconds:F0} ms): {Describe(r)}"); }
                }
                // The server still answers a trivial request, promptly, after each batch.
                var ping = Stopwatch.StartNew();
                using var pong = await server.Client.GetAsync("/api/v1/ping");
                if (pong.StatusCode != HttpStatusCode.OK || ping.Elapsed > Slow) { Interlocked.Increment(ref pingFailures); Note(problems, $"ping: {(int)pong.StatusCode} in {ping.Elapsed.TotalMilliseconds:F0} ms"); }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => Task.Run(Work)));
        sw.Stop();

        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        output.WriteLine($"{sent} requests in {sw.Elapsed.TotalSeconds:F1} s ({sent / sw.Elapsed.TotalSeconds:F0}/s), {cpu.TotalSeconds:F1} s of processor time ({cpu.TotalMilliseconds * 1000 / Math.Max(1, sent):F0} µs a request, server and client together)");
        output.WriteLine("statuses: " + string.Join(", ", statuses.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key}: {kv.Value}")));
        output.WriteLine($"generating the requests took {TimeSpan.FromTicks(generationTicks * TimeSpan.TicksPerSecond / Stopwatch.Frequency).TotalSeconds:F1} s of the workers' time");
        output.WriteLine("per operation (requests, total time): " + string.Join(", ", perOperation.OrderByDescending(kv => timePerOperation[kv.Key]).Select(kv => $"{kv.Key}: {kv.Value}, {TimeSpan.FromTicks(timePerOperation[kv.Key]).TotalSeconds:F1} s")));
        foreach (var p in problems) output.WriteLine(p);
        Summary.Write(output, engine == "sqlite" ? "http-fuzz" : $"http-fuzz[{engine}]", $"{sent} requests, {fives} 5xx, {slow} slow, {leaks} non-problem or leaking 4xx, {pingFailures} ping failures ({sw.Elapsed.TotalSeconds:F0} s)");

        Assert.Equal(total, sent);
        Assert.True(fives == 0, $"{fives} responses were 5xx:\n{string.Join("\n", problems)}");
        Assert.True(leaks == 0, $"{leaks} 4xx responses were not clean problem details:\n{string.Join("\n", problems)}");
        Assert.True(pingFailures == 0, $"/api/v1/ping failed {pingFailures} times");
        // Timings of a shared machine are not asserted; only a stall of many requests fails the suite.
        Assert.True(slow <= total / 1000, $"{slow} responses took more than {Slow.TotalSeconds} s");
        Assert.All(ops, o => Assert.True(perOperation.ContainsKey(o.Method + " " + o.Template), $"{o.Method} {o.Template} was never fuzzed"));
    }

    private static void Note(ConcurrentQueue<string> problems, string p)
    {
        if (problems.Count < 40) problems.Enqueue(p);
    }

    private static string Describe(FuzzRequest r)
    {
        var target = r.Target.Length > 300 ? r.Target[..300] + "…" : r.Target;
        return $"{r.Method} {target} (body {r.Body?.Length ?? 0} bytes, {r.ContentType ?? "no type"}, key #{r.Auth})";
    }

    public static List<Operation> Operations(JsonElement doc)
    {
        var ops = new List<Operation>();
        foreach (var path in doc.GetProperty("paths").EnumerateObject())
            foreach (var op in path.Value.EnumerateObject())
            {
                if (op.Name is "parameters" or "summary" or "description") continue;
                var ps = op.Value.TryGetProperty("parameters", out var list) ? list.EnumerateArray().ToList() : [];
                ops.Add(new Operation(op.Name.ToUpperInvariant(), path.Name,
                    [.. ps.Where(p => p.GetProperty("in").GetString() == "path").Select(p => p.GetProperty("name").GetString()!)],
                    [.. ps.Where(p => p.GetProperty("in").GetString() == "query").Select(p => p.GetProperty("name").GetString()!)],
                    op.Value.TryGetProperty("requestBody", out _) || op.Name == "post"));
            }
        return ops;
    }

    private static string OperationOf(string target, List<Operation> ops)
    {
        var path = target.Split('?')[0];
        var segments = path.Split('/');
        foreach (var o in ops)
        {
            var t = o.Template.Split('/');
            if (t.Length == segments.Length && t.Zip(segments).All(p => p.First.StartsWith('{') || p.First == p.Second)) return o.Template;
        }
        return path;
    }

    // ---- generators ----

    private static readonly string[] Boundaries =
    [
        "", "0", "-1", "1", "100", "101", "1000", "2147483647", "2147483648", "-2147483648", "-2147483649", "9223372036854775807",
        "99999999999999999999999", "1e9", "0x10", " 5", "5 ", "+5", "1.5", "NaN", "Infinity", "null", "true", "[]", "{}",
    ];

    private static readonly string[] Dates =
    [
        "2024-11-28", "2024-02", "2024", "1816-01-01", "0001-01-01", "9999-12-31", "0000-00-00", "2024-13-45", "2024-02-30",
        "-10000", "10000-01-01", "2024-11-28T10:00:00Z", "2024-11-28T25:00", "2024-11-28T10:00:00+14:00", "1970-01-01T00:00:00Z",
        "2024-11-28/2024-12-01", "2024-XX-XX", "2024?", "yesterday", "28/11/2024", "2024-11-28\u0000",
    ];

    private static readonly string[] Ids =
    [
        "ARM", "RUS", "KAZ", "csto", "CSTO", "un", "eu", "Armenia", "Collective Security Treaty Organization", ".", "..", "...",
        "../../etc/passwd", "..%2F..%2Fetc%2Fpasswd", "%2e%2e", "a/b", "a\\b", "' OR 1=1 --", "\"; DROP TABLE claims; --",
        "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "javascript:alert(1)", "\u0000", "a\u0000b", "\r\nX-Injected: 1",
        "%00", "%C3%28", "%FF%FE", "%ED%A0%80", "ÅŽÑ", "🇦🇲", "\u202Eevil", "seed-article", "000-seed", "proposed", "accepted", "all",
        "membership", "attendance", "claim-1", "c_000001",
    ];

    private static readonly string[] FtsSyntax =
    [
        "kremlin", "armenia csto", "\"a\" OR b*", "NEAR(a b)", "a AND", "OR", "^a", "a:b", "-a", "(a", "a)", "*", "\"", "'", "a*b", "col:x",
        "a & b | !c", "a <-> b", "!!", ":*", "websearch \"to tsquery\" -x or y", "\\", "%", "_", "ü", "日本語",
    ];

    private static Gen<string> Text(int min, int max) =>
        Gen.Choose(min, max).SelectMany(n => Gen.Elements("a", "Z", "0", " ", "'", "\"", "<", ">", "&", "\\", "/", "%", "\u0000", "\u0001", "é", "€", "😀", "\n", "\t", "\u2028")
            .ArrayOf(n).Select(cs => string.Concat(cs)));

    /// <summary>A parameter value, and whether it is already URL-encoded (invalid UTF-8, raw escapes).</summary>
    private static Gen<(string Value, bool Raw)> Value() => Gen.Frequency(
        (20, Gen.Elements(Boundaries).Select(v => (v, false))),
        (20, Gen.Elements(Dates).Select(v => (v, false))),
        (25, Gen.Elements(Ids).Select(v => (v, v.StartsWith('%')))),
        (15, Gen.Elements(FtsSyntax).Select(v => (v, false))),
        (15, ArbMap.Default.GeneratorFor<string>().Select(v => (v ?? "", false))),
        (10, Text(0, 64).Select(v => (v, false))),
        (1, Gen.Choose(9_000, 11_000).Select(n => (new string('x', n), false))),
        (5, Gen.Elements("%80", "%C0%AF", "%F4%90%80%80", "%E2%82", "%25%", "%%", "%G1").Select(v => (v, true))),
        (5, ArbMap.Default.GeneratorFor<int>().Select(i => (i.ToString(System.Globalization.CultureInfo.InvariantCulture), false))));

    private static string Encode((string Value, bool Raw) v) => v.Raw ? v.Value : Uri.EscapeDataString(v.Value.Replace("\u0000", "\0", StringComparison.Ordinal));

    private static Gen<string> PathValue() => Gen.Frequency(
        (6, Value().Select(Encode)),
        (1, Gen.Elements("..", ".", "..%2F..", "%2e%2e%2f", "a%00b", "%", "~", "%20")));

    private static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);

    private static (byte[]? Body, string? Type) B(byte[]? body, string? type) => (body, type);

    private static Gen<(byte[]? Body, string? Type)> Body() => Gen.Frequency(
        (600, Value().SelectMany(v1 => Value().SelectMany(v2 => Text(0, 400).Select(text => (Item1: v1, Item2: v2, Item3: text)))).Select(t => B(Utf8(JsonSerializer.Serialize(new { id = t.Item1.Value, text = t.Item3, published = t.Item2.Value, title = t.Item1.Value, note = t.Item2.Value, fact = new { state = t.Item1.Value, org = t.Item2.Value, date = t.Item2.Value } })), "application/json"))),
        (200, Gen.Elements("", "{", "}", "[", "null", "1", "\"text\"", "{\"text\":1}", "{\"text\":null}", "{\"text\":[]}", "{\"text\":\"\"}", "{\"fact\":\"x\"}", "{\"fact\":{\"type\":\"meeting\"}}",
                "{\"fact\":{\"state\":null}}", "{\"text\":\"a\",\"text\":\"b\"}", "{'text':'single quotes'}", "{\"text\":\"a\"} trailing", "{\"text\":\"\\ud800\"}", "{\"text\":\"\\u0000\"}",
                "{\"id\":\"..\",\"text\":\"Armenia left the CSTO.\"}", "{\"id\":\".\",\"text\":\"x\"}", "{\"published\":\"2024-13-45\",\"text\":\"x\"}", "{\"note\":" + new string('[', 5) + "}")
            .Select(s => B(Utf8(s), "application/json"))),
        (30, Gen.Choose(10, 5_000).Select(n => B(Utf8(new string('[', n) + new string(']', n)), "application/json"))),
        (30, Gen.Choose(10, 2_000).Select(n => B(Utf8(string.Concat(Enumerable.Repeat("{\"a\":", n)) + "1" + new string('}', n)), "application/json"))),
        (60, Gen.Elements(new byte[] { 0xFF, 0xFE, 0x00 }, new byte[] { 0x7B, 0x22, 0x74, 0x65, 0x78, 0x74, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0x22, 0x7D }, new byte[] { 0xEF, 0xBB, 0xBF, 0x7B, 0x7D }, new byte[4096])
            .Select(b => B(b, "application/json"))),
        (150, Gen.Elements("text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json; charset=latin1", "application/json; charset=utf-16", "*/*", "garbage")
            .SelectMany(t => Text(0, 200).Select(s => B(Utf8(s), t)))),
        // Rare, as they are costly to read: bodies of 100–300 kB.
        (1, Gen.Choose(100_000, 300_000).Select(n => B(Utf8("{\"text\":\"" + new string('a', n) + "\"}"), "application/json"))),
        (60, Gen.Constant(B(null, null))));

    private static Gen<(string Value, bool Raw)?> OptionalValue() =>
        Gen.Frequency((2, Gen.Constant<(string Value, bool Raw)?>(null)), (3, Value().Select(v => ((string Value, bool Raw)?)v)));

    public static Gen<FuzzRequest> RequestGen(List<Operation> ops) =>
        Gen.Elements(ops.ToArray()).SelectMany(op =>
            Gen.ArrayOf(PathValue(), op.PathParams.Length).SelectMany(path =>
            Gen.ArrayOf(OptionalValue(), op.QueryParams.Length).SelectMany(query =>
            Gen.Frequency((9, Gen.Constant<string?>(null)), (1, Gen.Elements(Ids).Select(v => (string?)v))).SelectMany(extra =>
            Gen.Frequency((1, Gen.Constant("GET")), (1, Gen.Constant("POST")), (12, Gen.Constant(op.Method)), (1, Gen.Elements("PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"))).SelectMany(method =>
            (op.HasBody || method == "POST" ? Body() : Gen.Frequency((12, Gen.Constant(B(null, null))), (1, Body()))).SelectMany(body =>
            Gen.Frequency((3, Gen.Constant(0)), (4, Gen.Constant(1)), (1, Gen.Constant(2)), (1, Gen.Constant(3)), (1, Gen.Constant(4))).Select(auth =>
            {
                var target = op.Template;
                for (int i = 0; i < op.PathParams.Length; i++) target = target.Replace("{" + op.PathParams[i] + "}", path[i], StringComparison.Ordinal);
                var qs = new List<string>();
                for (int i = 0; i < op.QueryParams.Length; i++)
                    if (query[i] is { } q) qs.Add(op.QueryParams[i] + "=" + Encode(q));
                if (extra is not null) qs.Add((op.QueryParams.Length > 0 ? op.QueryParams[0] : "x") + "=" + Uri.EscapeDataString(extra));
                if (qs.Count > 0) target += "?" + string.Join('&', qs);
                return new FuzzRequest(method, target, body.Item1, body.Item2, auth);
            })))))));

    private static async Task<(int Status, TimeSpan Elapsed, string? Problem)> Send(HttpClient client, FuzzRequest r, string[] keys)
    {
        HttpRequestMessage msg;
        try { msg = new HttpRequestMessage(new HttpMethod(r.Method), r.Target); }
        catch (UriFormatException) { msg = new HttpRequestMessage(new HttpMethod(r.Method), Uri.EscapeDataString(r.Target)); }
        using (msg)
        {
            if (r.Body is not null)
            {
                msg.Content = new ByteArrayContent(r.Body);
                if (r.ContentType is not null && MediaTypeHeaderValue.TryParse(r.ContentType, out var type)) msg.Content.Headers.ContentType = type;
                else if (r.ContentType is not null) msg.Content.Headers.TryAddWithoutValidation("Content-Type", r.ContentType);
            }
            var key = keys[r.Auth];
            if (key.Length > 0) msg.Headers.TryAddWithoutValidation("Authorization", key.StartsWith("Basic ", StringComparison.Ordinal) ? key : "Bearer " + key);
            var sw = Stopwatch.StartNew();
            HttpResponseMessage sent;
            try { sent = await client.SendAsync(msg); }
            catch (InvalidOperationException e) when (e.Message.Contains("null characters", StringComparison.Ordinal))
            {
                // The in-process client refuses to send a path with NUL (Kestrel answers such a request line with 400 itself).
                return (400, sw.Elapsed, null);
            }
            using var resp = sent;
            var bytes = await resp.Content.ReadAsByteArrayAsync();
            sw.Stop();
            var status = (int)resp.StatusCode;
            return (status, sw.Elapsed, Check(resp, status, bytes, r));
        }
    }

    /// <summary>Null when the response keeps the contract, else what is wrong with it.</summary>
    private static string? Check(HttpResponseMessage resp, int status, byte[] bytes, FuzzRequest r)
    {
        var text = Encoding.UTF8.GetString(bytes);
        if (status >= 500) return text.Length > 300 ? text[..300] : text;
        if (status < 400 || r.Method == "HEAD") return null;
        var type = resp.Content.Headers.ContentType?.MediaType;
        if (!r.Target.StartsWith("/api/", StringComparison.Ordinal) && !r.Target.StartsWith("/openapi/", StringComparison.Ordinal)) return null;
        if (type != "application/problem+json") return $"content type {type ?? "none"}, not application/problem+json: {(text.Length > 200 ? text[..200] : text)}";
        try
        {
            var problem = JsonDocument.Parse(bytes).RootElement;
            if (!problem.TryGetProperty("title", out _) || !problem.TryGetProperty("status", out var s) || s.GetInt32() != status) return "problem details without title or the response's status: " + text;
        }
        catch (JsonException) { return "problem details that are not JSON: " + text; }
        // The caller's own words may come back (quoted); what must not is the server's insides.
        var own = Uri.UnescapeDataString(r.Target) + (r.Body is null ? "" : Encoding.UTF8.GetString(r.Body));
        var m = Internal.Match(text);
        if (m.Success && !own.Contains(m.Value, StringComparison.Ordinal)) return $"internal detail '{m.Value}': {(text.Length > 300 ? text[..300] : text)}";
        return null;
    }
}

/// <summary>
/// The real application (WebApp.Build, the whole pipeline) over a fixture registry of one engine: on an in-process test
/// server, or with <c>kestrel</c> on a free port of 127.0.0.1 (for tests where other processes share the registry).
/// </summary>
public sealed class InProcessServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    public HttpClient Client { get; }

    /// <summary>The registry's address, for the <c>plenary</c> command's <c>--db</c>.</summary>
    public string Db { get; }

    private InProcessServer(WebApplication app, string db, bool kestrel)
    {
        _app = app;
        Db = db;
        if (kestrel)
        {
            var address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First();
            Client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false, MaxConnectionsPerServer = 256 }) { BaseAddress = new Uri(address) };
        }
        else Client = app.GetTestClient();
        Client.Timeout = TimeSpan.FromMinutes(2);
    }

    /// <param name="makeEngine">The engine on the registry's path, when not the test engine's usual one (e.g. a short busy timeout).</param>
    public static async Task<InProcessServer> StartAsync(string engine, string folder, bool kestrel = false, Func<string, Plenary.Store.StoreEngine>? makeEngine = null)
    {
        var path = Path.Combine(folder, "registry.db");
        var address = TestEngines.Address(engine, path);
        var app = WebApp.Build(new WebSettings(address, _ => RegistryStore.Open(makeEngine?.Invoke(path) ?? TestEngines.Engine(engine, path), seed: s => CuratedSeeding.Seed(s, Plenary.Web.Tests.TestServer.FixtureData)))
        {
            Urls = ["http://127.0.0.1:0"],
            ConfigureHost = kestrel ? null : b => b.WebHost.UseTestServer(),
        });
        await app.StartAsync();
        return new InProcessServer(app, address, kestrel);
    }

    public RegistryService Registry => _app.Services.GetRequiredService<RegistryService>();

    /// <summary>Sends <paramref name="json"/> (if any) to <paramref name="url"/> as the holder of the API key <paramref name="key"/>.</summary>
    public async Task<HttpResponseMessage> Send(HttpMethod method, string url, string key, string? json = null)
    {
        using var req = new HttpRequestMessage(method, url);
        if (json is not null) req.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        req.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        return await Client.SendAsync(req);
    }

    public string Key(AccountRole role) => AddUser(role.ToString().ToLowerInvariant() + Guid.NewGuid().ToString("N")[..6], role, null);

    /// <summary>Creates an account and returns its API key.</summary>
    public string AddUser(string name, AccountRole role, string? password) => _app.Services.GetRequiredService<AccountService>().Add(name, role, password, "test").ApiKey;

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Npgsql.NpgsqlConnection.ClearAllPools();
    }
}
