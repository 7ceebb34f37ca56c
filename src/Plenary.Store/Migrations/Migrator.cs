using System.Reflection;
using Microsoft.Data.Sqlite;

namespace Plenary.Store.Migrations;

/// <summary>
/// Applies the numbered SQL files of this folder (<c>0001_registry.sql</c>, …) in order, each in its own transaction
/// with the version bump, so a crash leaves the file at the last whole version.
/// </summary>
internal static class Migrator
{
    public const string Application = "plenary";

    public static IReadOnlyList<(int Version, string Name, string Sql)> All { get; } = Load();

    private static List<(int, string, string)> Load()
    {
        var asm = Assembly.GetExecutingAssembly();
        var list = new List<(int, string, string)>();
        foreach (var name in asm.GetManifestResourceNames().Where(n => n.EndsWith(".sql", StringComparison.Ordinal)))
        {
            // Resource names look like Plenary.Store.Migrations.0001_registry.sql
            var file = name[(name.IndexOf(".Migrations.", StringComparison.Ordinal) + ".Migrations.".Length)..];
            if (!int.TryParse(file.AsSpan(0, 4), out var version)) continue;
            using var s = asm.GetManifestResourceStream(name)!;
            using var r = new StreamReader(s);
            list.Add((version, file, r.ReadToEnd()));
        }
        list.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        return list;
    }

    public static int LatestVersion => All.Count == 0 ? 0 : All[^1].Version;

    public static int CurrentVersion(SqliteConnection c)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT value FROM plenary_meta WHERE key = 'schema_version'";
        return cmd.ExecuteScalar() is string s && int.TryParse(s, out var v) ? v : 0;
    }

    public static void Migrate(SqliteConnection c)
    {
        var current = HasMeta(c) ? CurrentVersion(c) : 0;
        if (current > LatestVersion)
            throw new StoreException($"the registry file has schema version {current}, newer than this program's {LatestVersion}: update Plenary");
        foreach (var (version, _, sql) in All)
        {
            if (version <= current) continue;
            using var tx = c.BeginTransaction();
            using (var cmd = c.CreateCommand())
            {
                cmd.Transaction = tx;
                cmd.CommandText = sql;
                cmd.ExecuteNonQuery();
            }
            using (var cmd = c.CreateCommand())
            {
                cmd.Transaction = tx;
                cmd.CommandText = "INSERT INTO plenary_meta(key, value) VALUES ('application', $app), ('schema_version', $v) " +
                                  "ON CONFLICT(key) DO UPDATE SET value = excluded.value";
                cmd.Parameters.AddWithValue("$app", Application);
                cmd.Parameters.AddWithValue("$v", version.ToString(System.Globalization.CultureInfo.InvariantCulture));
                cmd.ExecuteNonQuery();
            }
            tx.Commit();
        }
    }

    public static bool HasMeta(SqliteConnection c)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'plenary_meta'";
        return (long)cmd.ExecuteScalar()! > 0;
    }

    /// <summary>True for a database with no tables at all (a file just created): safe to turn into a registry.</summary>
    public static bool IsBlank(SqliteConnection c)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM sqlite_master";
        return (long)cmd.ExecuteScalar()! == 0;
    }

    public static bool IsPlenary(SqliteConnection c)
    {
        if (!HasMeta(c)) return false;
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT value FROM plenary_meta WHERE key = 'application'";
        return cmd.ExecuteScalar() as string == Application;
    }
}
