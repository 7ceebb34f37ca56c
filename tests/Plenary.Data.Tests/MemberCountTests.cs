using System.Globalization;
using Plenary.Core.Claims;
using Plenary.Core.Ids;
using Plenary.Core.Standings;
using Plenary.Store.Curated;

namespace Plenary.Data.Tests;

/// <summary>
/// The curated member lists reproduce the well-known member counts of each organization on chosen days, taken from the
/// organizations' own records. The expected figures are listed in <c>MemberCounts/&lt;org&gt;.csv</c>
/// (<c>date,members,source</c>): "members" counts the de jure members on that day (suspended and participation-frozen
/// members included; observers, partners and candidates not).
/// </summary>
public class MemberCountTests
{
    private static readonly Lazy<CuratedRegistry> Registry = new(() => CuratedData.Load(CuratedData.DefaultFolder, DateTimeOffset.UnixEpoch));

    public static TheoryData<string, string, int, string> Counts()
    {
        var data = new TheoryData<string, string, int, string>();
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "MemberCounts"), "*.csv").Order(StringComparer.Ordinal))
        {
            var org = Path.GetFileNameWithoutExtension(file);
            foreach (var (line, i) in File.ReadAllLines(file).Select((l, i) => (l, i)).Skip(1))
            {
                if (string.IsNullOrWhiteSpace(line)) continue;
                var f = line.Split(',', 3);
                if (f.Length != 3) throw new FormatException($"{file}:{i + 1}: expected date,members,source");
                data.Add(org, f[0], int.Parse(f[1], CultureInfo.InvariantCulture), f[2]);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Counts))]
    public void Member_count_on_a_day_is_the_known_figure(string org, string day, int expected, string source)
    {
        var on = DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var members = MembersOn(OrgId.Parse(org), on);
        Assert.True(members.Count == expected,
            $"{org} on {day}: {members.Count} de jure members in data/, {expected} according to {source}: {string.Join(" ", members.Order())}");
    }

    private static List<string> MembersOn(OrgId org, DateOnly on) =>
        Registry.Value.Claims
            .Where(c => c.Fact is MembershipFact m && m.Org == org)
            .GroupBy(c => ((MembershipFact)c.Fact).State)
            // Bounded by the organization's own dates: every membership ends with the organization.
            .Where(g => OrganizationStanding.On(StandingDerivation.Derive(g), Registry.Value.Catalog.FindOrganization(org), on).DeJureMember)
            .Select(g => g.Key.Value)
            .ToList();
}
