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
