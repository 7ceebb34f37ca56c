using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Plenary.Tests;

namespace Plenary.Cli.Tests;

/// <summary>
/// Two real <c>plenary serve</c> processes on one PostgreSQL database, as a newsroom runs them: an ingest and its
/// acceptance on one are answered by the other at its next request, and an account disabled from the command line is
/// refused by both.
/// </summary>
public sealed class TwoServersTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("plenary-two-servers-").FullName;
    private readonly List<Process> _servers = [];

    [SkippableFact]
    public async Task A_write_on_one_serve_process_is_seen_by_the_other_postgres()
    {
        var db = TestEngines.Address("postgres", Path.Combine(_folder, "shared"));
        Assert.Equal(0, Plenary.Run("init", "--db", db).ExitCode);
        var key = AddEditor(db, "ada");

        var one = await Serve(db);
        var two = await Serve(db);
        const string status = "/api/v1/status?state=ARM&org=csto&on=2024-11-28";
        var before = await two.GetStringAsync(status); // now in the second server's cache
        Assert.DoesNotContain("two-servers-1", before);

        // Ingest and accept on the first server.
        one.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        var text = "Two servers test.\n\n" + JsonDocument.Parse(File.ReadAllText(SeedArticle())).RootElement.GetProperty("text").GetString();
        var ingest = await one.PostAsJsonAsync("/api/v1/articles", new { id = "two-servers-1", text, published = "2024-11-27", title = "Doors open" });
        Assert.Equal(HttpStatusCode.Created, ingest.StatusCode);
        var claims = JsonDocument.Parse(await ingest.Content.ReadAsStringAsync()).RootElement.GetProperty("claims");
        Assert.True(claims.GetArrayLength() > 0, "the reader proposed claims");
        foreach (var c in claims.EnumerateArray())
        {
            var accepted = await one.PostAsync($"/api/v1/claims/{c.GetProperty("id").GetString()}/accept", null);
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }

        // The second server answers with the change at its next request (NOTIFY empties its cache; allow it a moment).
        string after = before;
        for (var deadline = DateTime.UtcNow.AddSeconds(10); !after.Contains("two-servers-1") && DateTime.UtcNow < deadline; await Task.Delay(50))
            after = await two.GetStringAsync(status);
        Assert.Contains("two-servers-1", after);
        Assert.Equal(HttpStatusCode.OK, (await two.GetAsync("/api/v1/articles/two-servers-1")).StatusCode);

        // The key works on the second server too, until the account is disabled from the command line.
        two.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        Assert.Contains("\"ada\"", await two.GetStringAsync("/api/v1/me"));
        Assert.Equal(0, Plenary.Run("user", "disable", "ada", "--db", db).ExitCode);
        var again = await two.PostAsJsonAsync("/api/v1/articles", new { id = "two-servers-2", text = "Ruritania joined the Union." });
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await one.PostAsJsonAsync("/api/v1/articles", new { id = "two-servers-3", text = "Ruritania left the Union." })).StatusCode);
    }

    private static string AddEditor(string db, string name)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "plenary.dll"), "user", "add", name, "--role", "editor", "--password-stdin", "--db", db }) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        p.StandardInput.WriteLine("a long enough passphrase");
        p.StandardInput.Close();
        var key = p.StandardOutput.ReadToEnd().Trim();
        var err = p.StandardError.ReadToEnd();
        Assert.True(p.WaitForExit(120_000), "user add finished");
        Assert.True(p.ExitCode == 0, err);
        return key.Split('\n')[0].Trim();
    }

    private async Task<HttpClient> Serve(string db)
    {
        int port;
        using (var l = new TcpListener(IPAddress.Loopback, 0)) { l.Start(); port = ((IPEndPoint)l.LocalEndpoint).Port; l.Stop(); }
        var p = Plenary.Start(null, "serve", "--db", db, "--urls", $"http://127.0.0.1:{port}");
        p.OutputDataReceived += (_, _) => { };
        p.ErrorDataReceived += (_, _) => { };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        _servers.Add(p);
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(60) };
        for (var deadline = DateTime.UtcNow.AddSeconds(90); DateTime.UtcNow < deadline; await Task.Delay(200))
        {
            Assert.False(p.HasExited, $"serve exited with {(p.HasExited ? p.ExitCode : 0)}");
            try { if ((await client.GetAsync("/api/v1/ping")).IsSuccessStatusCode) return client; }
            catch (HttpRequestException) { }
        }
        throw new TimeoutException($"serve on port {port} did not answer within 90 s");
    }

    private static string SeedArticle()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Plenary.sln"))) dir = dir.Parent;
        return Path.Combine(dir!.FullName, "data", "articles", "seed-article.json");
    }

    public void Dispose()
    {
        foreach (var p in _servers)
        {
            try { if (!p.HasExited) p.Kill(true); p.WaitForExit(10_000); } catch (InvalidOperationException) { }
            p.Dispose();
        }
        TestEngines.DropUnder(_folder);
        try { Directory.Delete(_folder, true); } catch (IOException) { }
    }
}
