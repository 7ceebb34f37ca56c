using System.Reflection;
using Microsoft.Data.Sqlite;
using Plenary.Store;

namespace Plenary.Store.Sqlite.Migrations;

/// <summary>
/// Applies the numbered SQL files of this folder (<c>0001_registry.sql</c>, …) in order, each in its own transaction
/// with its entry in the ledger, so a crash leaves the file at the last whole migration.
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
            // Resource names look like Plenary.Store.Sqlite.Migrations.0001_registry.sql
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

    /// <summary>
    /// Applies every migration this program has and the file has not, in version order. Applied versions are recorded
    /// one by one (not only the highest), so a migration merged with a lower number than one already applied still runs.
    /// </summary>
    public static void Migrate(SqliteConnection c) => Migrate(c, All);

    internal static void Migrate(SqliteConnection c, IReadOnlyList<(int Version, string Name, string Sql)> migrations)
    {
        var current = HasMeta(c) ? CurrentVersion(c) : 0;
        var latest = migrations.Count == 0 ? 0 : migrations.Max(m => m.Version);
        if (current > latest)
            throw new StoreException($"the registry file has schema version {current}, newer than this program's {latest}: update Plenary");
        var applied = Applied(c, current, migrations);
        foreach (var (version, name, sql) in migrations.OrderBy(m => m.Version))
        {
            if (applied.Contains(version)) continue;
            using var tx = c.BeginTransaction();
            // Another process creating the same registry at the same moment may have applied it while this one waited
            // for the write lock (taken by BEGIN IMMEDIATE): checked again under the lock, never applied twice.
            if (AppliedMeanwhile(c, tx, version)) { tx.Commit(); current = Math.Max(current, version); continue; }
            using (var cmd = c.CreateCommand())
            {
                cmd.Transaction = tx;
                cmd.CommandText = sql;
                cmd.ExecuteNonQuery();
            }
            using (var cmd = c.CreateCommand())
            {
                cmd.Transaction = tx;
                cmd.CommandText = """
                    CREATE TABLE IF NOT EXISTS plenary_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);
                    INSERT INTO plenary_migrations(version, name, applied_at) VALUES ($v, $name, $at);
                    INSERT INTO plenary_meta(key, value) VALUES ('application', $app), ('schema_version', $max)
                    ON CONFLICT(key) DO UPDATE SET value = excluded.value;
                    """;
                cmd.Parameters.AddWithValue("$v", version);
                cmd.Parameters.AddWithValue("$name", name);
                cmd.Parameters.AddWithValue("$at", Sql.TimeText(StoreEngine.ToMicroseconds(DateTimeOffset.UtcNow)));
                cmd.Parameters.AddWithValue("$app", Application);
                cmd.Parameters.AddWithValue("$max", Math.Max(current, version).ToString(System.Globalization.CultureInfo.InvariantCulture));
                cmd.ExecuteNonQuery();
            }
            tx.Commit();
            current = Math.Max(current, version);
        }
    }

    private static bool AppliedMeanwhile(SqliteConnection c, SqliteTransaction tx, int version)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'plenary_migrations'";
        if ((long)cmd.ExecuteScalar()! == 0) return false;
        cmd.CommandText = "SELECT count(*) FROM plenary_migrations WHERE version = $v";
        cmd.Parameters.AddWithValue("$v", version);
        return (long)cmd.ExecuteScalar()! > 0;
    }

    /// <summary>The versions applied to this file; a file from before the ledger counts every version up to its schema version.</summary>
    private static HashSet<int> Applied(SqliteConnection c, int current, IReadOnlyList<(int Version, string Name, string Sql)> migrations)
    {
        var set = new HashSet<int>();
        using var exists = c.CreateCommand();
        exists.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'plenary_migrations'";
        if ((long)exists.ExecuteScalar()! == 0)
        {
            foreach (var (version, _, _) in migrations) if (version <= current) set.Add(version);
            return set;
        }
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT version FROM plenary_migrations";
        using var r = cmd.ExecuteReader();
        while (r.Read()) set.Add(r.GetInt32(0));
        return set;
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
