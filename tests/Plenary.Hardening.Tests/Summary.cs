using Xunit.Abstractions;

namespace Plenary.Hardening.Tests;

/// <summary>
/// The suites' one-line results (e.g. <c>crash[sqlite]: 100 kills, 0 corrupt, 0 half-recorded, 0 duplicates</c>):
/// written to the test output and to TestResults/hardening-summary.txt at the repository's root, which .ci/run prints.
/// A line replaces an earlier one of the same suite.
/// </summary>
public static class Summary
{
    private static readonly object Gate = new();

    public static string FilePath
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Plenary.sln"))) dir = dir.Parent;
            var root = dir?.FullName ?? AppContext.BaseDirectory;
            return Path.Combine(root, "TestResults", "hardening-summary.txt");
        }
    }

    public static void Write(ITestOutputHelper output, string suite, string figures)
    {
        var line = $"{suite}: {figures}";
        output.WriteLine(line);
        Console.WriteLine(line);
        lock (Gate)
        {
            var file = FilePath;
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            var lines = File.Exists(file) ? File.ReadAllLines(file).Where(l => !l.StartsWith(suite + ":", StringComparison.Ordinal)).ToList() : [];
            lines.Add(line);
            File.WriteAllLines(file, lines);
        }
    }
}
