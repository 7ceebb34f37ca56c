using System.Diagnostics;
using Plenary.Exchange.Cow;
using Plenary.Exchange.Export;
using Plenary.Store;
using Xunit.Abstractions;

namespace Plenary.Exchange.Tests;

/// <summary>
/// The acceptance round trips: each COW file imported alone into an empty registry and exported again in its own layout
/// gives back every membership cell (organization × year × state, including empty, -1 and -9 cells) and every row.
/// </summary>
public class RoundTripTests(ITestOutputHelper output)
{
    /// <summary>Cells of two tables of the same layout that differ, by (row key, column), including rows only one has.</summary>
    internal static List<string> Differences(CowTable a, CowTable b)
    {
        var diffs = new List<string>();
        var orgsA = a.Orgs.Select((o, i) => (o.Ioname.ToLowerInvariant(), i)).ToDictionary(x => x.Item1, x => x.i);
        var orgsB = b.Orgs.Select((o, i) => (o.Ioname.ToLowerInvariant(), i)).ToDictionary(x => x.Item1, x => x.i);
        var statesA = a.States.Select((s, i) => (s.Ccode, i)).ToDictionary(x => x.Ccode, x => x.i);
        var statesB = b.States.Select((s, i) => (s.Ccode, i)).ToDictionary(x => x.Ccode, x => x.i);
        foreach (var k in orgsA.Keys.Union(orgsB.Keys)) if (!orgsA.ContainsKey(k) || !orgsB.ContainsKey(k)) diffs.Add($"organization {k} only in one");
        foreach (var k in statesA.Keys.Union(statesB.Keys)) if (!statesA.ContainsKey(k) || !statesB.ContainsKey(k)) diffs.Add($"state {k} only in one");
        int first = Math.Min(a.FirstYear, b.FirstYear), last = Math.Max(a.LastYear, b.LastYear);
        bool RowA(int o, int s, int y) => y >= a.FirstYear && y <= a.LastYear && a.Rows[(a.Kind == CowFileKind.IgoYear ? o : s) * a.YearCount + y - a.FirstYear];
        bool RowB(int o, int s, int y) => y >= b.FirstYear && y <= b.LastYear && b.Rows[(b.Kind == CowFileKind.IgoYear ? o : s) * b.YearCount + y - b.FirstYear];
        foreach (var (org, oa) in orgsA)
        {
            if (!orgsB.TryGetValue(org, out var ob)) continue;
            foreach (var (cc, sa) in statesA)
            {
                if (!statesB.TryGetValue(cc, out var sb)) continue;
                for (int y = first; y <= last; y++)
                {
                    bool ra = RowA(oa, sa, y), rb = RowB(ob, sb, y);
                    if (ra != rb) { diffs.Add($"{org} × {cc} {y}: row {(ra ? "only in the original" : "only in the export")}"); continue; }
                    if (!ra) continue;
                    var ca = a.Cell(oa, sa, y);
                    var cb = b.Cell(ob, sb, y);
                    if (ca != cb) diffs.Add($"{org} × {cc} {y}: {ca} ≠ {cb}");
                }
            }
        }
        return diffs;
    }

    [SkippableFact]
    public void Igo_year_file_alone_round_trips_with_zero_differences()
    {
        TestData.SkipWithoutCow();
        var dir = TestData.TempDir();
        using var store = RegistryStore.Open(new Plenary.Store.Sqlite.SqliteEngine(Path.Combine(dir, "r.db")), empty: true);
        var clock = Stopwatch.StartNew();
        var result = new CowImporter(store).Import(new CowImportRequest(TestData.IgoYear, null, null), "test");
        output.WriteLine($"import: {result.ClaimsAdded} claims, {clock.Elapsed.TotalSeconds:F1} s");
        clock.Restart();
        var outFile = Path.Combine(dir, "igo-year.csv");
        new ExchangeExport(store).Export(new ExportRequest(ExportTable.IgoYear, outFile, 1816, 2014));
        output.WriteLine($"export: {clock.Elapsed.TotalSeconds:F1} s");

        var original = CowReader.ReadIgoYear(TestData.IgoYear);
        var exported = CowReader.ReadIgoYear(outFile);
        var diffs = Differences(original, exported);
        output.WriteLine($"differing cells: {diffs.Count}");
        foreach (var d in diffs.Take(20)) output.WriteLine(d);
        Assert.Empty(diffs);
        Assert.Equal(original.Rows.Count(r => r), exported.Rows.Count(r => r));
        // The IGO-year file's own columns come back as written.
        foreach (var (key, meta) in original.RowMeta)
        {
            var o = exported.Orgs.ToList().FindIndex(x => x.Ioname == original.Orgs[key.Org].Ioname);
            Assert.Equal(meta, exported.RowMeta[(o, key.Year)]);
        }

        // Importing the same file again changes nothing.
        var again = new CowImporter(store).Import(new CowImportRequest(TestData.IgoYear, null, null), "test");
        Assert.Equal(0, again.ClaimsAdded);
        Assert.Equal(0, again.Records.Total);
    }

    [SkippableFact]
    public void State_year_file_alone_round_trips_with_zero_differences()
    {
        TestData.SkipWithoutCow();
        var dir = TestData.TempDir();
        using var store = RegistryStore.Open(new Plenary.Store.Sqlite.SqliteEngine(Path.Combine(dir, "r.db")), empty: true);
        var result = new CowImporter(store).Import(new CowImportRequest(null, TestData.StateYear, null), "test");
        output.WriteLine($"import: {result.ClaimsAdded} claims");
        var outFile = Path.Combine(dir, "state-year.csv");
        new ExchangeExport(store).Export(new ExportRequest(ExportTable.StateYear, outFile, 1816, 2014));
        var original = CowReader.ReadStateYear(TestData.StateYear);
        var exported = CowReader.ReadStateYear(outFile);
        var diffs = Differences(original, exported);
        output.WriteLine($"differing cells: {diffs.Count}");
        foreach (var d in diffs.Take(20)) output.WriteLine(d);
        Assert.Empty(diffs);
        Assert.Equal(original.Rows.Count(r => r), exported.Rows.Count(r => r));
    }

    [SkippableFact]
    public void Both_files_keep_their_own_claims_and_every_disagreement_is_counted()
    {
        TestData.SkipWithoutCow();
        var dir = TestData.TempDir();
        using var store = RegistryStore.Open(new Plenary.Store.Sqlite.SqliteEngine(Path.Combine(dir, "r.db")), empty: true);
        var result = new CowImporter(store).Import(new CowImportRequest(TestData.IgoYear, TestData.StateYear, null), "test");
        output.WriteLine($"COW's two files disagree in {result.Conflicts.FileDisagreements.Count} cells; {result.Conflicts.CoverageDifferences} cells are observed by one file only");
        // The same comparison made from the claims in the registry (as when the files are imported at different times).
        var fromClaims = CowConflicts.Compare(store.MembershipClaims(), new Plenary.Exchange.Storage.ExchangeRepository(store).Load(), store.Catalog);
        Assert.Equal(fromClaims.FileDisagreements, result.Conflicts.FileDisagreements);
        Assert.Equal(fromClaims.CoverageDifferences, result.Conflicts.CoverageDifferences);
        Assert.Equal(2991, result.Conflicts.FileDisagreements.Count);
        var byKind = result.Conflicts.FileDisagreements.GroupBy(d => (d.CodeA, d.CodeB)).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(1525, byKind[(CowCode.Full, CowCode.None)]); // a 1 in the IGO-year file where the state-year file has 0
        Assert.Equal(result.ClaimsAdded, store.MembershipClaims().Count);
    }
}
