using System.Text.Json;
using Plenary.Store;
using Plenary.Store.Sqlite;
using Plenary.Tests;

namespace Plenary.Cli.Tests;

/// <summary><c>plenary db copy</c>: a registry moves between engines whole, never over another one, and all or nothing.</summary>
public sealed class DbCopyTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("plenary-cli-copy-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        TestEngines.DropUnder(_folder);
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    private string File(string name) => Path.Combine(_folder, name);

    /// <summary>A registry from the shipped data and an account with an API key, so accounts are copied too.</summary>
    private string ShippedWithAccounts()
    {
        var db = File("source.db");
        var init = Plenary.Run("init", "--db", db);
        Assert.True(init.ExitCode == 0, init.Err);
        var user = Plenary.Run("user", "add", "ada", "--role", "editor", "--db", db);
        Assert.True(user.ExitCode == 0, user.Err);
        return db;
    }

    private static Dictionary<string, (long Rows, string Hash)> Copy(string from, string to)
    {
        var r = Plenary.Run("db", "copy", "--from", from, "--to", to, "--format", "json");
        Assert.True(r.ExitCode == 0, r.Err);
        var tables = r.Json.GetProperty("tables").EnumerateArray().ToArray();
        foreach (var t in tables)
        {
            Assert.True(t.GetProperty("same").GetBoolean(), t.ToString());
            Assert.Equal(t.GetProperty("source_rows").GetInt64(), t.GetProperty("target_rows").GetInt64());
            Assert.Equal(t.GetProperty("source_hash").GetString(), t.GetProperty("target_hash").GetString());
        }
        return tables.ToDictionary(t => t.GetProperty("table").GetString()!,
            t => (t.GetProperty("target_rows").GetInt64(), t.GetProperty("target_hash").GetString()!));
    }

    [SkippableFact]
    public void Sqlite_to_postgres_to_sqlite_gives_identical_per_table_hashes()
    {
        var server = TestEngines.Address("postgres", File("pg"));
        var source = ShippedWithAccounts();
        var b = new Npgsql.NpgsqlConnectionStringBuilder(server);
        var url = $"postgresql://{b.Username}@{b.Host}:{b.Port}/{b.Database}";

        var there = Copy(source, url);
        var back = Copy(url, File("back.db"));

        Assert.Equal(there.Keys, back.Keys);
        foreach (var (table, (rows, hash)) in there)
            Assert.True(back[table] == (rows, hash), $"{table}: {rows} rows {hash} on PostgreSQL, {back[table]} back on SQLite");
        Assert.True(there["claims"].Rows > 30_000, "the shipped registry's claims were copied");
        Assert.Equal(1, there["users"].Rows);
        Assert.Equal(1, there["api_keys"].Rows);
        Assert.Equal(there["claims"].Rows, there["claim_reviews"].Rows);

        // The copies answer as the original does, and go on handing out new ids after the copied ones.
        var status = Plenary.Run("status", "ARM", "csto", "--on", "2024-11-28", "--format", "json", "--db", source);
        foreach (var db in new[] { url, File("back.db") })
        {
            var copy = Plenary.Run("status", "ARM", "csto", "--on", "2024-11-28", "--format", "json", "--db", db);
            Assert.True(copy.ExitCode == 0, copy.Err);
            Assert.Equal(status.Out, copy.Out);
            var user = Plenary.Run("user", "add", "grace", "--role", "reader", "--db", db);
            Assert.True(user.ExitCode == 0, user.Err);
        }
    }

    [SkippableTheory]
    [MemberData(nameof(TestEngines.Both), MemberType = typeof(TestEngines))]
    public void A_target_holding_a_registry_is_refused_untouched(string engine)
    {
        var source = ShippedWithAccounts();
        var target = TestEngines.Address(engine, File("target.db"));
        var init = Plenary.Run("init", "--db", target);
        Assert.True(init.ExitCode == 0, init.Err);
        using (var e = TestEngines.Engine(engine, File("target.db")))
        {
            var before = RegistryCopy.Hashes(e);

            var r = Plenary.Run("db", "copy", "--from", source, "--to", target);

            Assert.Equal(2, r.ExitCode);
            Assert.Equal("", r.Out);
            var line = Assert.Single(r.Err.Trim().Split('\n'));
            Assert.Contains("already holds a registry", line);
            Assert.Contains("never overwrites", line);
            Assert.Equal(before, RegistryCopy.Hashes(e));
        }
    }

    [SkippableTheory]
    [MemberData(nameof(TestEngines.Both), MemberType = typeof(TestEngines))]
    public void A_copy_interrupted_midway_leaves_the_target_empty(string engine)
    {
        var source = ShippedWithAccounts();
        using var from = new SqliteEngine(source);
        using var to = TestEngines.Engine(engine, File("target.db"));

        var e = Assert.Throws<InvalidOperationException>(() => RegistryCopy.Copy(from, to, (table, rows) =>
        {
            if (table == "claims") throw new InvalidOperationException($"interrupted after {rows} claims");
        }));
        Assert.StartsWith("interrupted after", e.Message);

        var left = RegistryCopy.Hashes(to);
        Assert.All(left, t => Assert.True(t.Rows == 0, $"{t.Table} holds {t.Rows} rows after an interrupted copy"));

        // And the empty target takes the whole copy afterwards.
        var copied = RegistryCopy.Copy(from, to);
        Assert.All(copied, t => Assert.True(t.Same, t.ToString()));
        Assert.Contains(copied, t => t.Table == "claims" && t.TargetRows > 30_000);
    }
}
