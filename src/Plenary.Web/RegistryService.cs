using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Plenary.Store;

namespace Plenary.Web;

/// <summary>
/// The one registry the server works on. An SQLite connection serves one caller at a time, so every use of the store
/// goes through <see cref="Read{T}"/> or <see cref="Write{T}"/>, one at a time.
/// Answers that are asked again and again (the status of a state on a day) are cached by key; the cache is emptied by
/// every write made here, and by any write another process (the <c>plenary</c> command) commits to the same file,
/// which SQLite's <c>PRAGMA data_version</c> reveals. So nothing stale is served after a write.
/// A cached answer is served without taking the store's gate: only a second, idle connection is asked whether the
/// file changed (a microsecond under its own small lock), so the hot path never waits behind a slow query.
/// </summary>
public sealed class RegistryService : IDisposable
{
    private const int CacheLimit = 20_000;
    private readonly object _gate = new();
    private readonly Func<string, RegistryStore> _open;
    private readonly ConcurrentDictionary<string, object> _cache = new(StringComparer.Ordinal);
    private RegistryStore _store;
    private SqliteCommand _dataVersion;
    private long _lastDataVersion;
    private long _generation;
    private readonly object _watchGate = new();
    private readonly SqliteConnection _watch;
    private readonly SqliteCommand _watchVersion;
    private long _seenWatchVersion;

    public RegistryService(string path, Func<string, RegistryStore> open)
    {
        Path = path;
        _open = open;
        _store = open(path);
        _dataVersion = PrepareDataVersion(_store);
        _lastDataVersion = (long)_dataVersion.ExecuteScalar()!;
        _watch = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _store.Path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        _watch.Open();
        _watchVersion = _watch.CreateCommand();
        _watchVersion.CommandText = "PRAGMA data_version";
        _watchVersion.Prepare();
        _seenWatchVersion = WatchVersion();
    }

    public string Path { get; }

    /// <summary>Changes whenever any other connection — this server's store or another process — commits to the file.</summary>
    private long WatchVersion()
    {
        lock (_watchGate) return (long)_watchVersion.ExecuteScalar()!;
    }

    /// <summary>Grows by one with every change seen: lets callers tell whether what they hold is still current.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    public T Read<T>(Func<RegistryStore, T> read)
    {
        lock (_gate)
        {
            CheckOutsideWrites();
            return read(_store);
        }
    }

    /// <summary>Runs a change; afterwards every cached answer is dropped, whether the change succeeded or not.</summary>
    public T Write<T>(Func<RegistryStore, T> write)
    {
        lock (_gate)
        {
            CheckOutsideWrites();
            try
            {
                return write(_store);
            }
            finally
            {
                Invalidate();
                _lastDataVersion = (long)_dataVersion.ExecuteScalar()!;
            }
        }
    }

    /// <summary>The cached answer for <paramref name="key"/>, computed under the gate when missing or out of date.</summary>
    public T Cached<T>(string key, Func<RegistryStore, T> compute) where T : class
    {
        // Fast path: the file has not changed since the cache was last known good, and the answer is there.
        if (WatchVersion() == Interlocked.Read(ref _seenWatchVersion) && _cache.TryGetValue(key, out var fast)) return (T)fast;
        lock (_gate)
        {
            CheckOutsideWrites();
            var version = WatchVersion();
            if (version != Interlocked.Read(ref _seenWatchVersion))
            {
                // Some commit since: ours (the cache was emptied then already) or another process's. Start afresh.
                Invalidate();
                Interlocked.Exchange(ref _seenWatchVersion, version);
            }
            if (_cache.TryGetValue(key, out var hit)) return (T)hit;
            var value = compute(_store);
            if (_cache.Count >= CacheLimit) _cache.Clear();
            _cache[key] = value;
            return value;
        }
    }

    private void CheckOutsideWrites()
    {
        var version = (long)_dataVersion.ExecuteScalar()!;
        if (version == _lastDataVersion) return;
        // Another process changed the file: the store's own cache (the catalog) may be stale too, so open it afresh.
        _dataVersion.Dispose();
        _store.Dispose();
        _store = _open(Path);
        _dataVersion = PrepareDataVersion(_store);
        _lastDataVersion = (long)_dataVersion.ExecuteScalar()!;
        Invalidate();
    }

    private void Invalidate()
    {
        _cache.Clear();
        Interlocked.Increment(ref _generation);
    }

    private static SqliteCommand PrepareDataVersion(RegistryStore store)
    {
        var cmd = store.Connection.CreateCommand();
        cmd.CommandText = "PRAGMA data_version";
        cmd.Prepare();
        return cmd;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _dataVersion.Dispose();
            _store.Dispose();
            lock (_watchGate)
            {
                _watchVersion.Dispose();
                _watch.Dispose();
            }
        }
    }
}
