using System.Collections.Concurrent;
using Plenary.Store;

namespace Plenary.Web;

/// <summary>
/// The one registry the server works on. The store is safe to share: every request takes a connection of its own from
/// the engine's pool, so readers never queue behind one another (no global lock).
/// Answers that are asked again and again (the status of a state on a day) are cached by key; the cache is emptied by
/// every write made here and by any write another process commits to the same registry (the <c>plenary</c> command,
/// another <c>plenary serve</c> on the same PostgreSQL), which the engine's change signal reveals: SQLite's
/// <c>data_version</c>, PostgreSQL's LISTEN/NOTIFY. So nothing stale is served after a write.
/// </summary>
public sealed class RegistryService : IDisposable
{
    private const int CacheLimit = 20_000;
    private readonly ConcurrentDictionary<string, object> _cache = new(StringComparer.Ordinal);
    private readonly RegistryStore _store;
    private readonly IChangeSignal _changes;
    private long _seenVersion;
    private long _generation;

    public RegistryService(string path, Func<string, RegistryStore> open)
    {
        Path = path;
        _store = open(path);
        _changes = _store.Engine.WatchChanges();
        _seenVersion = _changes.Version;
    }

    /// <summary>The registry's address as given (a file path or a PostgreSQL address).</summary>
    public string Path { get; }

    /// <summary>Grows by one with every change seen: lets callers tell whether what they hold is still current.</summary>
    public long Generation
    {
        get
        {
            CheckOutsideWrites();
            return Interlocked.Read(ref _generation);
        }
    }

    public T Read<T>(Func<RegistryStore, T> read)
    {
        CheckOutsideWrites();
        return read(_store);
    }

    /// <summary>Runs a change; afterwards every cached answer is dropped, whether the change succeeded or not.</summary>
    public T Write<T>(Func<RegistryStore, T> write)
    {
        CheckOutsideWrites();
        try
        {
            return write(_store);
        }
        catch (Exception e) when (_store.Engine.IsBusy(e))
        {
            // Another writer (a `plenary` command, a long import) held the registry past the engine's wait: nothing was
            // written, and the caller may try again (503 with Retry-After), rather than an internal error.
            throw new StoreBusyException("the registry is busy with another writer: nothing was changed; try again in a few seconds", e);
        }
        finally
        {
            Invalidate();
        }
    }

    /// <summary>The cached answer for <paramref name="key"/>, computed when missing or out of date.</summary>
    public T Cached<T>(string key, Func<RegistryStore, T> compute) where T : class
    {
        CheckOutsideWrites();
        var generation = Interlocked.Read(ref _generation);
        if (_cache.TryGetValue(key, out var hit)) return (T)hit;
        var value = compute(_store);
        // Kept only if no change came in while it was computed.
        if (Interlocked.Read(ref _generation) == generation)
        {
            if (_cache.Count >= CacheLimit) _cache.Clear();
            _cache[key] = value;
        }
        return value;
    }

    private void CheckOutsideWrites()
    {
        var version = _changes.Version;
        var seen = Interlocked.Read(ref _seenVersion);
        if (version == seen) return;
        if (Interlocked.CompareExchange(ref _seenVersion, version, seen) != seen) return;
        // Some commit since: ours (the cache was emptied then already) or another process's. Start afresh.
        Invalidate();
    }

    private void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _store.Refresh();
        _cache.Clear();
    }

    public void Dispose()
    {
        _changes.Dispose();
        _store.Dispose();
    }
}
