using Plenary.Core.Claims;
using Plenary.Core.Ids;
using Plenary.Core.Registry;
using Plenary.Core.Time;

namespace Plenary.Core.Standings;

/// <summary>A run of years in which COW IGO v3 codes one state in one organization the same way (data/cow/memberships.csv).</summary>
public sealed record CowSpell(OrgId Org, StateId State, Standing Status, int FirstYear, int LastYear);

/// <summary>A run of years in which COW IGO v3 codes the organization's members (data/cow/coverage.csv).</summary>
public sealed record CowYears(OrgId Org, int FirstYear, int LastYear);

/// <summary>
/// COW IGO v3 as the historical baseline of every registry: its membership spells become year-precise claims (source
/// <see cref="SourceId"/>) and its years become the organization's coverage — where the curated facts do not speak.
/// <list type="bullet">
/// <item>A state and an organization with curated membership facts: the curated facts alone (COW's spells for the pair are
///   not used; where the two disagree, data/cow-disagreements/ says so).</item>
/// <item>An organization with a curated coverage: COW speaks only for the years before the one the curated coverage begins
///   in (a spell still running then ends with a not-member claim on the day the curated list begins, which that complete
///   list says anyway).</item>
/// <item>After a spell: not a member where COW still codes the organization, nothing where the organization ended then,
///   otherwise unknown (a spell running to 2014, the end of COW's data, is not a claim about 2015).</item>
/// </list>
/// </summary>
public static class CowBaseline
{
    public const string SourceId = "cow-igo-v3";
    public const string RecordedBy = "cow-igo-v3";

    public sealed record Result(IReadOnlyList<Organization> Organizations, IReadOnlyList<Claim> Claims);

    public static Result Apply(IReadOnlyList<Organization> organizations, IEnumerable<Claim> curated, IEnumerable<CowSpell> spells,
        IEnumerable<CowYears> years, DateTimeOffset recordedAt)
    {
        var curatedPairs = curated.Select(c => c.Fact).OfType<MembershipFact>().Select(m => (m.Org, m.State)).ToHashSet();
        var limits = organizations.ToDictionary(o => o.Id, o => o.Coverage.Count == 0 ? DateOnly.MaxValue
            : o.Coverage.Min(c => c.Period.From?.Start ?? DateOnly.MinValue));
        var runs = years.Where(y => limits.ContainsKey(y.Org)).GroupBy(y => y.Org).ToDictionary(g => g.Key, g => g.OrderBy(y => y.FirstYear).ToList());

        var orgs = organizations.Select(o =>
        {
            if (!runs.TryGetValue(o.Id, out var r)) return o;
            var limit = limits[o.Id];
            // Whole years only: COW codes a year as a whole, and the curated list speaks for the year it begins in.
            var added = r.Where(y => y.FirstYear < limit.Year).Select(y => new Coverage(
                new EdtfInterval(EdtfDate.OfYear(y.FirstYear), EdtfDate.OfYear(Math.Min(y.LastYear, limit.Year - 1))),
                SourceId, "COW IGO v3: the years in which it codes the organization's members")).ToList();
            return added.Count == 0 ? o : o with { Coverage = [.. o.Coverage, .. added] };
        }).ToList();
        var byId = orgs.ToDictionary(o => o.Id);

        var claims = new List<Claim>();
        foreach (var pair in spells.Where(s => byId.ContainsKey(s.Org) && !curatedPairs.Contains((s.Org, s.State))).GroupBy(s => (s.Org, s.State)))
        {
            var org = byId[pair.Key.Org];
            var limit = limits[org.Id];
            bool Observed(int year) => runs.TryGetValue(org.Id, out var r) && r.Any(y => y.FirstYear <= year && year <= y.LastYear);
            var list = pair.OrderBy(s => s.FirstYear).ToList();
            for (int i = 0; i < list.Count; i++)
            {
                var s = list[i];
                if (s.FirstYear >= limit.Year) break;
                Add(s.Org, s.State, s.Status, EdtfDate.OfYear(s.FirstYear));
                if (new DateOnly(s.LastYear, 12, 31) >= limit) { Add(s.Org, s.State, Standing.NotMember, EdtfDate.Of(limit)); break; }
                if (i + 1 < list.Count && list[i + 1].FirstYear == s.LastYear + 1) continue;
                int next = s.LastYear + 1;
                if (Observed(next)) Add(s.Org, s.State, Standing.NotMember, EdtfDate.OfYear(next));
                else if (org.EndedOn() is { } end && end.Start.Year <= next) { }
                else Add(s.Org, s.State, Standing.Unknown, EdtfDate.OfYear(next));
            }
        }
        return new Result(orgs, claims);

        void Add(OrgId org, StateId state, Standing status, EdtfDate date) =>
            claims.Add(Claim.FromReference(new MembershipFact(state, org, status, date), SourceId, recordedAt, RecordedBy, null, claims.Count));
    }
}
