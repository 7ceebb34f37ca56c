using System.Diagnostics;
using System.Text.Json;

namespace Plenary.Feeds.Tests;

/// <summary>Runs the real <c>plenary</c> program (the built plenary.dll beside the tests) as a user or cron would.</summary>
public static class Plenary
{
    public sealed record Result(int ExitCode, string Out, string Err)
    {
        public JsonElement Json => JsonDocument.Parse(Out).RootElement;
    }

    public static Process Start(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "plenary.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment.Remove("PLENARY_DB");
        psi.Environment.Remove("PLENARY_DATA");
        return Process.Start(psi)!;
    }

    public static Result Wait(Process p, string what, int timeoutMs = 300_000)
    {
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeoutMs)) { p.Kill(true); throw new TimeoutException($"plenary {what} did not finish"); }
        return new Result(p.ExitCode, stdout.Result, stderr.Result);
    }

    public static Result Run(params string[] args)
    {
        using var p = Start(args);
        return Wait(p, string.Join(' ', args));
    }
}

/// <summary>A folder of its own for each test (and, on PostgreSQL, a database of its own), removed afterwards.</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("plenary-feeds-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        global::Plenary.Tests.TestEngines.DropUnder(Path);
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}
