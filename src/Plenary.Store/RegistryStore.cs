using System.Data.Common;
using Dapper;
using Plenary.Core.Articles;
using Plenary.Core.Claims;
using Plenary.Core.Registry;
using Plenary.Store.Records;

namespace Plenary.Store;

/// <summary>Which claims to read: all filters are optional; <see cref="KnownAt"/> reads the registry as it was then.</summary>
public sealed record ClaimFilter
{
    public ClaimType? Type { get; init; }
    public Plenary.Core.Ids.OrgId? Org { get; init; }
    public Plenary.Core.Ids.StateId? State { get; init; }
    public string? SourceId { get; init; }
    /// <summary>Only claims in this review state (as of <see cref="KnownAt"/>); null for all.</summary>
    public ReviewState? Review { get; init; } = ReviewState.Accepted;
    public DateTimeOffset? KnownAt { get; init; }
    public IReadOnlyCollection<string>? Ids { get; init; }
}

/// <summary>
/// The registry on a storage engine: named things (<see cref="CatalogRecords"/>), claims (<see cref="ClaimRecords"/>),
/// review decisions (<see cref="ReviewRecords"/>), articles (<see cref="ArticleRecords"/>), the audit log
/// (<see cref="AuditLog"/>). Every write is one transaction; claims are never updated, so any past state can be read
/// back (<see cref="ClaimFilter.KnownAt"/>). Safe to use from many threads at once: each call takes a connection from
/// the engine's pool for its own time.
/// </summary>
public sealed class RegistryStore : IDisposable
{
    private RegistryStore(StoreEngine engine)
    {
        Engine = engine;
        Audit = new Records.AuditLog(engine);
        Catalogs = new CatalogRecords(engine, Audit);
        ClaimRecords = new ClaimRecords(engine);
        Reviews = new ReviewRecords(engine, Audit);
        ArticleRecords = new ArticleRecords(engine, Audit);
    }

    public StoreEngine Engine { get; }
    public Records.AuditLog Audit { get; }
    public CatalogRecords Catalogs { get; }
    public ClaimRecords ClaimRecords { get; }
    public ReviewRecords Reviews { get; }
    public ArticleRecords ArticleRecords { get; }

    /// <summary>True when this open created the registry.</summary>
    public bool Created { get; private init; }

    /// <summary>Where the registry is (a file path, or a server and database).</summary>
    public string Address => Engine.Address;

    /// <summary>
    /// Opens the registry on <paramref name="engine"/>, creating it when there is none. A database that is not a
    /// Plenary registry is refused untouched. Unless <paramref name="empty"/>, a new registry is filled by
    /// <paramref name="seed"/> (curated data, seed article), in transactions of its own; a registry whose seeding was
    /// interrupted is seeded again on the next open. The store owns the engine from here on.
    /// </summary>
    public static RegistryStore Open(StoreEngine engine, bool empty = false, Action<RegistryStore>? seed = null)
    {
        try
        {
            engine.CreateOrMigrate();
            // New is what has not yet said what it holds: a creation cut short after the schema (a killed process, an
            // empty database file) is created again here, never taken for a registry that holds nothing.
            bool created = new RegistryStore(engine).GetMeta("contents") is null;
            var store = new RegistryStore(engine) { Created = created };
            if (created) store.SetMeta("contents", empty ? "empty" : "seeding");
            if (store.GetMeta("contents") == "seeding")
            {
                try
                {
                    seed?.Invoke(store);
                }
                catch when (created)
                {
                    // A registry that could not be filled is not left behind half made: it goes, the error stays.
                    engine.Destroy();
                    throw;
                }
                store.SetMeta("contents", "seeded");
            }
            return store;
        }
        catch
        {
            engine.Dispose();
            throw;
        }
    }

    public void Dispose() => Engine.Dispose();

    public int SchemaVersion => Engine.SchemaVersion();

    public string? GetMeta(string key)
    {
        using var c = Engine.Open();
        return c.ExecuteScalar<string?>("SELECT value FROM plenary_meta WHERE key = @key", new { key });
    }

    public void SetMeta(string key, string value) => InTransaction(tx =>
        tx.Connection.Execute("INSERT INTO plenary_meta(key, value) VALUES (@key, @value) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            new { key, value }, tx.Transaction));

    /// <summary>Runs <paramref name="work"/> in one transaction: all of it is written, or none.</summary>
    public void InTransaction(Action<StoreTransaction> work) => InTransaction(tx => { work(tx); return 0; });

    public T InTransaction<T>(Func<StoreTransaction, T> work)
    {
        using var c = Engine.Open();
        using var t = c.BeginTransaction();
        var result = work(new StoreTransaction(c, t));
        Engine.BeforeCommit(c, t);
        t.Commit();
        return result;
    }

    /// <summary>A read outside any transaction, on a connection of its own.</summary>
    public T Read<T>(Func<DbConnection, T> read)
    {
        using var c = Engine.Open();
        return read(c);
    }

    // The registry's operations, each delegated to the records that hold it.

    /// <summary>The states, organizations, persons and sources the registry holds (cached until one is added here, or <see cref="Refresh"/>).</summary>
    public Catalog Catalog => Catalogs.Catalog;

    /// <summary>Forgets what is cached (another process changed the registry).</summary>
    public void Refresh() => Catalogs.Forget();

    public int AddEntities(IEnumerable<State> states, IEnumerable<Organization> orgs, IEnumerable<Person> persons, IEnumerable<Source> sources, string recordedBy, DateTimeOffset? at = null) =>
        InTransaction(tx => Catalogs.Add(tx, states, orgs, persons, sources, recordedBy, at));

    public int AddEntities(StoreTransaction tx, IEnumerable<State> states, IEnumerable<Organization> orgs, IEnumerable<Person> persons, IEnumerable<Source> sources, string recordedBy, DateTimeOffset? at = null) =>
        Catalogs.Add(tx, states, orgs, persons, sources, recordedBy, at);

    public int AddClaims(IReadOnlyList<Claim> claims) => InTransaction(tx => ClaimRecords.Add(tx, claims));

    public int AddClaims(StoreTransaction tx, IReadOnlyList<Claim> claims) => ClaimRecords.Add(tx, claims);

    public IReadOnlyList<Claim> Claims(ClaimFilter filter) => ClaimRecords.Read(filter);

    /// <summary>One page of claims in recording order, after a key (keyset) or from an offset: see <see cref="Records.ClaimRecords.ReadPage"/>.</summary>
    public ClaimPage ClaimPage(ClaimFilter filter, long? afterKey, int offset, int limit) => ClaimRecords.ReadPage(filter, afterKey, offset, limit);

    public long ClaimCount(ClaimFilter filter) => ClaimRecords.Count(filter);

    public IReadOnlyList<Claim> MembershipClaims(DateTimeOffset? knownAt = null) =>
        Claims(new ClaimFilter { Type = ClaimType.Membership, KnownAt = knownAt });

    public Claim? FindClaim(string id, DateTimeOffset? knownAt = null) =>
        Claims(new ClaimFilter { Ids = [id], Review = null, KnownAt = knownAt }).FirstOrDefault();

    /// <summary>How many claims of a type each source holds.</summary>
    public IReadOnlyDictionary<string, long> ClaimCountsBySource(ClaimType type) => ClaimRecords.CountsBySource(type);

    public void Decide(string claimId, ReviewState decision, string by, string? note = null, DateTimeOffset? at = null) =>
        InTransaction(tx => Reviews.Decide(tx, claimId, decision, by, note, at));

    public void Decide(StoreTransaction tx, string claimId, ReviewState decision, string by, string? note = null, DateTimeOffset? at = null) =>
        Reviews.Decide(tx, claimId, decision, by, note, at);

    public (string Id, bool Added) AddArticle(StoreTransaction tx, Article article, string recordedBy, DateTimeOffset at) =>
        ArticleRecords.Add(tx, article, recordedBy, at);

    public Article? FindArticle(string id) => ArticleRecords.Find(id);

    public IReadOnlyList<Article> Articles() => ArticleRecords.All();

    /// <summary>One page of article listings, newest first: see <see cref="Records.ArticleRecords.Page"/>.</summary>
    public IReadOnlyList<ArticleListing> ArticlePage((string Published, string Id)? after, int offset, int limit) => ArticleRecords.Page(after, offset, limit);

    public long ArticleCount() => ArticleRecords.Count();

    public void AuditIn(StoreTransaction tx, string actor, string action, string subject, string? before, string? after, DateTimeOffset? at = null) =>
        Audit.Add(tx, actor, action, subject, before, after, at);

    public IReadOnlyList<AuditEntry> AuditLog(int limit = 100, long? beforeSeq = null, int offset = 0) => Audit.Read(limit, beforeSeq, offset);

    public long AuditCount() => Audit.Count();

    public (IReadOnlyList<SearchHit> Hits, int Total) Search(string text, int offset, int limit) => Engine.Search.Search(text, offset, limit);
}
