using System.Diagnostics;
using PlenaryCli = global::Plenary.Cli.Tests.Plenary;

namespace Plenary.Feeds.Tests;

/// <summary>
/// The real <c>plenary</c> program started in the background (for two workers at once, or one to kill); a run to its end
/// goes through Plenary.Cli.Tests' runner (<see cref="PlenaryCli.Run(string[])"/>, linked into this project).
/// </summary>
public static class PlenaryProcess
{
    public static Process Start(params string[] args) => PlenaryCli.Start(null, args);

    public static PlenaryCli.Result Wait(Process p, string what, int timeoutMs = 300_000)
    {
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeoutMs)) { p.Kill(true); throw new TimeoutException($"plenary {what} did not finish"); }
        return new PlenaryCli.Result(p.ExitCode, stdout.Result, stderr.Result);
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
