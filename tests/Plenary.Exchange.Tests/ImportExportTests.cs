using Plenary.Core.Standings;
using Plenary.Core.Claims;
using Plenary.Core.Ids;
using Plenary.Core.Time;
using Plenary.Exchange.Cow;
using Plenary.Exchange.Dyads;
using Plenary.Exchange.Export;
using Plenary.Exchange.Io;
using Plenary.Store;

namespace Plenary.Exchange.Tests;

public class ImportExportTests
{
    private static RegistryStore EmptyStore(string dir, string engine = "sqlite") => RegistryStore.Open(Plenary.Tests.TestEngines.Engine(engine, Path.Combine(dir, "r.db")), empty: true);

    private static Claim Membership(string state, string org, Standing s, EdtfDate date, string source = "news-1")
    {
        var fact = new MembershipFact(StateId.Parse(state), OrgId.Parse(org), s, date);
        return new Claim { Id = Claim.IdFor(source, fact, []), Fact = fact, SourceId = source, RecordedAt = DateTimeOffset.UtcNow, RecordedBy = "test", Review = ReviewState.Accepted };
    }

    [SkippableTheory]
    [MemberData(nameof(Plenary.Tests.TestEngines.Both), MemberType = typeof(Plenary.Tests.TestEngines))]
    public void Import_makes_one_claim_per_run_and_keeps_blank_minus9_and_zero_apart(string engine)
    {
        var dir = TestData.TempDir();
        using var store = EmptyStore(dir, engine);
        var r = new CowImporter(store).Import(new CowImportRequest(Fixtures.IgoYear(dir), null, null), "test");
        var claims = store.MembershipClaims();
        var russiaCsto = claims.Where(c => c.Fact is MembershipFact { State.Value: "RUS", Org.Value: "csto" })
            .Select(c => (MembershipFact)c.Fact).OrderBy(m => m.Date).Select(m => (m.Date!.Value.Year, m.Status)).ToList();
        Assert.Equal([(2010, Standing.Member), (2011, Standing.Unknown), (2012, Standing.Member)], russiaCsto);
        // Armenia's blank 2010 is no claim: its first claim is 2011.
        Assert.Equal(2011, claims.Where(c => c.Fact is MembershipFact { State.Value: "ARM", Org.Value: "csto" }).Min(c => c.Fact.ValidFrom!.Value.Year));
        Assert.All(claims, c => Assert.Equal(CowSources.IgoYear, c.SourceId));
        Assert.Equal(r.ClaimsAdded, claims.Count);
        // Organizations and states were created under their COW names, with the COW ids kept.
        Assert.Equal(1125, store.Catalog.FindOrganization(OrgId.Parse("csto"))!.Cow!.Ionum);
        Assert.Equal(371, store.Catalog.FindState(StateId.Parse("ARM"))!.CowCode);
    }

    [SkippableTheory]
    [MemberData(nameof(Plenary.Tests.TestEngines.Both), MemberType = typeof(Plenary.Tests.TestEngines))]
    public void Both_files_stay_as_claims_of_their_own_source_and_every_disagreement_is_listed(string engine)
    {
        var dir = TestData.TempDir();
        using var store = EmptyStore(dir, engine);
        // The state-year file says Kazakhstan was not a CSTO member in 2013, and Russia 0 in TIGO 2014.
        string Other(string io, string s, int y) => (io, s, y) switch
        {
            ("CSTO", "kazakhstan", 2013) => "0",
            ("TIGO", "russia", 2014) => "0",
            _ => Fixtures.Default(io, s, y),
        };
        var r = new CowImporter(store).Import(new CowImportRequest(Fixtures.IgoYear(dir), Fixtures.StateYear(dir, Other), null), "test");
        Assert.Equal(2, r.Conflicts.FileDisagreements.Count);
        var d = r.Conflicts.FileDisagreements.Single(x => x.Org.Value == "csto");
        Assert.Equal(("KAZ", 2013, CowCode.Full, CowCode.None), (d.State.Value, d.Year, d.CodeA, d.CodeB));
        Assert.Equal(0, r.Conflicts.CoverageDifferences);
        var sources = store.MembershipClaims().Select(c => c.SourceId).Distinct().Order().ToList();
        Assert.Equal([CowSources.IgoYear, CowSources.StateYear], sources);
        var csv = Path.Combine(dir, "conflicts.csv");
        CowConflicts.WriteCsv(r.Conflicts, csv);
        Assert.Equal(3, File.ReadAllLines(csv).Length);
    }

    [SkippableTheory]
    [MemberData(nameof(Plenary.Tests.TestEngines.Both), MemberType = typeof(Plenary.Tests.TestEngines))]
    public void Refused_input_imports_nothing(string engine)
    {
        var dir = TestData.TempDir();
        using var store = EmptyStore(dir, engine);
        var bad = Fixtures.StateYear(dir, (io, s, y) => io == "TIGO" && s == "russia" && y == 2013 ? "x" : Fixtures.Default(io, s, y));
        var e = Assert.Throws<ExchangeInputException>(() =>
            new CowImporter(store).Import(new CowImportRequest(Fixtures.IgoYear(dir), bad, null), "test"));
        Assert.Contains("state.csv, line", e.Message);
        Assert.Equal("tigo", e.ColumnName);
        Assert.Empty(store.MembershipClaims());
        Assert.Empty(store.Catalog.Organizations);
    }

    [SkippableTheory]
    [MemberData(nameof(Plenary.Tests.TestEngines.Both), MemberType = typeof(Plenary.Tests.TestEngines))]
    public void Later_records_carry_the_panel_forward_with_frozen_participation_as_full_membership(string engine)
    {
        var dir = TestData.TempDir();
        using var store = EmptyStore(dir, engine);
        new CowImporter(store).Import(new CowImportRequest(Fixtures.IgoYear(dir), Fixtures.StateYear(dir), null), "test");
        // Armenia froze its CSTO participation in February 2024 (a later, day-precise record).
        store.AddEntities([], [], [], [new Source("news-1", SourceKind.News, "a report")], "test");
        store.AddClaims([Membership("ARM", "csto", Standing.ParticipationFrozen, EdtfDate.OfDay(2024, 2, 22))]);
        var panel = new ExchangeExport(store).Panel(2010, 2024);

        var stateYear = Path.Combine(dir, "sy.csv");
        new ExchangeExport(store).Export(new ExportRequest(ExportTable.StateYear, stateYear, 2023, 2024));
        var t = CowReader.ReadStateYear(stateYear);
        int csto = t.Orgs.ToList().FindIndex(o => o.Ioname == "csto");
        int arm = t.States.ToList().FindIndex(s => s.CowName == "armenia");
        Assert.Equal(CowCode.Full, t.Cell(csto, arm, 2024)); // frozen is still membership in COW's code

        var longFile = Path.Combine(dir, "long.csv");
        new ExchangeExport(store).Export(new ExportRequest(ExportTable.StateYear, longFile, 2024, 2024, Layout: ExportLayout.Long));
        var armRow = File.ReadAllLines(longFile).Single(l => l.Contains("\"ARM\"") && l.Contains("\"csto\""));
        Assert.Contains("\"participation-frozen\",0,", armRow);

        var rows = new List<(int, int, int, int, int)>();
        DyadYears.Compute(panel, 2024, 2024, (a, b, y, f, p) => rows.Add((a, b, y, f, p)));
        // ARM (371) and KAZ (705): joint full CSTO membership, but not both taking part.
        Assert.Contains((371, 705, 2024, 1, 0), rows);
        Assert.Contains((365, 705, 2024, 1, 1), rows);
        // RUS–ARM share CSTO (frozen) but not TIGO, where Armenia is an observer.
        Assert.Contains((365, 371, 2024, 1, 0), rows);
        Assert.Equal(3, rows.Count);
    }

    [SkippableTheory]
    [MemberData(nameof(Plenary.Tests.TestEngines.Both), MemberType = typeof(Plenary.Tests.TestEngines))]
    public async Task Dyad_csv_and_parquet_hold_the_same_rows_as_the_computation(string engine)
    {
        var dir = TestData.TempDir();
        using var store = EmptyStore(dir, engine);
        new CowImporter(store).Import(new CowImportRequest(null, Fixtures.StateYear(dir), null), "test");
        var panel = new ExchangeExport(store).Panel();
        var expected = new List<string>();
        DyadYears.Compute(panel, 2010, 2014, (a, b, y, f, p) => expected.Add($"{a},{b},{y},{f},{p}"));
        var csv = Path.Combine(dir, "d.csv");
        ExchangeExport.Write(panel, new ExportRequest(ExportTable.DyadYear, csv));
        var lines = File.ReadAllLines(csv);
        Assert.Equal("\"ccode1\",\"ccode2\",\"year\",\"joint_full\",\"joint_participating\"", lines[0]);
        Assert.Equal(expected, lines.Skip(1));
        // 2010: Russia and Kazakhstan only (Armenia not in the system); 2011–2014: three dyads each.
        Assert.Equal(1 + 4 * 3, expected.Count);
        Assert.Equal("365,705,2012,1,1", expected.Single(l => l.StartsWith("365,705,2012")));
        Assert.Equal("365,705,2011,0,0", expected.Single(l => l.StartsWith("365,705,2011"))); // Russia is -9 in the CSTO in 2011
        var pq = Path.Combine(dir, "d.parquet");
        ExchangeExport.Write(panel, new ExportRequest(ExportTable.DyadYear, pq, Format: ExportFormat.Parquet));
        await using var reader = await Parquet.ParquetReader.CreateAsync(pq);
        Assert.Equal(expected.Count, reader.RowGroups.Sum(g => g.RowCount));
        var field = reader.Schema.DataFields.Single(f => f.Name == "joint_full");
        var values = new int[expected.Count];
        await reader.RowGroups[0].ReadAsync<int>(field, values.AsMemory(), null);
        Assert.Equal(expected.Select(l => int.Parse(l.Split(',')[3])), values);
    }

    [Fact]
    public void Year_rule_takes_the_standing_that_held_for_the_larger_part_of_the_year()
    {
        var claims = new[]
        {
            Membership("ARM", "csto", Standing.Member, EdtfDate.OfYear(2002)),
            Membership("ARM", "csto", Standing.ParticipationFrozen, EdtfDate.OfDay(2024, 2, 22)),
            Membership("ARM", "csto", Standing.Withdrawn, EdtfDate.OfDay(2025, 9, 1)),
        };
        var periods = Plenary.Core.Standings.StandingDerivation.Derive(claims).Periods;
        Assert.Equal(Standing.Member, YearStanding.Of(periods, 2023));
        Assert.Equal(Standing.ParticipationFrozen, YearStanding.Of(periods, 2024)); // frozen from 22 February: most of the year
        Assert.Equal(Standing.ParticipationFrozen, YearStanding.Of(periods, 2025)); // withdrawn only from September
        Assert.Equal(Standing.Withdrawn, YearStanding.Of(periods, 2026));
        Assert.Equal(Standing.NotMember, YearStanding.Of(periods, 2001));
        var late = Plenary.Core.Standings.StandingDerivation.Derive([Membership("ARM", "eaeu", Standing.Member, EdtfDate.OfDay(2015, 8, 1))]).Periods;
        Assert.Equal(Standing.NotMember, YearStanding.Of(late, 2015)); // member for 153 days of 365
    }

    [SkippableTheory]
    [MemberData(nameof(Plenary.Tests.TestEngines.Both), MemberType = typeof(Plenary.Tests.TestEngines))]
    public void Igo_year_export_writes_cow_layout_with_quoted_text_and_bare_numbers(string engine)
    {
        var dir = TestData.TempDir();
        using var store = EmptyStore(dir, engine);
        var igo = Fixtures.IgoYear(dir);
        new CowImporter(store).Import(new CowImportRequest(igo, null, null), "test");
        var outFile = Path.Combine(dir, "out.csv");
        new ExchangeExport(store).Export(new ExportRequest(ExportTable.IgoYear, outFile));
        Assert.Equal(File.ReadAllLines(igo), File.ReadAllLines(outFile));
    }

    [Fact]
    public void A_registry_created_before_the_exchange_gets_its_tables_when_opened()
    {
        var dir = TestData.TempDir();
        using (var store = EmptyStore(dir))
        {
            // As if the registry had been created, at a schema version past 0010, by a build without this migration.
            foreach (var t in new[] { "exchange_cow_org", "exchange_cow_state", "exchange_cow_observed", "exchange_igo_row", "exchange_state_row", "exchange_system_spell" })
            {
                store.InTransaction(tx => { using var cmd = tx.Command($"DROP TABLE {t}"); cmd.ExecuteNonQuery(); });
            }
            Assert.Equal(1, store.InTransaction(tx => { using var ledger = tx.Command("DELETE FROM plenary_migrations WHERE version = 10"); return ledger.ExecuteNonQuery(); }));
        }
        using var reopened = RegistryStore.Open(new Plenary.Store.Sqlite.SqliteEngine(Path.Combine(dir, "r.db")));
        var r = new CowImporter(reopened).Import(new CowImportRequest(Fixtures.IgoYear(dir), null, null), "test");
        Assert.True(r.ClaimsAdded > 0);
        Assert.NotEmpty(new Plenary.Exchange.Storage.ExchangeRepository(reopened).Load().Observed);
    }
}
