using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Plenary.Tests;

namespace Plenary.Hardening.Tests;

/// <summary>
/// Registries of one engine for the hardening suites: new, cloned (a file copy on SQLite, a template database on
/// PostgreSQL) and dropped, with direct connections for the checks (no pooling: a killed writer's file is reopened fresh).
/// </summary>
public sealed class Registries : IDisposable
{
    private readonly List<string> _databases = [];

    public Registries(string engine)
    {
        Engine = engine;
        Folder = Directory.CreateTempSubdirectory("plenary-hard-").FullName;
        if (engine == "postgres") Skip.If(TestEngines.Server is null, $"PostgreSQL case skipped: ${TestEngines.Variable} is not set (.ci/run starts a private PostgreSQL 15 and sets it)");
    }

    public string Engine { get; }
    public string Folder { get; }

    /// <summary>The address of a registry that does not exist yet (SQLite: a file path; PostgreSQL: an empty database).</summary>
    public string New(string label)
    {
        if (Engine == "sqlite") return Path.Combine(Folder, label + ".db");
        var name = "plenary_h_" + Guid.NewGuid().ToString("N")[..16];
        Admin($"CREATE DATABASE {name}");
        _databases.Add(name);
        return new NpgsqlConnectionStringBuilder(TestEngines.Server) { Database = name, Pooling = false }.ToString();
    }

    /// <summary>A copy of the registry at <paramref name="address"/> (no process may have it open).</summary>
    public string Clone(string address, string label)
    {
        if (Engine == "sqlite")
        {
            var to = Path.Combine(Folder, label + ".db");
            Drop(to);
            foreach (var suffix in new[] { "", "-wal" })
                if (File.Exists(address + suffix)) File.Copy(address + suffix, to + suffix, overwrite: true);
            return to;
        }
        var name = "plenary_h_" + Guid.NewGuid().ToString("N")[..16];
        Admin($"CREATE DATABASE {name} TEMPLATE {new NpgsqlConnectionStringBuilder(address).Database}");
        _databases.Add(name);
        return new NpgsqlConnectionStringBuilder(TestEngines.Server) { Database = name, Pooling = false }.ToString();
    }

    public void Drop(string address)
    {
        if (Engine == "sqlite")
        {
            foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
                if (File.Exists(address + suffix)) File.Delete(address + suffix);
            return;
        }
        var name = new NpgsqlConnectionStringBuilder(address).Database!;
        Admin($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        _databases.Remove(name);
    }

    /// <summary>True when the registry holds anything at all (SQLite: the file exists and has tables; PostgreSQL: a table).</summary>
    /// <summary>
    /// Waits (up to a minute) until no server session but this one is connected to the PostgreSQL database of
    /// <paramref name="address"/>, then ends any that remain: what the server does for a client that has died.
    /// </summary>
    public void WaitForSessionsToEnd(string address)
    {
        var db = new Npgsql.NpgsqlConnectionStringBuilder(address).Database;
        using var c = Connect(address);
        for (var deadline = DateTime.UtcNow.AddSeconds(60); DateTime.UtcNow < deadline; Thread.Sleep(100))
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = "SELECT count(*) FROM pg_stat_activity WHERE datname = @db AND pid <> pg_backend_pid() AND backend_type = 'client backend'";
            var p = cmd.CreateParameter(); p.ParameterName = "db"; p.Value = db!; cmd.Parameters.Add(p);
            if (Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0) return;
        }
        using var end = c.CreateCommand();
        end.CommandText = "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = @db AND pid <> pg_backend_pid() AND backend_type = 'client backend'";
        var q = end.CreateParameter(); q.ParameterName = "db"; q.Value = db!; end.Parameters.Add(q);
        end.ExecuteNonQuery();
    }

    public bool Exists(string address)
    {
        if (Engine == "sqlite" && !File.Exists(address)) return false;
        using var c = Connect(address);
        return Scalar(c, Engine == "sqlite"
            ? "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
            : "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'") > 0;
    }

    public DbConnection Connect(string address)
    {
        DbConnection c = Engine == "sqlite"
            ? new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = address, Pooling = false, Mode = SqliteOpenMode.ReadWrite }.ToString())
            : new NpgsqlConnection(address);
        c.Open();
        return c;
    }

    public static long Scalar(DbConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static List<string[]> Rows(DbConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        using var r = cmd.ExecuteReader();
        var rows = new List<string[]>();
        while (r.Read())
        {
            var row = new string[r.FieldCount];
            for (int i = 0; i < r.FieldCount; i++) row[i] = r.IsDBNull(i) ? "" : Convert.ToString(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!;
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>
    /// The engine's own check of the stored structures: SQLite's integrity_check and foreign_key_check; on PostgreSQL
    /// amcheck's B-tree check of every index of the registry's tables (heap included) when the extension is available.
    /// Null when sound, else what is wrong.
    /// </summary>
    public string? IntegrityProblem(string address)
    {
        using var c = Connect(address);
        if (Engine == "sqlite")
        {
            var integrity = string.Join("; ", Rows(c, "PRAGMA integrity_check").Select(r => r[0]));
            if (integrity != "ok") return "integrity_check: " + integrity;
            var fk = Rows(c, "PRAGMA foreign_key_check");
            return fk.Count == 0 ? null : $"foreign_key_check: {fk.Count} rows, first in {fk[0][0]}";
        }
        if (!AmcheckAvailable) return null;
        Execute(c, "CREATE EXTENSION IF NOT EXISTS amcheck");
        var failures = new List<string>();
        foreach (var index in Rows(c, """
            SELECT c.oid, c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam
            WHERE a.amname = 'btree' AND c.relnamespace = 'public'::regnamespace AND c.relpersistence = 'p'
            """))
        {
            try { Execute(c, $"SELECT bt_index_check({long.Parse(index[0], System.Globalization.CultureInfo.InvariantCulture)}, true)"); }
            catch (PostgresException e) { failures.Add($"{index[1]} ({e.MessageText})"); }
        }
        return failures.Count == 0 ? null : "amcheck: " + string.Join(", ", failures);
    }

    private static bool? _amcheck;

    public static bool AmcheckAvailable
    {
        get
        {
            if (_amcheck is { } known) return known;
            using var c = new NpgsqlConnection(TestEngines.Server);
            c.Open();
            return (_amcheck = Scalar(c, "SELECT count(*) FROM pg_available_extensions WHERE name = 'amcheck'") > 0).Value;
        }
    }

    public static void Execute(DbConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private static void Admin(string sql)
    {
        using var c = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(TestEngines.Server) { Pooling = false }.ToString());
        c.Open();
        Execute(c, sql);
    }

    public void Dispose()
    {
        if (Engine == "postgres")
            foreach (var db in _databases.ToArray())
                try { Admin($"DROP DATABASE IF EXISTS {db} WITH (FORCE)"); } catch (NpgsqlException) { }
        TestEngines.DropUnder(Folder);
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(Folder, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
