namespace Plenary.Store.Tests;

/// <summary>A folder of its own for each test, removed afterwards.</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("plenary-test-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string Write(string relative, string content)
    {
        var full = File(relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        System.IO.File.WriteAllText(full, content);
        return full;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Plenary.Tests.TestEngines.DropUnder(Path);
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}
