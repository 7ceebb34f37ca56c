using System.Collections.Concurrent;
using Npgsql;
using Plenary.Store;
using Plenary.Store.Postgres;
using Plenary.Store.Sqlite;
using Xunit;

namespace Plenary.Tests;

/// <summary>
/// The storage engines a backend-parameterized test runs on: "sqlite" (a real file) and "postgres" (a real server named
/// by $PLENARY_TEST_POSTGRES, an Npgsql connection string; .ci/run starts one). Each registry a test opens on PostgreSQL
/// is a database of its own, created here and dropped when the test's folder is disposed (or at the latest when the
/// test process ends). Without the variable the PostgreSQL cases skip, saying why.
/// </summary>
public static class TestEngines
{
    public const string Variable = "PLENARY_TEST_POSTGRES";

    public static TheoryData<string> Both => new() { "sqlite", "postgres" };

    private static readonly ConcurrentDictionary<string, string> Databases = new(StringComparer.Ordinal);

    static TestEngines() => AppDomain.CurrentDomain.ProcessExit += (_, _) => DropUnder("/");

    public static string? Server => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } s ? s : null;

    /// <summary>The registry address for a test: the file path itself, or a fresh PostgreSQL database tied to that path.</summary>
    public static string Address(string engine, string path)
    {
        if (engine == "sqlite") return path;
        Skip.If(Server is null, $"PostgreSQL case skipped: ${Variable} is not set (.ci/run starts a private PostgreSQL 15 and sets it)");
        var name = Databases.GetOrAdd(Path.GetFullPath(path), _ =>
        {
            var db = "plenary_t_" + Guid.NewGuid().ToString("N")[..16];
            using var c = new NpgsqlConnection(Server);
            c.Open();
            using var cmd = new NpgsqlCommand($"CREATE DATABASE {db}", c);
            cmd.ExecuteNonQuery();
            return db;
        });
        return new NpgsqlConnectionStringBuilder(Server) { Database = name }.ToString();
    }

    public static StoreEngine Engine(string engine, string path) =>
        engine == "sqlite" ? new SqliteEngine(path) : new PostgresEngine(Address(engine, path));

    /// <summary>Drops the databases made for paths under <paramref name="folder"/>.</summary>
    public static void DropUnder(string folder)
    {
        if (Server is null) return;
        var prefix = Path.GetFullPath(folder);
        foreach (var (path, db) in Databases.ToArray())
        {
            if (!path.StartsWith(prefix, StringComparison.Ordinal) || !Databases.TryRemove(path, out _)) continue;
            try
            {
                NpgsqlConnection.ClearAllPools();
                using var c = new NpgsqlConnection(Server);
                c.Open();
                using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {db} WITH (FORCE)", c);
                cmd.ExecuteNonQuery();
            }
            catch (NpgsqlException)
            {
                // The server is going away with the test run: nothing to clean.
            }
        }
    }
}
