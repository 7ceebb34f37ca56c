using Plenary.Core.Articles;
using Plenary.Core.Claims;
using Plenary.Core.Registry;
using Plenary.Reader;
using Plenary.Editorial;
using Plenary.Store;

namespace Plenary.Web.Editorial;

/// <summary>
/// The web app's editorial over the editorial desk (<see cref="Desk"/>: the news reader proposes, an editor decides).
/// What the desk leaves to its callers is checked here, so the API can answer precisely: an unknown claim is a 404,
/// deciding what is already decided, or correcting twice, a 409.
/// </summary>
public sealed class DeskEditorial : IEditorial
{
    // The reader builds its gazetteer from the catalog: kept while the catalog is the same (callers hold the registry's gate).
    private (Catalog Catalog, NewsReader Reader)? _reader;

    private Desk DeskFor(RegistryStore store)
    {
        var catalog = store.Catalog;
        if (_reader is not { } r || !ReferenceEquals(r.Catalog, catalog)) _reader = (catalog, new NewsReader(catalog));
        return new Desk(store, _reader.Value.Reader);
    }

    public IngestOutcome Ingest(RegistryStore store, Article article, string by)
    {
        var result = DeskFor(store).Ingest(article, by);
        return new IngestOutcome(result.ArticleId, result.NewArticle,
            result.NewArticle ? result.Claims.Select(c => c.Id).ToList() : []);
    }

    public void Decide(RegistryStore store, string claimId, ReviewState decision, string by, string? note)
    {
        // The desk owns the rule; here it becomes an HTTP answer (404 unknown, 409 already decided).
        var desk = DeskFor(store);
        try
        {
            if (decision == ReviewState.Accepted) desk.Accept([claimId], by, note);
            else desk.Reject([claimId], by, note);
        }
        catch (UnknownClaimException) { throw new NotFoundException($"no claim with id '{claimId}'"); }
        catch (AlreadyDecidedException e) { throw new ConflictException(e.Message); }
    }

    public Claim Correct(RegistryStore store, string claimId, ClaimFact fact, string by, string? note)
    {
        var old = store.FindClaim(claimId) ?? throw new NotFoundException($"no claim with id '{claimId}'");
        if (old.Fact.Type != fact.Type) throw new BadInputException($"a correction keeps the claim's type ({WireName.Of(old.Type)}), not {WireName.Of(fact.Type)}");
        if (old.Fact == fact) throw new ConflictException($"the correction says what claim {claimId} already says");
        var corrected = store.Claims(new ClaimFilter { SourceId = old.SourceId, Review = null }).FirstOrDefault(c => c.Corrects == claimId);
        if (corrected is not null) throw new ConflictException($"claim {claimId} was already corrected by {corrected.Id}");
        try
        {
            return DeskFor(store).Correct(claimId, fact, by, note);
        }
        catch (InvalidOperationException e)
        {
            throw new ConflictException(e.Message);
        }
    }
}
