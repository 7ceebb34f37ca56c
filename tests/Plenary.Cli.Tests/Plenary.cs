using System.Diagnostics;
using System.Text.Json;

namespace Plenary.Cli.Tests;

/// <summary>Runs the real <c>plenary</c> program (the built plenary.dll beside the tests) as a user would.</summary>
public static class Plenary
{
    public sealed record Result(int ExitCode, string Out, string Err)
    {
        public JsonElement Json => JsonDocument.Parse(Out).RootElement;
    }

    public static Result Run(IReadOnlyDictionary<string, string>? env, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "plenary.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment.Remove("PLENARY_DB");
        psi.Environment.Remove("PLENARY_DATA");
        if (env is not null) foreach (var (k, v) in env) psi.Environment[k] = v;
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(120_000)) { p.Kill(true); throw new TimeoutException($"plenary {string.Join(' ', args)} did not finish"); }
        return new Result(p.ExitCode, stdout.Result, stderr.Result);
    }

    public static Result Run(params string[] args) => Run(null, args);
}

/// <summary>One registry made from the shipped data, shared by the read-only tests of a class.</summary>
public sealed class ShippedRegistry : IDisposable
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("plenary-cli-").FullName;
    public string Db => Path.Combine(Folder, "registry.db");

    public ShippedRegistry()
    {
        var init = Plenary.Run("init", "--db", Db);
        if (init.ExitCode != 0) throw new InvalidOperationException($"plenary init failed: {init.Err}");
    }

    public Plenary.Result Run(params string[] args) => Plenary.Run([.. args, "--db", Db]);

    public void Dispose()
    {
        try { Directory.Delete(Folder, true); } catch (IOException) { }
    }
}
