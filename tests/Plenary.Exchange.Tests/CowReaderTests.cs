using System.IO.Compression;
using Plenary.Exchange.Cow;
using Plenary.Exchange.Io;

namespace Plenary.Exchange.Tests;

public class CowReaderTests
{
    private static readonly string MetaHeader = string.Join(',', CowTable.IgoMetaColumns.Select(c => $"\"{c}\""));
    private const string Meta = "2002,,0,0,0,\"Collective Security Treaty Organization\",1125,,3,\"Not applicable - created 1965 or later\",\"\",0,1,0,0";

    private static string IgoFile(params string[] rows)
    {
        var path = Path.Combine(TestData.TempDir(), "igo.csv");
        File.WriteAllText(path, $"\"ioname\",\"orgname\",\"year\",\"armenia\",\"russia\",{MetaHeader}\n" + string.Join("", rows.Select(r => r + "\n")));
        return path;
    }

    private static string StateFile(params string[] rows)
    {
        var path = Path.Combine(TestData.TempDir(), "state.csv");
        File.WriteAllText(path, "\"ccode\",\"year\",\"state\",\"csto\",\"cis\"\n" + string.Join("", rows.Select(r => r + "\n")));
        return path;
    }

    [Fact]
    public void Reads_igo_year_cells_rows_and_metadata()
    {
        var t = CowReader.ReadIgoYear(IgoFile(
            $"\"CSTO\",\"Coll. Sec.\",2002,1,-9,{Meta}",
            $"\"CSTO\",\"Coll. Sec.\",2003,,0,{Meta}"));
        Assert.Equal(CowFileKind.IgoYear, t.Kind);
        Assert.Equal(["armenia", "russia"], t.States.Select(s => s.CowName));
        Assert.Equal(1125, t.Orgs.Single().Ionum);
        Assert.Equal(CowCode.Full, t.Cell(0, 0, 2002));
        Assert.Equal(CowCode.Missing, t.Cell(0, 1, 2002));
        Assert.Equal(CowCode.NoCell, t.Cell(0, 0, 2003));
        Assert.Equal(CowCode.None, t.Cell(0, 1, 2003));
        Assert.Equal("Coll. Sec.", t.RowMeta[(0, 2003)][0]);
        Assert.Equal("Collective Security Treaty Organization", t.RowMeta[(0, 2003)][6]);
    }

    [Fact]
    public void Reads_state_year_with_minus_one_as_no_cell()
    {
        var t = CowReader.ReadStateYear(StateFile("371,1991,\"armenia\",-1,1", "371,1992,\"armenia\",-1,1", "365,1992,\"russia\",-1,1"));
        Assert.Equal(2, t.States.Count);
        Assert.Equal(CowCode.NoCell, t.Cell(0, 0, 1991));
        Assert.Equal(CowCode.Full, t.Cell(1, 0, 1991));
        Assert.False(t.Rows[1 * t.YearCount + 0]); // russia 1991 has no row
    }

    [Fact]
    public void Refuses_a_wrong_header_naming_the_column()
    {
        var path = Path.Combine(TestData.TempDir(), "bad.csv");
        File.WriteAllText(path, $"\"ioname\",\"orgname\",\"year\",\"armenia\",\"narnia\",{MetaHeader}\n");
        var e = Assert.Throws<ExchangeInputException>(() => CowReader.ReadIgoYear(path));
        Assert.Equal(1, e.Line);
        Assert.Equal(5, e.Column);
        Assert.Contains("narnia", e.Message);
    }

    [Fact]
    public void Refuses_a_non_numeric_code_naming_line_and_column()
    {
        var e = Assert.Throws<ExchangeInputException>(() => CowReader.ReadIgoYear(IgoFile(
            $"\"CSTO\",\"x\",2002,1,0,{Meta}",
            $"\"CSTO\",\"x\",2003,1,yes,{Meta}")));
        Assert.Equal(3, e.Line);
        Assert.Equal(5, e.Column);
        Assert.Equal("russia", e.ColumnName);
        Assert.Contains("igo.csv, line 3, column 5 (russia)", e.Message);
    }

    [Fact]
    public void Refuses_a_code_cow_does_not_have()
    {
        var e = Assert.Throws<ExchangeInputException>(() => CowReader.ReadStateYear(StateFile("371,1991,\"armenia\",-1,4")));
        Assert.Equal((2L, 5), (e.Line!.Value, e.Column!.Value));
        var e2 = Assert.Throws<ExchangeInputException>(() => CowReader.ReadStateYear(StateFile("371,1991,\"armenia\",-1,")));
        Assert.Equal("cis", e2.ColumnName);
    }

    [Fact]
    public void Refuses_a_duplicate_row_naming_both_lines()
    {
        var e = Assert.Throws<ExchangeInputException>(() => CowReader.ReadStateYear(StateFile(
            "371,1991,\"armenia\",-1,1", "371,1992,\"armenia\",-1,1", "371,1991,\"armenia\",-1,0")));
        Assert.Equal(4, e.Line);
        Assert.Contains("line 2", e.Problem);
        var e2 = Assert.Throws<ExchangeInputException>(() => CowReader.ReadIgoYear(IgoFile(
            $"\"CSTO\",\"x\",2002,1,0,{Meta}", $"\"CSTO\",\"x\",2002,1,0,{Meta}")));
        Assert.Equal(3, e2.Line);
    }

    [Fact]
    public void Refuses_a_short_row()
    {
        var e = Assert.Throws<ExchangeInputException>(() => CowReader.ReadStateYear(StateFile("371,1991,\"armenia\",-1")));
        Assert.Equal(2, e.Line);
        Assert.Contains("4 fields", e.Problem);
    }

    [Fact]
    public void Refuses_a_state_whose_number_and_name_disagree()
    {
        var e = Assert.Throws<ExchangeInputException>(() => CowReader.ReadStateYear(StateFile("371,1991,\"russia\",-1,1")));
        Assert.Equal(3, e.Column);
    }

    [Fact]
    public void Refuses_a_truncated_gzip()
    {
        var dir = TestData.TempDir();
        var plain = new System.Text.StringBuilder("\"ccode\",\"year\",\"state\",\"csto\",\"cis\"\n");
        for (int y = 1816; y <= 2014; y++) plain.Append($"365,{y},\"russia\",{(y % 7 == 0 ? 1 : 0)},{(y % 3 == 0 ? -9 : 1)}\n");
        var gz = Path.Combine(dir, "state.csv.gz");
        using (var f = File.Create(gz))
        using (var z = new GZipStream(f, CompressionLevel.Optimal))
            z.Write(System.Text.Encoding.UTF8.GetBytes(plain.ToString()));
        Assert.Equal(199, CowReader.ReadStateYear(gz).Rows.Count(r => r));
        var bytes = File.ReadAllBytes(gz);
        foreach (var cut in new[] { bytes.Length - 3, bytes.Length / 2, 30 })
        {
            var cutPath = Path.Combine(dir, $"cut{cut}.csv.gz");
            File.WriteAllBytes(cutPath, bytes[..cut]);
            var e = Assert.Throws<ExchangeInputException>(() => CowReader.ReadStateYear(cutPath));
            Assert.Contains("gzip", e.Problem);
            Assert.Equal(cutPath, e.File);
        }
    }

    [SkippableFact]
    public void Reads_the_real_files()
    {
        TestData.SkipWithoutCow();
        var igo = CowReader.ReadIgoYear(TestData.IgoYear);
        Assert.Equal(534, igo.Orgs.Count);
        Assert.Equal(217, igo.States.Count);
        Assert.Equal(19335, igo.Rows.Count(r => r));
        Assert.Equal((1816, 2014), (igo.FirstYear, igo.LastYear));
        var sy = CowReader.ReadStateYear(TestData.StateYear);
        Assert.Equal(534, sy.Orgs.Count);
        Assert.Equal(217, sy.States.Count);
        Assert.Equal(15557, sy.Rows.Count(r => r));
        int csto = igo.Orgs.ToList().FindIndex(o => o.Ioname == "CSTO");
        int arm = igo.States.ToList().FindIndex(s => s.CowName == "armenia");
        Assert.Equal(CowCode.Full, igo.Cell(csto, arm, 2014));
    }
}
