using Plenary.Store;
using Plenary.Store.Postgres;
using Plenary.Store.Sqlite;

namespace Plenary.Cli;

/// <summary>
/// The composition root's one decision about storage: a PostgreSQL address (<c>postgresql://user@host:5432/db</c> or an
/// Npgsql connection string <c>Host=…;Database=…</c>) opens the shared-server engine; anything else is an SQLite file.
/// </summary>
public static class StoreEngines
{
    public static StoreEngine For(string address) => IsServer(address) ? new PostgresEngine(address) : new SqliteEngine(address);

    public static bool IsServer(string address) => PostgresEngine.Names(address);

    /// <summary>An engine's own refusal, in one line for the user; null for anything else.</summary>
    public static string? Failure(Exception e) => SqliteEngine.Failure(e) ?? PostgresEngine.Failure(e);
}
