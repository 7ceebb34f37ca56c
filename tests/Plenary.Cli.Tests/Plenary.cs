namespace Plenary.Cli.Tests;

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
