using Plenary.Core.Articles;
using Plenary.Core.Claims;
using Plenary.Reader;
using Plenary.Reader.Patterns;
using Plenary.Store;

namespace Plenary.Editorial;

/// <summary>What ingesting an article did: its id in the registry, whether it was new, and its claims.</summary>
public sealed record IngestResult(string ArticleId, bool NewArticle, IReadOnlyList<Claim> Claims, int Added);

/// <summary>
/// The editorial desk: articles go in through the reader and come out as proposed claims; an editor accepts, rejects
/// or corrects them. Every step is one transaction with its audit entry; ingesting the same text again changes nothing;
/// nothing is overwritten (a correction is a new claim that names the one it corrects).
/// </summary>
public sealed class Desk(RegistryStore store, NewsReader reader)
{
    public Desk(RegistryStore store) : this(store, new NewsReader(store.Catalog)) { }

    public IngestResult Ingest(Article article, string editor, DateTimeOffset? at = null)
    {
        var when = at ?? DateTimeOffset.UtcNow;
        // Read before the transaction: the reader is pure and may take a moment on a long text.
        var proposed = Propose(article);
        var result = store.InTransaction(tx => Ingest(tx, article, proposed, editor, when));
        // Already ingested: report the claims it has, as they stand now.
        return result.NewArticle ? result : result with { Claims = store.Claims(new ClaimFilter { SourceId = result.ArticleId, Review = null }) };
    }

    /// <summary>What the reader proposes for an article (pure; call it outside any transaction).</summary>
    public IReadOnlyList<ProposedClaim> Propose(Article article) => reader.Propose(article);

    /// <summary>
    /// Stores an article and its proposed claims inside the caller's transaction (the feed worker finishes its queue item
    /// in the same one). An article whose text is already stored adds nothing and reports no claims.
    /// </summary>
    public IngestResult Ingest(StoreTransaction tx, Article article, IReadOnlyList<ProposedClaim> proposed, string editor, DateTimeOffset when)
    {
        var (id, added) = store.AddArticle(tx, article, editor, when);
        if (!added) return new IngestResult(id, false, [], 0);
        var claims = proposed.Select((p, i) => new Claim
        {
            Id = Claim.IdFor(id, p.Fact, p.Evidence),
            Fact = p.Fact,
            SourceId = id,
            Evidence = p.Evidence,
            Modality = p.Modality,
            RecordedAt = when,
            RecordedBy = editor,
            Review = ReviewState.Proposed,
            Note = $"rule {p.Rule}",
            Sequence = i,
        }).DistinctBy(c => c.Id).ToList();
        int n = store.AddClaims(tx, claims);
        return new IngestResult(id, true, claims, n);
    }

    /// <summary>The claims waiting for a decision, oldest first.</summary>
    public IReadOnlyList<Claim> Queue() => store.Claims(new ClaimFilter { Review = ReviewState.Proposed });

    /// <summary>The queue grouped by what accepting would change: new standings, new meetings, other changes, confirmations.</summary>
    public IReadOnlyList<ReviewGroup> QueueByChange() =>
        ReviewGroups.Group(Queue(), store.Claims(new ClaimFilter { Review = ReviewState.Accepted }));

    /// <summary>
    /// Accepts, in one transaction, every proposed claim that only confirms an accepted fact (a further source); returns
    /// their ids. Nothing that would change a standing or add a meeting is accepted here.
    /// </summary>
    public IReadOnlyList<string> AcceptConfirmations(string editor, string? note = null, DateTimeOffset? at = null)
    {
        var ids = QueueByChange().Where(g => g.Kind == ChangeKind.Confirmation).SelectMany(g => g.Claims).Select(c => c.Id).ToList();
        if (ids.Count > 0) Decide(ids, ReviewState.Accepted, editor, note ?? "confirms an accepted fact", at);
        return ids;
    }

    public void Accept(IReadOnlyCollection<string> ids, string editor, string? note = null, DateTimeOffset? at = null) =>
        Decide(ids, ReviewState.Accepted, editor, note, at);

    public void Reject(IReadOnlyCollection<string> ids, string editor, string? note = null, DateTimeOffset? at = null) =>
        Decide(ids, ReviewState.Rejected, editor, note, at);

    /// <summary>
    /// All the decisions are made, or none: an unknown claim, or one already decided the same way, refuses the whole
    /// batch (deciding twice would record a second decision that changes nothing).
    /// </summary>
    private void Decide(IReadOnlyCollection<string> ids, ReviewState decision, string editor, string? note, DateTimeOffset? at)
    {
        var claims = ids.Distinct().Select(id => (Id: id, Claim: store.FindClaim(id))).ToList();
        if (claims.Where(c => c.Claim is null).Select(c => c.Id).ToList() is { Count: > 0 } unknown)
            throw new UnknownClaimException($"no claim with id {string.Join(", ", unknown)}; nothing was decided");
        if (claims.Where(c => c.Claim!.Review == decision).Select(c => c.Id).ToList() is { Count: > 0 } decided)
            throw new AlreadyDecidedException($"claim {string.Join(", ", decided)} {(decided.Count == 1 ? "is" : "are")} already {WireName.Of(decision)}; nothing was decided");
        store.InTransaction(tx =>
        {
            foreach (var (id, _) in claims) store.Decide(tx, id, decision, editor, note, at);
        });
    }

    /// <summary>
    /// Replaces a claim's fact by a corrected one: the corrected claim is recorded (accepted) with the same source and
    /// evidence, naming the claim it corrects, and the original is rejected. Both stay readable.
    /// </summary>
    public Claim Correct(string id, ClaimFact corrected, string editor, string? note = null, DateTimeOffset? at = null)
    {
        var when = at ?? DateTimeOffset.UtcNow;
        var original = store.FindClaim(id) ?? throw new KeyNotFoundException($"no claim with id '{id}'");
        if (corrected.Type != original.Type) throw new ArgumentException($"a {WireName.Of(original.Type)} claim can only be corrected by a {WireName.Of(original.Type)} claim");
        var fixedClaim = original with
        {
            Id = Claim.IdFor(original.SourceId + "#corrected", corrected, original.Evidence),
            Fact = corrected,
            RecordedAt = when,
            RecordedBy = editor,
            Review = ReviewState.Accepted,
            Corrects = original.Id,
            Note = note,
        };
        store.InTransaction(tx =>
        {
            if (store.AddClaims(tx, [fixedClaim]) == 0) throw new InvalidOperationException($"claim {id} already has this correction ({fixedClaim.Id})");
            store.Decide(tx, original.Id, ReviewState.Rejected, editor, $"corrected by {fixedClaim.Id}", when);
            store.AuditIn(tx, editor, "correct", $"claim/{original.Id}", ClaimJson.FactToJson(original.Fact), ClaimJson.FactToJson(corrected), when);
        });
        return fixedClaim;
    }
}

/// <summary>The desk was asked to decide a claim the registry does not hold.</summary>
public sealed class UnknownClaimException(string message) : KeyNotFoundException(message);

/// <summary>The desk was asked to decide a claim the way it is already decided.</summary>
public sealed class AlreadyDecidedException(string message) : InvalidOperationException(message);
