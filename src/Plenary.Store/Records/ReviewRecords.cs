using System.Text.Json;
using Dapper;
using Plenary.Core.Claims;

namespace Plenary.Store.Records;

/// <summary>Review decisions: every decision a new row, so earlier decisions stay readable; a claim's review is its latest decision.</summary>
public sealed class ReviewRecords(StoreEngine engine, AuditLog audit)
{
    /// <summary>Records a review decision with its audit entry, inside the caller's transaction.</summary>
    public void Decide(StoreTransaction tx, string claimId, ReviewState decision, string by, string? note = null, DateTimeOffset? at = null)
    {
        var when = at ?? DateTimeOffset.UtcNow;
        var found = tx.Connection.Query<string?>(
            "SELECT (SELECT decision FROM claim_reviews r WHERE r.claim_id = c.id ORDER BY r.seq DESC LIMIT 1) FROM claims c WHERE c.id = @id",
            new { id = claimId }, tx.Transaction).ToList();
        if (found.Count == 0) throw new KeyNotFoundException($"no claim with id '{claimId}'");
        var before = found[0] ?? WireName.Of(ReviewState.Proposed);
        tx.Connection.Execute("INSERT INTO claim_reviews(claim_id, decision, decided_at, decided_by, note) VALUES (@id, @d, @at, @by, @note)",
            new { id = claimId, d = WireName.Of(decision), at = engine.TimeValue(when), by, note }, tx.Transaction);
        audit.Add(tx, by, WireName.Of(decision) switch { "accepted" => "accept", "rejected" => "reject", var d => d }, $"claim/{claimId}",
            JsonSerializer.Serialize(new { review = before }), JsonSerializer.Serialize(new { review = WireName.Of(decision), note }), when);
    }
}
