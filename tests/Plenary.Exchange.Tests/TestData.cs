namespace Plenary.Exchange.Tests;

/// <summary>Where the shared reference data is: <c>../shared/data/cow</c> next to the repository root (the folder holding Plenary.sln).</summary>
public static class TestData
{
    public static string RepoRoot { get; } = FindRoot();

    public static string CowDir => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "data", "cow"));
    public static string IgoYear => Path.Combine(CowDir, "igo_year_format3.csv");
    public static string StateYear => Path.Combine(CowDir, "state_year_format3.csv.gz");
    public static string States => Path.Combine(CowDir, "states2016.csv");

    public static void SkipWithoutCow() =>
        Skip.IfNot(File.Exists(IgoYear) && File.Exists(StateYear), $"the COW reference data is not at {CowDir}");

    public static string TempDir()
    {
        var dir = Path.Combine(Path.GetTempPath(), "plenary-exchange-tests", Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dir);
        return dir;
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Plenary.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Plenary.sln not found above " + AppContext.BaseDirectory);
    }
}
