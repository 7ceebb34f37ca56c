namespace Plenary.Store.Curated;

/// <summary>
/// Fills a new registry with the curated data once the whole folder validated: the entities, then the claims with their
/// audit entry, then the time the coverage speaks from, each in a transaction of its own. A seeding cut short between them
/// leaves the registry marked as still seeding, and <see cref="RegistryStore.Open"/> does not take it for a finished one.
/// </summary>
public static class CuratedSeeding
{
    public static int Seed(RegistryStore store, string? folder = null, DateTimeOffset? at = null)
    {
        var when = at ?? DateTimeOffset.UtcNow;
        var curated = CuratedData.Load(folder ?? CuratedData.DefaultFolder, when);
        var c = curated.Catalog;
        store.AddEntities(c.States, c.Organizations, c.Persons, c.Sources.Values, CuratedData.RecordedBy, when);
        var added = store.InTransaction(tx =>
        {
            var n = store.AddClaims(tx, curated.Claims);
            if (curated.CowBaseline is { Count: > 0 } cow) n += store.AddClaims(tx, cow);
            // Processes creating the registry at once each seed it (the seeding is idempotent); the claims' inserts
            // above wait for the write lock, so the first seeding's entry is seen here and the seeding is logged once.
            if (!store.Audit.Has(tx, "seed", "registry"))
                store.AuditIn(tx, CuratedData.RecordedBy, "seed", "registry", null, $"{{\"claims\":{n}}}", when);
            return n;
        });
        // From then on the organizations' coverage speaks (before it, --known-at reads no complete member list).
        store.SetMeta(Queries.RegistryQueries.CuratedRecordedAtKey, Sql.TimeText(when));
        return added;
    }
}
