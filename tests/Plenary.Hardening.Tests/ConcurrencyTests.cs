using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using Plenary.Store.Accounts;
using Xunit.Abstractions;
using Run = Plenary.Cli.Tests.Plenary;

namespace Plenary.Hardening.Tests;

/// <summary>
/// One registry, many writers: the server (the real application on Kestrel) takes 200 parallel HTTP writes — ingests of
/// new articles and accepts of proposed claims — while 4 <c>plenary ingest</c> processes write to the same registry.
/// Nobody sees "database is locked" or a 5xx; on SQLite a writer waits (busy timeout) or gets a 503 with Retry-After
/// (then retried after it); afterwards every write is there exactly once, and sending them all again changes nothing.
/// </summary>
[Collection(HardeningCollection.Name)]
public sealed class ConcurrencyTests(ITestOutputHelper output)
{
    private const int CliWriters = 4, ArticlesPerWriter = 10, HttpIngests = 100, HttpAccepts = 100;

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Serve_four_cli_writers_and_200_http_writes_lose_and_duplicate_nothing(string engine)
    {
        using var regs = new Registries(engine);
        await using var server = await InProcessServer.StartAsync(engine, regs.Folder, kestrel: true);
        var key = server.Key(AccountRole.Editor);
        server.Client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);

        // Claims to accept during the storm: proposed by articles ingested beforehand.
        var toAccept = new List<string>();
        for (int i = 0; toAccept.Count < HttpAccepts; i++)
        {
            var r = await Post($"/api/v1/articles", Articles.Json($"pre-{i:D3}", i, "pre"));
            Assert.Equal(HttpStatusCode.Created, r.Status);
            toAccept.AddRange(JsonDocument.Parse(r.Body).RootElement.GetProperty("claims").EnumerateArray().Select(c => c.GetProperty("id").GetString()!));
        }
        toAccept = toAccept.Take(HttpAccepts).ToList();
        var folders = Enumerable.Range(0, CliWriters).Select(w => Articles.Folder(Path.Combine(regs.Folder, $"cli{w}"), $"cli{w}", ArticlesPerWriter)).ToList();

        var statuses = new ConcurrentDictionary<int, int>();
        int locked = 0, retried = 0;
        var problems = new ConcurrentQueue<string>();
        async Task<(HttpStatusCode Status, string Body, TimeSpan? RetryAfter)> Write(string path, string? json)
        {
            for (int attempt = 0; ; attempt++)
            {
                var r = await Post(path, json);
                statuses.AddOrUpdate((int)r.Status, 1, (_, v) => v + 1);
                if (r.Body.Contains("locked", StringComparison.OrdinalIgnoreCase)) { Interlocked.Increment(ref locked); problems.Enqueue($"{path}: {r.Body}"); }
                if (r.Status != HttpStatusCode.ServiceUnavailable || attempt >= 10) return r;
                if (r.RetryAfter is null) problems.Enqueue($"{path}: 503 without Retry-After");
                Interlocked.Increment(ref retried);
                await Task.Delay(r.RetryAfter ?? TimeSpan.FromSeconds(1));
            }
        }

        var cli = folders.Select(f => Task.Run(() => Run.Run("ingest", f, "--db", server.Db, "--format", "json"))).ToList();
        var http = Enumerable.Range(0, HttpIngests).Select(i => Write("/api/v1/articles", Articles.Json($"http-{i:D3}", i, "http")))
            .Concat(toAccept.Select(id => Write($"/api/v1/claims/{id}/accept", null))).ToList();
        var results = await Task.WhenAll(http);
        var runs = await Task.WhenAll(cli);

        var fives = results.Count(r => (int)r.Status >= 500);
        var ingestOk = results.Take(HttpIngests).Count(r => r.Status == HttpStatusCode.Created);
        var acceptOk = results.Skip(HttpIngests).Count(r => r.Status == HttpStatusCode.OK);
        foreach (var (r, i) in results.Select((r, i) => (r, i)).Where(x => x.r.Status is not (HttpStatusCode.Created or HttpStatusCode.OK)))
            problems.Enqueue($"request {i}: {(int)r.Status} {r.Body}");
        foreach (var (run, w) in runs.Select((r, w) => (r, w)))
        {
            if (run.ExitCode != 0) problems.Enqueue($"plenary ingest (writer {w}): exit {run.ExitCode}: {run.Err.Trim()}");
            if (run.Err.Contains("locked", StringComparison.OrdinalIgnoreCase)) { locked++; problems.Enqueue($"writer {w}: {run.Err.Trim()}"); }
        }

        // Everything once: each article with its claims, each accepted claim decided once.
        var expectedArticles = new[] { "pre", "http" }.Concat(folders.Select((_, w) => $"cli{w}")).ToList();
        int lost = 0, duplicated = 0;
        using (var c = regs.Connect(server.Db))
        {
            var perArticle = Registries.Rows(c, "SELECT a.id, (SELECT count(*) FROM claims WHERE source_id = a.id) FROM articles a")
                .ToDictionary(r => r[0], r => int.Parse(r[1], System.Globalization.CultureInfo.InvariantCulture));
            var expectedIds = Enumerable.Range(0, HttpIngests).Select(i => $"http-{i:D3}")
                .Concat(folders.SelectMany((_, w) => Enumerable.Range(0, ArticlesPerWriter).Select(i => $"cli{w}-{i:D3}"))).ToList();
            lost += expectedIds.Count(id => !perArticle.ContainsKey(id));
            lost += expectedIds.Count(id => perArticle.TryGetValue(id, out var n) && n == 0);
            var decided = Registries.Rows(c, "SELECT claim_id, count(*) FROM claim_reviews WHERE decision = 'accepted' GROUP BY claim_id")
                .ToDictionary(r => r[0], r => int.Parse(r[1], System.Globalization.CultureInfo.InvariantCulture));
            lost += toAccept.Count(id => !decided.ContainsKey(id));
            duplicated += decided.Values.Count(n => n > 1);
            duplicated += (int)Registries.Scalar(c, "SELECT count(*) FROM (SELECT source_id, fact, evidence FROM claims GROUP BY source_id, fact, evidence HAVING count(*) > 1) d");
        }

        // The same writes again change nothing: 200 "already read", 409 "already accepted".
        var again = await Task.WhenAll(Enumerable.Range(0, HttpIngests).Select(i => Write("/api/v1/articles", Articles.Json($"http-{i:D3}", i, "http"))));
        var againAccept = await Task.WhenAll(toAccept.Select(id => Write($"/api/v1/claims/{id}/accept", null)));
        duplicated += again.Count(r => r.Status != HttpStatusCode.OK) + againAccept.Count(r => r.Status != HttpStatusCode.Conflict);

        foreach (var p in problems.Take(30)) output.WriteLine(p);
        output.WriteLine("statuses: " + string.Join(", ", statuses.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key}: {kv.Value}")));
        Summary.Write(output, $"concurrency[{engine}]", $"{CliWriters} CLI writers + {HttpIngests + HttpAccepts} HTTP writes: {ingestOk} ingested, {acceptOk} accepted, " +
            $"{runs.Count(r => r.ExitCode == 0)} CLI runs ok, {locked} locked, {fives} 5xx, {lost} lost, {duplicated} duplicated, {retried} 503s retried");
        Assert.True(locked == 0 && fives == 0 && lost == 0 && duplicated == 0 && ingestOk == HttpIngests && acceptOk == HttpAccepts && runs.All(r => r.ExitCode == 0),
            string.Join("\n", problems.Take(30)));

        async Task<(HttpStatusCode Status, string Body, TimeSpan? RetryAfter)> Post(string path, string? json)
        {
            using var content = new StringContent(json ?? "{}", Encoding.UTF8, "application/json");
            using var resp = await server.Client.PostAsync(path, content);
            return (resp.StatusCode, await resp.Content.ReadAsStringAsync(), resp.Headers.RetryAfter?.Delta);
        }
    }
}
