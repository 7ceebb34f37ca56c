using System.Diagnostics;
using System.Text.Json;

namespace Plenary.Cli.Tests;

/// <summary>
/// Runs the real <c>plenary</c> program (the built plenary.dll beside the tests) as a user would. Shared by the
/// command-line tests and the hardening suite (which also starts it without waiting, to kill it).
/// </summary>
public static class Plenary
{
    public sealed record Result(int ExitCode, string Out, string Err)
    {
        public JsonElement Json => JsonDocument.Parse(Out).RootElement;
    }

    /// <summary>Starts <c>plenary ARGS</c> with its output redirected; the caller reads, waits for or kills it.</summary>
    public static Process Start(IReadOnlyDictionary<string, string>? env, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "plenary.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment.Remove("PLENARY_DB");
        psi.Environment.Remove("PLENARY_DATA");
        if (env is not null) foreach (var (k, v) in env) psi.Environment[k] = v;
        return Process.Start(psi)!;
    }

    public static Result Run(IReadOnlyDictionary<string, string>? env, params string[] args)
    {
        using var p = Start(env, args);
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(120_000)) { p.Kill(true); throw new TimeoutException($"plenary {string.Join(' ', args)} did not finish"); }
        return new Result(p.ExitCode, stdout.Result, stderr.Result);
    }

    public static Result Run(params string[] args) => Run(null, args);
}
