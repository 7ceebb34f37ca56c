using System.Data.Common;
using Microsoft.Data.Sqlite;
using Plenary.Store.Sqlite.Migrations;

namespace Plenary.Store.Sqlite;

/// <summary>
/// A registry in one SQLite file. Connections come from Microsoft.Data.Sqlite's pool, one per caller at a time; the
/// file is in WAL mode, so readers never wait for a writer, and a writer waits (busy timeout) rather than fails while
/// another writes. Write transactions begin IMMEDIATE, so two writers queue instead of deadlocking.
/// </summary>
public sealed class SqliteEngine : StoreEngine
{
    /// <summary>What the user is told when the engine itself refuses (a file that is not a database, a disk full…); null when <paramref name="e"/> is not this engine's.</summary>
    public static string? Failure(Exception e) =>
        e is Microsoft.Data.Sqlite.SqliteException s ? $"the registry file could not be used: {s.Message}" : null;

    private readonly string _connectionString;
    private readonly int _busyTimeoutSeconds;

    /// <param name="path">The registry file.</param>
    /// <param name="busyTimeoutSeconds">How long a writer waits for another writer's lock before the write fails as busy.</param>
    public SqliteEngine(string path, int busyTimeoutSeconds = 30)
    {
        _busyTimeoutSeconds = Math.Max(1, busyTimeoutSeconds);
        Path = System.IO.Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            ForeignKeys = true,
            // Microsoft.Data.Sqlite retries a busy statement up to this command timeout, SQLite's busy handler below waits as long.
            DefaultTimeout = _busyTimeoutSeconds,
        }.ToString();
        Search = new SqliteSearch(this);
    }

    public string Path { get; }

    public override string Name => "sqlite";

    public override string Address => Path;

    public override DbConnection Open()
    {
        var c = new SqliteConnection(_connectionString);
        try
        {
            c.Open();
            // Per connection: wait for a writer rather than fail; a 64 MB page cache and memory-mapped reads (a COW-sized
            // registry, a quarter million claims, reads in a fraction of the time).
            using var cmd = c.CreateCommand();
            cmd.CommandText = $"PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = {_busyTimeoutSeconds * 1000}; PRAGMA cache_size = -65536; PRAGMA mmap_size = 268435456;";
            cmd.ExecuteNonQuery();
            return c;
        }
        catch (SqliteException e)
        {
            c.Dispose();
            throw new StoreException($"{Path}: cannot open the registry: {e.Message}", e);
        }
    }

    public override bool CreateOrMigrate()
    {
        bool exists = File.Exists(Path) && new FileInfo(Path).Length > 0;
        if (exists) CheckIsRegistry();
        else if (System.IO.Path.GetDirectoryName(Path) is { } dir) Directory.CreateDirectory(dir);
        try
        {
            using var c = (SqliteConnection)Open();
            using (var wal = c.CreateCommand())
            {
                wal.CommandText = "PRAGMA journal_mode = WAL;";
                wal.ExecuteNonQuery();
            }
            Migrator.Migrate(c);
        }
        catch (StoreException e) when (!exists && e.InnerException is SqliteException { SqliteErrorCode: 14 }) // SQLITE_CANTOPEN: the file cannot be made there
        {
            var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path));
            throw new StoreException($"{Path}: cannot create the registry: the folder {folder} does not take new files (read-only?); expected a folder where a file can be written", e);
        }
        catch (SqliteException e)
        {
            throw new StoreException($"{Path}: cannot open the registry: {e.Message}", e);
        }
        return !exists;
    }

    /// <summary>Refuses, without writing a byte, a file that is not an SQLite database holding a Plenary registry.</summary>
    private void CheckIsRegistry()
    {
        var header = new byte[16];
        using (var f = File.OpenRead(Path)) f.ReadExactly(header, 0, (int)Math.Min(16, f.Length));
        if (!header.AsSpan().StartsWith("SQLite format 3\0"u8))
            throw new StoreException($"{Path} is not a Plenary registry (not an SQLite database)");
        using var ro = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        try
        {
            ro.Open();
            if (!Migrator.IsPlenary(ro) && !Migrator.IsBlank(ro))
                throw new StoreException($"{Path} is not a Plenary registry (an SQLite database of something else)");
        }
        catch (SqliteException e)
        {
            throw new StoreException($"{Path} is not a readable Plenary registry: {e.Message}", e);
        }
    }

    public override void Destroy()
    {
        SqliteConnection.ClearPool(new SqliteConnection(_connectionString));
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(Path + suffix);
    }

    public override int SchemaVersion()
    {
        using var c = (SqliteConnection)Open();
        return Migrator.CurrentVersion(c);
    }

    public override object TimeValue(DateTimeOffset time) => Sql.TimeText(ToMicroseconds(time));

    public override DateTimeOffset ReadTime(object value) => Sql.ParseTime((string)value);

    public override string ClaimInsertionOrder => "rowid";

    /// <summary>SQLITE_BUSY (5) or SQLITE_LOCKED (6), the extended codes included, after the busy timeout ran out.</summary>
    public override bool IsBusy(Exception e) => e is SqliteException { SqliteErrorCode: 5 or 6 };

    public override void PrepareForReuse(DbCommand command) => command.Prepare();

    public override ISearchIndex Search { get; }

    public override IChangeSignal WatchChanges() => new DataVersionSignal(Path);

    public override void Dispose()
    {
        // Give the file back (tests delete their folders; a closed registry holds no handle).
        SqliteConnection.ClearPool(new SqliteConnection(_connectionString));
        base.Dispose();
    }

    /// <summary>
    /// SQLite's <c>PRAGMA data_version</c> on a connection of its own changes whenever any other connection — of this
    /// process or another — commits to the file. Asking costs a microsecond.
    /// </summary>
    private sealed class DataVersionSignal : IChangeSignal
    {
        private readonly object _gate = new();
        private readonly SqliteConnection _watch;
        private readonly SqliteCommand _version;

        public DataVersionSignal(string path)
        {
            _watch = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            _watch.Open();
            _version = _watch.CreateCommand();
            _version.CommandText = "PRAGMA data_version";
            _version.Prepare();
        }

        public long Version
        {
            get { lock (_gate) return (long)_version.ExecuteScalar()!; }
        }

        public void Dispose()
        {
            lock (_gate)
            {
                _version.Dispose();
                _watch.Dispose();
            }
        }
    }
}
