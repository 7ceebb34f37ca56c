using System.Security.Cryptography;
using Xunit.Abstractions;
using Run = Plenary.Cli.Tests.Plenary;

namespace Plenary.Hardening.Tests;

/// <summary>
/// Bad files given to the real <c>plenary</c> command: each gets one line on stderr naming the file and what was
/// expected, a non-zero exit code, and nothing written (the registry's file is byte for byte the same; no file is made).
/// </summary>
[Collection(HardeningCollection.Name)]
public sealed class BadFileTests(BadFileTests.Registry registry, ITestOutputHelper output) : IClassFixture<BadFileTests.Registry>
{
    /// <summary>One registry made by <c>plenary init</c>, shared by the class's tests (none may change it).</summary>
    public sealed class Registry : IDisposable
    {
        public Registries Registries { get; } = new("sqlite");
        public string Db { get; }

        public Registry()
        {
            Db = Registries.New("registry");
            var init = Run.Run("init", "--db", Db);
            if (init.ExitCode != 0) throw new InvalidOperationException("plenary init failed: " + init.Err);
        }

        public void Dispose() => Registries.Dispose();
    }

    private readonly ITestOutputHelper _output = output;
    private readonly Registries _regs = registry.Registries;
    private readonly string _db = registry.Db;

    private string Write(string name, byte[] content)
    {
        var path = Path.Combine(_regs.Folder, Guid.NewGuid().ToString("N")[..6] + "-" + name);
        File.WriteAllBytes(path, content);
        return path;
    }

    private byte[] Hash(string path) => SHA256.HashData(File.ReadAllBytes(path));

    /// <summary>Runs plenary, expects one line naming <paramref name="file"/> and saying <paramref name="expected"/>, and the registry unchanged.</summary>
    private void Refused(string file, string expected, params string[] args)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var before = Hash(_db);
        var r = Run.Run(args);
        _output.WriteLine($"plenary {string.Join(' ', args.Select(a => a.Length > 80 ? a[..80] + "…" : a))}: exit {r.ExitCode}: {r.Err.Trim()}");
        Assert.NotEqual(0, r.ExitCode);
        var lines = r.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, $"expected one line on stderr, got:\n{r.Err}");
        Assert.Contains(file, lines[0], StringComparison.Ordinal);
        Assert.Contains(expected, lines[0], StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", r.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", r.Err, StringComparison.Ordinal);
        Assert.Equal(before, Hash(_db));
    }

    public static TheoryData<string, string, string> BadArticles => new()
    {
        { "binary.txt", "binary", "expected" },
        { "empty.txt", "empty", "text" },
        { "blank.txt", "blank", "text" },
        { "nul.txt", "nul", "NUL" },
        { "utf16.txt", "utf16", "UTF-8" },
        { "shape.json", "shape", "expected" },
        { "array.json", "array", "expected a JSON object" },
        { "broken.json", "broken", "not valid JSON" },
        { "traversal.json", "traversal", "id" },
        { "script-url.json", "script-url", "field 'url'" },
        { "page.html", "html", "article text" },
        { "huge.txt", "huge", "at most" },
    };

    [Theory]
    [MemberData(nameof(BadArticles))]
    public void A_bad_article_file_is_one_line_and_nothing_is_written(string name, string kind, string expected)
    {
        byte[] content = kind switch
        {
            "binary" => [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 7 % 256))],
            "empty" => [],
            "blank" => "   \n\t\n  "u8.ToArray(),
            "nul" => new byte[10_000],
            "utf16" => System.Text.Encoding.Unicode.GetPreamble().Concat(System.Text.Encoding.Unicode.GetBytes("Armenia left the CSTO.")).ToArray(),
            "shape" => """{"text": 42, "id": ["x"]}"""u8.ToArray(),
            "array" => """[{"text": "Armenia left the CSTO."}]"""u8.ToArray(),
            "broken" => """{"text": "Armenia left the CSTO.", """u8.ToArray(),
            "script-url" => """{"id": "script-url", "url": "javascript:alert(1)", "text": "Armenia left the CSTO in 2026."}"""u8.ToArray(),
            "traversal" => """{"id": "../../etc/passwd", "text": "Armenia left the CSTO in 2026."}"""u8.ToArray(),
            "html" => "<!doctype html><html><head><title>Login</title></head><body><form><input name=q></form></body></html>"u8.ToArray(),
            "huge" => HugeText(),
            _ => throw new ArgumentException(kind),
        };
        var file = Write(name, content);
        Refused(file, expected, "ingest", file, "--db", _db);
    }

    /// <summary>50 MB of text: more than the largest article the registry takes in.</summary>
    private static byte[] HugeText()
    {
        var sentence = "Armenia froze its participation in the Collective Security Treaty Organization in February 2024. "u8.ToArray();
        var bytes = new byte[50 * 1024 * 1024];
        for (int i = 0; i < bytes.Length; i++) bytes[i] = sentence[i % sentence.Length];
        return bytes;
    }

    [Fact]
    public void A_folder_without_articles_and_a_missing_path_are_refused()
    {
        var empty = Directory.CreateDirectory(Path.Combine(_regs.Folder, "no-articles-" + Guid.NewGuid().ToString("N")[..6])).FullName;
        File.WriteAllText(Path.Combine(empty, "notes.md"), "not an article");
        Refused(empty, "no article", "ingest", empty, "--db", _db);
        var missing = Path.Combine(_regs.Folder, "missing.txt");
        Refused(missing, "no such file", "ingest", missing, "--db", _db);
    }

    [Theory]
    [InlineData("notes.txt", "my shopping list")]
    [InlineData("other.db", "SQLite format 3\0 but not really a database")]
    [InlineData("page.html", "<html><body>hello</body></html>")]
    public void A_file_that_is_not_a_registry_given_as_db_is_never_overwritten(string name, string content)
    {
        var path = Write(name, System.Text.Encoding.UTF8.GetBytes(content));
        var before = Hash(path);
        var article = Write("fine.json", System.Text.Encoding.UTF8.GetBytes(Articles.Json("fine", 1, "bad-files")));
        foreach (var args in new[] { new[] { "ingest", article, "--db", path }, ["init", "--db", path], ["status", "ARM", "csto", "--db", path] })
        {
            var r = Run.Run(args);
            _output.WriteLine($"plenary {args[0]} --db {name}: exit {r.ExitCode}: {r.Err.Trim()}");
            Assert.NotEqual(0, r.ExitCode);
            Assert.Single(r.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains(path, r.Err, StringComparison.Ordinal);
            Assert.Equal(before, Hash(path));
        }
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void A_registry_in_a_read_only_folder_says_so_and_writes_nothing()
    {
        // Permissions do not stop root (the CI's user may be root): there, a folder of a read-only file system.
        string folder;
        if (Environment.UserName == "root") folder = "/proc";
        else
        {
            folder = Directory.CreateDirectory(Path.Combine(_regs.Folder, "read-only")).FullName;
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        }
        var db = Path.Combine(folder, "plenary-registry.db");
        try
        {
            var r = Run.Run("init", "--db", db);
            _output.WriteLine($"plenary init --db {db}: exit {r.ExitCode}: {r.Err.Trim()}");
            Assert.NotEqual(0, r.ExitCode);
            Assert.Single(r.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains(folder, r.Err, StringComparison.Ordinal);
            Assert.Contains("expected a folder where a file can be written", r.Err, StringComparison.Ordinal);
            Assert.False(File.Exists(db));
        }
        finally
        {
            if (folder != "/proc") File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}
