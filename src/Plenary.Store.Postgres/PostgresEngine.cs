using System.Data.Common;
using System.Globalization;
using System.Reflection;
using Dapper;
using Npgsql;

namespace Plenary.Store.Postgres;

/// <summary>
/// A registry in a PostgreSQL database, for a newsroom or a research group sharing one registry between several
/// <c>plenary serve</c> processes and command-line users. Connections come from Npgsql's data source pool; every write
/// transaction sends <c>NOTIFY plenary_changes</c>, which every process LISTENs to (<see cref="WatchChanges"/>).
/// </summary>
public sealed class PostgresEngine : StoreEngine
{
    /// <summary>What the user is told when the server refuses or cannot be reached; null when <paramref name="e"/> is not this engine's.</summary>
    public static string? Failure(Exception e) =>
        e is Npgsql.NpgsqlException n ? $"the PostgreSQL registry could not be used: {n.Message}" : null;

    public const string Channel = "plenary_changes";
    private const string Application = "plenary";
    private readonly NpgsqlDataSource _source;
    private readonly string _connectionString;

    /// <summary>An address is a URL (<c>postgresql://user@host:5432/db</c>) or an Npgsql connection string (<c>Host=…;Database=…</c>).</summary>
    public PostgresEngine(string address)
    {
        _connectionString = ToConnectionString(address);
        var b = new NpgsqlConnectionStringBuilder(_connectionString);
        Address = $"postgresql://{b.Username}@{b.Host}:{b.Port}/{b.Database}";
        _source = NpgsqlDataSource.Create(_connectionString);
        Search = new PostgresSearch(this);
    }

    /// <summary>True when the address names a PostgreSQL database rather than a file.</summary>
    public static bool Names(string address) =>
        address.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase) || address.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) ||
        (address.Contains('=') && address.Contains("Host", StringComparison.OrdinalIgnoreCase));

    public static string ToConnectionString(string address)
    {
        if (!address.Contains("://", StringComparison.Ordinal))
            return new NpgsqlConnectionStringBuilder(address) { MaxAutoPrepare = 32 }.ToString();
        var uri = new Uri(address);
        var b = new NpgsqlConnectionStringBuilder
        {
            Host = Uri.UnescapeDataString(uri.Host),
            Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')) is { Length: > 0 } db ? db : "plenary",
            MaxAutoPrepare = 32,
        };
        if (uri.UserInfo is { Length: > 0 } info)
        {
            var parts = info.Split(':', 2);
            b.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length == 2) b.Password = Uri.UnescapeDataString(parts[1]);
        }
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            if (kv.Length == 2) b[Uri.UnescapeDataString(kv[0])] = Uri.UnescapeDataString(kv[1]);
        }
        return b.ToString();
    }

    public override string Name => "postgres";

    public override string Address { get; }

    public override DbConnection Open()
    {
        try
        {
            return _source.OpenConnection();
        }
        catch (NpgsqlException e)
        {
            throw new StoreException($"{Address}: cannot reach the registry: {e.Message}", e);
        }
    }

    public override bool CreateOrMigrate()
    {
        using var c = (NpgsqlConnection)Open();
        // One migrating process at a time (several servers may start together).
        c.Execute("SELECT pg_advisory_lock(74201)");
        try
        {
            var tables = c.ExecuteScalar<long>("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()");
            var hasMeta = c.ExecuteScalar<long>("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema() AND tablename = 'plenary_meta'") > 0;
            if (tables > 0 && (!hasMeta || c.ExecuteScalar<string?>("SELECT value FROM plenary_meta WHERE key = 'application'") != Application))
                throw new StoreException($"{Address} is not a Plenary registry (a database of something else)");
            bool created = tables == 0;
            var applied = created ? [] : c.Query<int>("SELECT version FROM plenary_migrations").ToHashSet();
            var current = created ? 0 : int.Parse(c.ExecuteScalar<string>("SELECT value FROM plenary_meta WHERE key = 'schema_version'")!, CultureInfo.InvariantCulture);
            var all = Migrations();
            var latest = all.Count == 0 ? 0 : all[^1].Version;
            if (current > latest)
                throw new StoreException($"the registry has schema version {current}, newer than this program's {latest}: update Plenary");
            foreach (var (version, name, sql) in all)
            {
                if (applied.Contains(version)) continue;
                using var tx = c.BeginTransaction();
                c.Execute(sql, transaction: tx);
                c.Execute("""
                    CREATE TABLE IF NOT EXISTS plenary_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL);
                    INSERT INTO plenary_migrations(version, name, applied_at) VALUES (@version, @name, now());
                    INSERT INTO plenary_meta(key, value) VALUES ('application', @app), ('schema_version', @max)
                    ON CONFLICT(key) DO UPDATE SET value = excluded.value;
                    """, new { version, name, app = Application, max = Math.Max(current, version).ToString(CultureInfo.InvariantCulture) }, tx);
                tx.Commit();
                current = Math.Max(current, version);
            }
            return created;
        }
        finally
        {
            c.Execute("SELECT pg_advisory_unlock(74201)");
        }
    }

    private static List<(int Version, string Name, string Sql)> Migrations()
    {
        var asm = Assembly.GetExecutingAssembly();
        var list = new List<(int, string, string)>();
        foreach (var name in asm.GetManifestResourceNames().Where(n => n.EndsWith(".sql", StringComparison.Ordinal)))
        {
            var file = name[(name.IndexOf(".Migrations.", StringComparison.Ordinal) + ".Migrations.".Length)..];
            if (!int.TryParse(file.AsSpan(0, 4), out var version)) continue;
            using var r = new StreamReader(asm.GetManifestResourceStream(name)!);
            list.Add((version, file, r.ReadToEnd()));
        }
        return list.OrderBy(m => m.Item1).ToList();
    }

    /// <summary>Drops the registry's tables (a registry that could not be seeded; the database itself stays).</summary>
    public override void Destroy()
    {
        using var c = Open();
        c.Execute("""
            DROP TABLE IF EXISTS worker_leases, feed_items, feeds, search_index, sessions, api_keys, users, exchange_system_spell, exchange_state_row, exchange_igo_row,
                exchange_cow_observed, exchange_cow_state, exchange_cow_org, audit_log, claim_reviews, claims, articles, persons,
                organizations, states, sources, plenary_migrations, plenary_meta CASCADE;
            DROP FUNCTION IF EXISTS plenary_index_thing() CASCADE;
            DROP FUNCTION IF EXISTS plenary_words(jsonb) CASCADE;
            """);
    }

    public override int SchemaVersion()
    {
        using var c = Open();
        return int.Parse(c.ExecuteScalar<string?>("SELECT value FROM plenary_meta WHERE key = 'schema_version'") ?? "0", CultureInfo.InvariantCulture);
    }

    public override object TimeValue(DateTimeOffset time) => ToMicroseconds(time).UtcDateTime;

    public override DateTimeOffset ReadTime(object value) => value switch
    {
        DateTime t => new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)),
        DateTimeOffset t => t,
        string s => Sql.ParseTime(s),
        _ => throw new StoreException($"not a time: {value}"),
    };

    public override string Json(string parameter) => $"CAST({parameter} AS jsonb)";

    public override string ClaimInsertionOrder => "seq";

    public override void BeforeCommit(DbConnection connection, DbTransaction transaction) =>
        connection.Execute($"NOTIFY {Channel}", transaction: transaction);

    public override string InsertKeepingIds => "OVERRIDING SYSTEM VALUE";

    public override void ContinueIds(DbConnection connection, DbTransaction transaction, string table, string column) =>
        // Table and column names come from the store's own table list, never from input.
        connection.Execute($"SELECT setval(pg_get_serial_sequence('{table}', '{column}'), coalesce(max({column}), 0) + 1, false) FROM {table}",
            transaction: transaction);

    public override string TakeRowsSkippingLocked => " FOR UPDATE SKIP LOCKED";

    public override bool SharedQueue => true;

    public override ISearchIndex Search { get; }

    public override IChangeSignal WatchChanges() => new NotifySignal(_connectionString);

    public override void Dispose()
    {
        _source.Dispose();
        base.Dispose();
    }

    /// <summary>
    /// A connection of its own LISTENs on <see cref="Channel"/>; each notification (a commit by any process) moves the
    /// version on. The version is also read from the listening connection when asked, so a commit acknowledged to its
    /// writer is seen by the next request here even if the background wait has not woken yet.
    /// </summary>
    private sealed class NotifySignal : IChangeSignal
    {
        private readonly NpgsqlConnection _listen;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _loop;
        private long _version;

        public NotifySignal(string connectionString)
        {
            _listen = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, KeepAlive = 30 }.ToString());
            _listen.Open();
            _listen.Notification += (_, _) => Interlocked.Increment(ref _version);
            using (var cmd = new NpgsqlCommand($"LISTEN {Channel}", _listen)) cmd.ExecuteNonQuery();
            _loop = Task.Run(async () =>
            {
                try
                {
                    while (!_stop.IsCancellationRequested) await _listen.WaitAsync(_stop.Token);
                }
                catch (OperationCanceledException) { }
                catch (NpgsqlException)
                {
                    // The server went away: every later read sees a new version, so nothing cached is trusted.
                    Interlocked.Exchange(ref _version, long.MinValue);
                }
            });
        }

        public long Version => _version == long.MinValue ? Environment.TickCount64 : Interlocked.Read(ref _version);

        public void Dispose()
        {
            _stop.Cancel();
            try { _loop.Wait(TimeSpan.FromSeconds(2)); } catch (AggregateException) { }
            _listen.Dispose();
            _stop.Dispose();
        }
    }
}
