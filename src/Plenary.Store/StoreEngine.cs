using System.Data.Common;

namespace Plenary.Store;

/// <summary>A search hit: what it is, its id, its name, and a snippet of the matching text (matches between
/// <see cref="SearchHit.MarkStart"/> and <see cref="SearchHit.MarkEnd"/>). Lower <see cref="Rank"/> ranks first.</summary>
public sealed record SearchHit(string Kind, string Id, string Title, string Snippet, double Rank)
{
    public const char MarkStart = '\u0002';
    public const char MarkEnd = '\u0003';
}

/// <summary>Ranked full-text search over organizations, states, persons and article text.</summary>
public interface ISearchIndex
{
    /// <summary>
    /// Searches in web-search syntax (<see cref="SearchQuery"/>, the same on every engine): all the words must occur, each
    /// as a word prefix; <c>"…"</c> a phrase, <c>or</c> alternatives, <c>-</c> leaves out; anything else is no operator.
    /// A search with nothing to find (no word, or only words to leave out) has no hit. Names weigh more than other text.
    /// </summary>
    (IReadOnlyList<SearchHit> Hits, int Total) Search(string text, int offset, int limit);
}

/// <summary>
/// Tells whether anyone — this process or another one on the same registry — has committed a change since last asked:
/// <see cref="Version"/> moves on with every commit seen.
/// </summary>
public interface IChangeSignal : IDisposable
{
    long Version { get; }
}

/// <summary>
/// One storage engine under the registry: how to reach it, open pooled connections, recognise, create and migrate a
/// registry, and the few places where its SQL differs from the SQL the store shares. Connections are handed out as
/// <see cref="DbConnection"/> (ADO.NET's own abstraction), so nothing above the engine names the engine.
/// </summary>
public abstract class StoreEngine : IDisposable
{
    /// <summary>Which engine ("sqlite", "postgres").</summary>
    public abstract string Name { get; }

    /// <summary>The registry's address as the user gave it, without secrets (a file path, or a server and database).</summary>
    public abstract string Address { get; }

    /// <summary>An open connection from the pool, configured for the registry; dispose it to give it back.</summary>
    public abstract DbConnection Open();

    /// <summary>
    /// Refuses, without writing, a database that is not a Plenary registry; creates the registry when there is none;
    /// applies the migrations this program has and the registry has not. True when it was created now.
    /// </summary>
    public abstract bool CreateOrMigrate();

    /// <summary>Removes a registry that could not be filled when it was created (so no half-made registry stays behind).</summary>
    public abstract void Destroy();

    /// <summary>The schema version recorded in the registry's ledger.</summary>
    public abstract int SchemaVersion();

    /// <summary>How a time is written to a time column (times are kept to the microsecond on every engine).</summary>
    public abstract object TimeValue(DateTimeOffset time);

    /// <summary>A time read from a time column.</summary>
    public abstract DateTimeOffset ReadTime(object value);

    /// <summary>The SQL for a parameter bound to a JSON column (an engine with a JSON type casts the text).</summary>
    public virtual string Json(string parameter) => parameter;

    /// <summary>The claims column that orders claims as they were recorded.</summary>
    public abstract string ClaimInsertionOrder { get; }

    /// <summary>Prepares a command that will run many times (an engine that prepares by itself does nothing).</summary>
    public virtual void PrepareForReuse(DbCommand command) { }

    /// <summary>Runs inside every write transaction, just before it commits (an engine may announce the change).</summary>
    public virtual void BeforeCommit(DbConnection connection, DbTransaction transaction) { }

    /// <summary>
    /// Words between the column list and VALUES of an INSERT that writes an identity column's value itself (a copy keeps
    /// ids): PostgreSQL's <c>GENERATED ALWAYS</c> columns need to be told; SQLite takes the value as given.
    /// </summary>
    public virtual string InsertKeepingIds => "";

    /// <summary>After rows were inserted with their own ids: the next id the engine hands out follows the largest one.</summary>
    public virtual void ContinueIds(DbConnection connection, DbTransaction transaction, string table, string column) { }

    /// <summary>
    /// Words ending a SELECT that takes queue rows (feed items) for one worker: an engine where several workers share a
    /// queue locks the rows it takes and skips those others hold; an engine with one worker at a time needs none.
    /// </summary>
    public virtual string TakeRowsSkippingLocked => "";

    /// <summary>True when several workers may share the feed queue at once; otherwise one worker at a time holds a lease.</summary>
    public virtual bool SharedQueue => false;

    /// <summary>
    /// True when <paramref name="e"/> says another writer held the registry past this engine's wait (a retry may succeed);
    /// an engine whose writers queue without limit never says so.
    /// </summary>
    public virtual bool IsBusy(Exception e) => false;

    public abstract ISearchIndex Search { get; }

    /// <summary>A new watcher of commits to this registry (dispose it when done).</summary>
    public abstract IChangeSignal WatchChanges();

    /// <summary>Microseconds: the finest time every engine keeps.</summary>
    public static DateTimeOffset ToMicroseconds(DateTimeOffset t) => new(t.UtcTicks - t.UtcTicks % 10, TimeSpan.Zero);

    public virtual void Dispose() => GC.SuppressFinalize(this);
}
