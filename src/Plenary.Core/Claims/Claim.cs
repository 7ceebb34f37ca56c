using Plenary.Core.Ids;
using Plenary.Core.Time;

namespace Plenary.Core.Claims;

/// <summary>A <c>[start, end)</c> span of an article's text (C# string indices) that states a claim.</summary>
public readonly record struct Evidence
{
    public int Start { get; }
    public int End { get; }

    public Evidence(int start, int end)
    {
        if (start < 0 || end <= start) throw new ArgumentOutOfRangeException(nameof(end), $"evidence [{start}, {end}) is not a span: need 0 <= start < end");
        Start = start; End = end;
    }

    public int Length => End - Start;
    public bool FitsIn(int textLength) => End <= textLength;
    public string Quote(string text) => text[Start..End];
}

/// <summary>
/// One fact with where it comes from. The registry is bitemporal: <see cref="Fact"/> carries valid time (when the fact
/// holds), <see cref="RecordedAt"/> is when the registry learned it, and a claim is never changed once recorded —
/// a correction is a new claim that <see cref="Corrects"/> the old one; a review decision is recorded beside it.
/// </summary>
public sealed record Claim
{
    public required string Id { get; init; }
    public required ClaimFact Fact { get; init; }
    /// <summary>The article or reference source the claim comes from (an article id or a source key).</summary>
    public required string SourceId { get; init; }
    public IReadOnlyList<Evidence> Evidence { get; init; } = [];
    public Modality Modality { get; init; } = Modality.Reported;
    public required DateTimeOffset RecordedAt { get; init; }
    public required string RecordedBy { get; init; }
    public ReviewState Review { get; init; } = ReviewState.Proposed;
    /// <summary>Free words from the curator or reviewer: why a date is coarse, what was chosen.</summary>
    public string? Note { get; init; }
    /// <summary>The claim this one corrects, when it was made by correcting another.</summary>
    public string? Corrects { get; init; }
    /// <summary>Order of recording within one source (a curated file's order, an article's reading order): breaks same-day ties.</summary>
    public int Sequence { get; init; }

    public ClaimType Type => Fact.Type;

    /// <summary>
    /// A fact from a reference source (curated data, a dataset such as COW), accepted as it is recorded: such sources
    /// are reviewed before they come in, not claim by claim.
    /// </summary>
    public static Claim FromReference(ClaimFact fact, string sourceId, DateTimeOffset recordedAt, string recordedBy, string? note = null, int sequence = 0) => new()
    {
        Id = IdFor(sourceId, fact, []),
        Fact = fact,
        SourceId = sourceId,
        RecordedAt = recordedAt,
        RecordedBy = recordedBy,
        Review = ReviewState.Accepted,
        Note = note,
        Sequence = sequence,
    };

    /// <summary>
    /// The id a claim gets from what it says and where: the same article read twice gives the same ids,
    /// which is what makes ingesting twice change nothing.
    /// </summary>
    public static string IdFor(string sourceId, ClaimFact fact, IReadOnlyList<Evidence> evidence)
    {
        var canonical = $"{sourceId}\n{ClaimJson.FactKey(fact)}\n{string.Join(';', evidence.Select(e => $"{e.Start}-{e.End}"))}";
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(canonical));
        return "c" + Convert.ToHexStringLower(hash.AsSpan(0, 8));
    }
}

/// <summary>Where a fact comes from: a treaty, communiqué, news report, dataset or reference work. Never an invented URL.</summary>
public sealed record Source(string Id, SourceKind Kind, string Title, EdtfDate? Date = null, string? Publisher = null, string? Url = null, string? Note = null);

public enum SourceKind { Treaty, Communique, News, Dataset, Reference, Article }
