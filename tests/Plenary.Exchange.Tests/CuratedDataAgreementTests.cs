using Plenary.Core.Claims;
using Plenary.Core.Standings;
using Plenary.Exchange.Cow;
using Plenary.Exchange.Panel;
using Plenary.Exchange.Storage;
using Plenary.Store;
using Plenary.Store.Curated;
using YamlDotNet.RepresentationModel;

namespace Plenary.Exchange.Tests;

/// <summary>
/// The data is the product too: where COW IGO v3 covers a curated organization and a year, the standing the curated
/// files derive must agree with COW's code, or the disagreement must be listed in data/cow-disagreements/ — and
/// everything listed there must be a real disagreement.
/// </summary>
public class CuratedDataAgreementTests
{
    private sealed record Cell(string Org, string State, int Year, int Cow, int Registry)
    {
        public override string ToString() => $"{Org} {State} {Year}: COW {Cow}, curated {Registry}";
    }

    [SkippableFact]
    public void Every_disagreement_with_cow_is_listed_and_every_listed_one_is_real()
    {
        TestData.SkipWithoutCow();
        var dir = TestData.TempDir();
        using var store = RegistryStore.Open(new Plenary.Store.Sqlite.SqliteEngine(Path.Combine(dir, "r.db")), seed: s => CuratedSeeding.Seed(s));
        new CowImporter(store).Import(new CowImportRequest(TestData.IgoYear, null, null), "test");
        var data = new ExchangeRepository(store).Load();
        var claims = store.MembershipClaims();
        var curated = claims.Where(c => c.RecordedBy == CuratedData.RecordedBy).ToList();
        // Organizations whose memberships are curated at all: for them, no fact means no membership.
        var curatedOrgs = curated.Select(c => ((MembershipFact)c.Fact).Org).Where(o => store.Catalog.FindOrganization(o)?.Cow is not null).ToHashSet();
        var cowClaims = claims.Where(c => c.SourceId == CowSources.IgoYear).ToLookup(c => Pair(c));
        var curatedClaims = curated.ToLookup(c => Pair(c));

        var actual = new HashSet<Cell>();
        foreach (var spell in data.Observed.Where(s => s.SourceId == CowSources.IgoYear && curatedOrgs.Contains(s.Org)))
        {
            var key = (spell.Org.Value, spell.State.Value);
            var cow = StandingDerivation.Derive(cowClaims[key]).Periods;
            var mine = StandingDerivation.Derive(curatedClaims[(key.Item1, SameStateInCuratedData.GetValueOrDefault(key.Item2, key.Item2))]).Periods;
            for (int y = spell.From; y <= spell.To; y++)
            {
                int c = CowCode.FromStanding(YearStanding.Of(cow, y));
                if (c == CowCode.Missing) continue;
                int m = CowCode.FromStanding(YearStanding.Of(mine, y));
                if (c != m) actual.Add(new Cell(key.Item1, key.Item2, y, c, m));
            }
        }

        var listed = Listed(Path.Combine(CuratedData.DefaultFolder, "cow-disagreements"));
        var unlisted = actual.Select(c => (c.Org, c.State, c.Year, c.Cow)).Except(listed.Keys).ToList();
        var stale = listed.Keys.Except(actual.Select(c => (c.Org, c.State, c.Year, c.Cow))).ToList();
        Assert.True(unlisted.Count == 0, $"{unlisted.Count} disagreements with COW are not in data/cow-disagreements/:\n" +
            string.Join("\n", actual.Where(c => unlisted.Contains((c.Org, c.State, c.Year, c.Cow))).OrderBy(c => c.Org).ThenBy(c => c.State).ThenBy(c => c.Year).Take(60)));
        Assert.True(stale.Count == 0, $"{stale.Count} cells listed in data/cow-disagreements/ agree with COW (or COW has no such cell):\n" +
            string.Join("\n", stale.Order().Take(60).Select(s => $"{s.Item1} {s.Item2} {s.Item3} (listed with COW {s.Item4}, at {listed[s]})")));
    }

    /// <summary>
    /// COW keeps the Federal Republic of 1955–1990 apart (260, "wgermany"; the import's id XGF) from Germany (255); the
    /// curated data holds both under DEU (see its note in data/states.yaml).
    /// </summary>
    private static readonly Dictionary<string, string> SameStateInCuratedData = new() { ["XGF"] = "DEU" };

    private static (string, string) Pair(Claim c) => (((MembershipFact)c.Fact).Org.Value, ((MembershipFact)c.Fact).State.Value);

    /// <summary>Each listed cell (org, state, year, COW's code) with the file and line of its entry.</summary>
    private static Dictionary<(string, string, int, int), string> Listed(string folder)
    {
        var cells = new Dictionary<(string, string, int, int), string>();
        foreach (var path in Directory.GetFiles(folder, "*.yaml").Order(StringComparer.Ordinal))
        {
            var yaml = new YamlStream();
            using (var reader = new StreamReader(path)) yaml.Load(reader);
            foreach (var node in ((YamlSequenceNode)yaml.Documents[0].RootNode).Children.Cast<YamlMappingNode>())
            {
                string Get(string k) => ((YamlScalarNode)node.Children[new YamlScalarNode(k)]).Value!;
                var years = Get("years").Split('-');
                int from = int.Parse(years[0], System.Globalization.CultureInfo.InvariantCulture);
                int to = years.Length > 1 ? int.Parse(years[1], System.Globalization.CultureInfo.InvariantCulture) : from;
                for (int y = from; y <= to; y++)
                    cells[(Get("org"), Get("state"), y, int.Parse(Get("cow"), System.Globalization.CultureInfo.InvariantCulture))] = $"{Path.GetFileName(path)}:{node.Start.Line}";
            }
        }
        return cells;
    }
}
