namespace Plenary.Store.Curated;

/// <summary>Fills a new registry with the curated data: all of it in one transaction, after the whole folder validated.</summary>
public static class CuratedSeeding
{
    public static int Seed(RegistryStore store, string? folder = null, DateTimeOffset? at = null)
    {
        var when = at ?? DateTimeOffset.UtcNow;
        var curated = CuratedData.Load(folder ?? CuratedData.DefaultFolder, when);
        var c = curated.Catalog;
        store.AddEntities(c.States, c.Organizations, c.Persons, c.Sources.Values, CuratedData.RecordedBy, when);
        return store.InTransaction(tx =>
        {
            var n = store.AddClaims(tx, curated.Claims);
            store.AuditIn(tx, CuratedData.RecordedBy, "seed", "registry", null, $"{{\"claims\":{n}}}", when);
            return n;
        });
    }
}
