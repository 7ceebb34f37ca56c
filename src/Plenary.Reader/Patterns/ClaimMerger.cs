using Plenary.Core.Claims;

namespace Plenary.Reader.Patterns;

/// <summary>
/// One claim per fact: claims that say the same thing (same state, organization and status; same attendance; same
/// chair) are merged, their evidence united. For a standing, the latest date on which the text asserts it is kept
/// (<c>as_of</c>), and the earliest stated start (<c>date</c>).
/// </summary>
public static class ClaimMerger
{
    public const int MaxEvidence = 6;

    public static List<ProposedClaim> Merge(IEnumerable<ProposedClaim> claims)
    {
        var result = new List<ProposedClaim>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var c in claims)
        {
            var key = Key(c.Fact);
            if (c.Fact is MembershipFact { Date: { } d } && c.StartStated && key is not null && index.TryGetValue(key, out var prior)
                && result[prior].StartStated && result[prior].Fact is MembershipFact { Date: { } pd } && !pd.Overlaps(d))
                key += "|" + d;
            if (key is null || !index.TryGetValue(key, out var at))
            {
                if (key is not null) index[key] = result.Count;
                result.Add(c);
                continue;
            }
            var old = result[at];
            // a fact repeated all over a long text keeps its first few places: enough to review it, bounded to store
            var evidence = old.Evidence.Count >= MaxEvidence ? old.Evidence : old.Evidence.Concat(c.Evidence).Distinct().Take(MaxEvidence).ToList();
            var fact = (old.Fact, c.Fact) switch
            {
                (MembershipFact a, MembershipFact b) => a with
                {
                    AsOf = old.DatedByText == c.DatedByText ? Max(a.AsOf, b.AsOf) : old.DatedByText ? a.AsOf : b.AsOf,
                    // a date the text states beats one taken from the context; of two stated, the earlier
                    Date = a.Date is null ? b.Date : b.Date is null ? a.Date
                        : old.StartStated != c.StartStated ? (old.StartStated ? a.Date : b.Date)
                        : old.DatedByText != c.DatedByText ? (old.DatedByText ? a.Date : b.Date)
                        : (b.Date < a.Date ? b.Date : a.Date),
                },
                (ChairFact a, ChairFact b) => a with { Person = a.Person ?? b.Person, Date = a.Date ?? b.Date },
                (AttendanceFact a, AttendanceFact b) => a with { Person = a.Person ?? b.Person, Place = a.Place ?? b.Place },
                _ => old.Fact,
            };
            result[at] = old with { Fact = fact, Evidence = evidence, DatedByText = old.DatedByText || c.DatedByText, StartStated = old.StartStated || c.StartStated };
        }
        return result;
    }

    private static Core.Time.EdtfDate? Max(Core.Time.EdtfDate? a, Core.Time.EdtfDate? b) =>
        a is null ? b : b is null ? a : (a.Value.End >= b.Value.End ? a : b);

    private static string? Key(ClaimFact f) => f switch
    {
        MembershipFact m => $"m|{m.State}|{m.Org}|{m.Status}",
        AttendanceFact a => $"a|{a.State}|{a.Org}|{a.MeetingDate}|{a.Attendance}",
        ChairFact c => $"c|{c.Org}|{c.State}|{c.Scope}",
        _ => null,
    };
}
