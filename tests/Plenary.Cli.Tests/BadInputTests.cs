using System.Security.Cryptography;

namespace Plenary.Cli.Tests;

/// <summary>Bad input gets one clear line on stderr and a non-zero exit code, and nothing is written.</summary>
public class BadInputTests(ShippedRegistry registry) : IClassFixture<ShippedRegistry>
{
    private static void OneLineError(Plenary.Result r, string expected)
    {
        Assert.NotEqual(0, r.ExitCode);
        var lines = r.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, $"expected one line, got: {r.Err}");
        Assert.Contains(expected, lines[0]);
        Assert.DoesNotContain("   at ", r.Err);
    }

    private byte[] DbHash() => SHA256.HashData(File.ReadAllBytes(registry.Db));

    [Fact]
    public void Serve_on_a_port_in_use_is_one_line()
    {
        var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        try
        {
            int port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;
            var r = registry.Run("serve", "--urls", $"http://127.0.0.1:{port}");
            Assert.Equal(2, r.ExitCode);
            OneLineError(r, $"cannot listen on http://127.0.0.1:{port}");
            Assert.DoesNotContain("   at ", r.Out);
        }
        finally { taken.Stop(); }
    }

    [Fact]
    public void Serve_on_https_without_a_certificate_is_one_line()
    {
        var r = registry.Run("serve", "--urls", "https://127.0.0.1:0");
        Assert.Equal(2, r.ExitCode);
        OneLineError(r, "cannot listen on https://127.0.0.1:0");
        Assert.DoesNotContain("   at ", r.Out);
    }

    [Fact]
    public void An_empty_db_is_an_error_not_the_default_registry()
    {
        var home = Directory.CreateTempSubdirectory("plenary-home-").FullName;
        try
        {
            var env = new Dictionary<string, string> { ["HOME"] = home, ["XDG_DATA_HOME"] = Path.Combine(home, "data") };
            OneLineError(Plenary.Run(env, "status", "ARM", "csto", "--db", ""), "--db: empty");
            Assert.False(Directory.Exists(Path.Combine(home, "data", "plenary")), "the default registry was created");
        }
        finally { Directory.Delete(home, true); }
    }

    [Fact]
    public void An_unknown_state_lists_the_closest_names()
    {
        var before = DbHash();
        OneLineError(registry.Run("status", "Armenai", "csto"), "closest: Armenia (ARM)");
        Assert.Equal(before, DbHash());
    }

    [Fact]
    public void An_unknown_organization_lists_the_closest_names()
    {
        OneLineError(registry.Run("members", "CSTOO"), "unknown organization 'CSTOO'; closest:");
    }

    [Theory]
    [InlineData("2024-13-45", "month 13")]
    [InlineData("2023-02-29", "has 28 days")]
    [InlineData("yesterday", "not a date")]
    public void An_impossible_date_is_refused(string date, string why) =>
        OneLineError(registry.Run("status", "ARM", "csto", "--on", date), why);

    [Fact]
    public void A_file_that_is_not_plenarys_is_refused_untouched()
    {
        var path = Path.Combine(registry.Folder, "notes.txt");
        File.WriteAllText(path, "my shopping list");
        var hash = SHA256.HashData(File.ReadAllBytes(path));
        OneLineError(Plenary.Run("status", "ARM", "csto", "--db", path), "is not a Plenary registry");
        Assert.Equal(hash, SHA256.HashData(File.ReadAllBytes(path)));
    }

    [Fact]
    public void A_malformed_data_file_names_file_line_and_field_and_creates_nothing()
    {
        var data = Path.Combine(registry.Folder, "bad-data");
        CopyFolder(Path.Combine(AppContext.BaseDirectory, "data"), data);
        var csto = Path.Combine(data, "organizations", "csto.yaml");
        var lines = File.ReadAllLines(csto);
        int i = Array.FindIndex(lines, l => l.TrimStart().StartsWith("status: participation-frozen", StringComparison.Ordinal));
        Assert.True(i >= 0, "the shipped csto.yaml has Armenia's frozen participation");
        lines[i] = lines[i].Replace("participation-frozen", "froze", StringComparison.Ordinal);
        File.WriteAllLines(csto, lines);
        var db = Path.Combine(registry.Folder, "never.db");
        var r = Plenary.Run(new Dictionary<string, string> { ["PLENARY_DATA"] = data }, "init", "--db", db);
        OneLineError(r, $"organizations/csto.yaml:{i + 1}: field 'status': 'froze' is not one of");
        Assert.False(File.Exists(db));
    }

    [Fact]
    public void A_wrong_format_is_refused() =>
        Assert.NotEqual(0, registry.Run("members", "csto", "--format", "xml").ExitCode);

    private static void CopyFolder(string from, string to)
    {
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories)) Directory.CreateDirectory(dir.Replace(from, to, StringComparison.Ordinal));
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories)) File.Copy(file, file.Replace(from, to, StringComparison.Ordinal), true);
    }
}
