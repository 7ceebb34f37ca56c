using Microsoft.Data.Sqlite;

namespace Plenary.Store.Tests;

public class MigrationTests
{
    private static List<long> Versions(string path)
    {
        using var c = new SqliteConnection($"Data Source={path};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT version FROM plenary_migrations ORDER BY version";
        using var r = cmd.ExecuteReader();
        var list = new List<long>();
        while (r.Read()) list.Add(r.GetInt64(0));
        return list;
    }

    [Fact]
    public void Every_migration_is_applied_once_and_recorded()
    {
        using var t = new TempFolder();
        var path = t.File("m.db");
        using (RegistryStore.Open(new Plenary.Store.Sqlite.SqliteEngine(path), empty: true)) { }
        var first = Versions(path);
        Assert.Equal(first.Distinct().Count(), first.Count);
        Assert.Contains(1L, first);
        using (var again = RegistryStore.Open(new Plenary.Store.Sqlite.SqliteEngine(path), empty: true)) Assert.Equal(first.Max(), again.SchemaVersion);
        Assert.Equal(first, Versions(path));
    }

    [Fact]
    public void A_migration_numbered_below_the_files_version_still_runs()
    {
        // Two branches each add a migration: the file got 1 and 3 first; the program that also has 2 must still apply it.
        using var t = new TempFolder();
        using var c = new SqliteConnection($"Data Source={t.File("m.db")};Pooling=False");
        c.Open();
        (int, string, string) M(int v, string table) => (v, $"{v:D4}_{table}.sql", $"CREATE TABLE {table}(id INTEGER);");
        var first = (1, "0001_a.sql", "CREATE TABLE plenary_meta(key TEXT PRIMARY KEY, value TEXT NOT NULL); CREATE TABLE a(id INTEGER);");
        Plenary.Store.Sqlite.Migrations.Migrator.Migrate(c, [first, M(3, "c")]);
        Plenary.Store.Sqlite.Migrations.Migrator.Migrate(c, [first, M(2, "b"), M(3, "c")]);
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('a','b','c') ORDER BY name)";
        Assert.Equal("a,b,c", cmd.ExecuteScalar());
        cmd.CommandText = "SELECT group_concat(version, ',') FROM (SELECT version FROM plenary_migrations ORDER BY version)";
        Assert.Equal("1,2,3", cmd.ExecuteScalar());
    }

    [Fact]
    public void A_file_newer_than_the_program_is_refused()
    {
        using var t = new TempFolder();
        var path = t.File("m.db");
        using (var s = RegistryStore.Open(new Plenary.Store.Sqlite.SqliteEngine(path), empty: true)) s.SetMeta("schema_version", "9999");
        Assert.Contains("newer than this program", Assert.Throws<StoreException>(() => RegistryStore.Open(new Plenary.Store.Sqlite.SqliteEngine(path))).Message);
    }
}
