using System.Text.Json;
using Plenary.Core.Articles;
using Plenary.Core.Claims;
using Plenary.Store;

namespace Plenary.Web.Editorial;

/// <summary>What ingesting an article did: the stored article's id, whether it was new, and the claims proposed from it.</summary>
public sealed record IngestOutcome(string ArticleId, bool Added, IReadOnlyList<string> ProposedClaimIds);

/// <summary>
/// The editorial writes the web app offers: ingest an article (the reader proposes claims), and accept, reject or
/// correct a claim. Each runs in one transaction with its audit entries.
/// </summary>
public interface IEditorial
{
    IngestOutcome Ingest(RegistryStore store, Article article, string by);
    void Decide(RegistryStore store, string claimId, ReviewState decision, string by, string? note);
    Claim Correct(RegistryStore store, string claimId, ClaimFact fact, string by, string? note);
}

/// <summary>
/// The editorial over the store's own operations. The reader is a function given at composition
/// (<see cref="Propose"/>): until one is wired in, an ingested article is stored and searchable but proposes nothing.
/// </summary>
public sealed class StoreEditorial(Func<Article, string, DateTimeOffset, IReadOnlyList<Claim>>? propose = null) : IEditorial
{
    public Func<Article, string, DateTimeOffset, IReadOnlyList<Claim>>? Propose { get; } = propose;

    public IngestOutcome Ingest(RegistryStore store, Article article, string by)
    {
        var at = DateTimeOffset.UtcNow;
        return store.InTransaction(tx =>
        {
            var (id, added) = store.AddArticle(tx, article, by, at);
            if (!added || Propose is null) return new IngestOutcome(id, added, []);
            var stored = id == article.Id ? article : article with { Id = id };
            var claims = Propose(stored, by, at);
            store.AddClaims(tx, claims);
            return new IngestOutcome(id, added, claims.Select(c => c.Id).ToList());
        });
    }

    public void Decide(RegistryStore store, string claimId, ReviewState decision, string by, string? note)
    {
        var claim = store.FindClaim(claimId) ?? throw new NotFoundException($"no claim with id '{claimId}'");
        if (claim.Review == decision) throw new ConflictException($"claim {claimId} is already {WireName.Of(decision)}");
        store.Decide(claimId, decision, by, note);
    }

    public Claim Correct(RegistryStore store, string claimId, ClaimFact fact, string by, string? note)
    {
        var old = store.FindClaim(claimId) ?? throw new NotFoundException($"no claim with id '{claimId}'");
        if (old.Fact.Type != fact.Type) throw new BadInputException($"a correction keeps the claim's type ({WireName.Of(old.Type)}), not {WireName.Of(fact.Type)}");
        if (old.Fact == fact) throw new ConflictException($"the correction says what claim {claimId} already says");
        var corrected = store.Claims(new ClaimFilter { SourceId = old.SourceId, Review = null }).FirstOrDefault(c => c.Corrects == claimId);
        if (corrected is not null) throw new ConflictException($"claim {claimId} was already corrected by {corrected.Id}");
        var at = DateTimeOffset.UtcNow;
        var id = Claim.IdFor(old.SourceId, fact, old.Evidence);
        if (store.FindClaim(id) is not null) throw new ConflictException($"claim {id} already says this");
        var claim = old with
        {
            Id = id, Fact = fact, Corrects = claimId, Note = note, RecordedAt = at, RecordedBy = by, Review = ReviewState.Accepted,
        };
        store.InTransaction(tx =>
        {
            store.AddClaims(tx, [claim]);
            if (old.Review != ReviewState.Rejected) store.Decide(tx, claimId, ReviewState.Rejected, by, $"corrected by {id}", at);
            store.AuditIn(tx, by, "correct", $"claim/{claimId}", ClaimJson.FactToJson(old.Fact),
                JsonSerializer.Serialize(new { id, fact = JsonDocument.Parse(ClaimJson.FactToJson(fact)).RootElement, note }), at);
        });
        return claim;
    }
}
