using Plenary.Core.Claims;

namespace Plenary.Reader.Patterns;

/// <summary>
/// One claim per fact: claims that say the same thing (same state, organization and status; same attendance; same
/// chair) are merged, their evidence united. For a standing, the latest date on which the text asserts it is kept
/// (<c>as_of</c>), and the earliest stated start (<c>date</c>).
/// </summary>
public static class ClaimMerger
{
    public static List<ProposedClaim> Merge(IEnumerable<ProposedClaim> claims)
    {
        var result = new List<ProposedClaim>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var c in claims)
        {
            var key = Key(c.Fact);
            if (key is null || !index.TryGetValue(key, out var at))
            {
                if (key is not null) index[key] = result.Count;
                result.Add(c);
                continue;
            }
            var old = result[at];
            var evidence = old.Evidence.Concat(c.Evidence).Distinct().ToList();
            var fact = (old.Fact, c.Fact) switch
            {
                (MembershipFact a, MembershipFact b) => a with
                {
                    AsOf = Max(a.AsOf, b.AsOf),
                    Date = a.Date is null ? b.Date : b.Date is null ? a.Date : (b.Date < a.Date ? b.Date : a.Date),
                },
                (ChairFact a, ChairFact b) => a with { Person = a.Person ?? b.Person, Date = a.Date ?? b.Date },
                (AttendanceFact a, AttendanceFact b) => a with { Person = a.Person ?? b.Person, Place = a.Place ?? b.Place },
                _ => old.Fact,
            };
            result[at] = old with { Fact = fact, Evidence = evidence };
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
