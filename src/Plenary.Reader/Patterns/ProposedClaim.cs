using Plenary.Core.Claims;

namespace Plenary.Reader.Patterns;

/// <summary>
/// A claim the reader proposes: the fact, the spans of text that state it, its modality, and why — the rule that fired
/// and the words that fired it (for <c>--explain</c>).
/// </summary>
public sealed record ProposedClaim(ClaimFact Fact, IReadOnlyList<Evidence> Evidence, Modality Modality, string Rule, string Trigger)
{
    /// <summary>True when the text itself dates the assertion (a standing's <c>as_of</c>), not the publication date by default.</summary>
    public bool DatedByText { get; init; }

    /// <summary>True when a time expression next to the trigger gives the fact's own date (a standing's start).</summary>
    public bool StartStated { get; init; }
}
