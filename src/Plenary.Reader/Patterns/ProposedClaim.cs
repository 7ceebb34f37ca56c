using Plenary.Core.Claims;

namespace Plenary.Reader.Patterns;

/// <summary>
/// A claim the reader proposes: the fact, the spans of text that state it, its modality, and why — the rule that fired
/// and the words that fired it (for <c>--explain</c>).
/// </summary>
public sealed record ProposedClaim(ClaimFact Fact, IReadOnlyList<Evidence> Evidence, Modality Modality, string Rule, string Trigger);
