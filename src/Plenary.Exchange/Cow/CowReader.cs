using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Plenary.Exchange.Io;

namespace Plenary.Exchange.Cow;

/// <summary>
/// Reads COW IGO v3's two layouts (CSV or gzip-compressed CSV) into a <see cref="CowTable"/>, refusing anything it does
/// not understand — a wrong header, a code that is not one of COW's, a duplicate row, a short row, a damaged gzip —
/// with the file, line and column named. Reading never touches the registry, so refused input imports nothing.
/// </summary>
public static class CowReader
{
    private const int MinYear = 1000, MaxYear = 2999;

    public static CowTable Read(string path, CowFileKind kind, IProgress<long>? linesRead = null) =>
        kind == CowFileKind.IgoYear ? ReadIgoYear(path, linesRead) : ReadStateYear(path, linesRead);

    /// <summary>Tells the layout from the header: <c>ioname,…</c> is IGO-year, <c>ccode,…</c> is state-year.</summary>
    public static CowFileKind DetectKind(string path)
    {
        using var text = InputFile.OpenText(path);
        var first = text.ReadLine() ?? throw new ExchangeInputException(path, 1, null, null, "the file is empty");
        if (first.StartsWith("\"ioname\"", StringComparison.Ordinal) || first.StartsWith("ioname", StringComparison.Ordinal)) return CowFileKind.IgoYear;
        if (first.StartsWith("\"ccode\"", StringComparison.Ordinal) || first.StartsWith("ccode", StringComparison.Ordinal)) return CowFileKind.StateYear;
        throw new ExchangeInputException(path, 1, 1, null, "not a COW IGO v3 file: the header must start with ioname (IGO-year) or ccode (state-year)");
    }

    private sealed class Csv : IDisposable
    {
        private readonly TextReader _text;
        private readonly CsvParser _parser;
        public string Path { get; }
        public string[] Header { get; private set; } = [];
        public long Line => _parser.RawRow;

        public Csv(string path)
        {
            Path = path;
            _text = InputFile.OpenText(path);
            var config = new CsvConfiguration(CultureInfo.InvariantCulture)
            {
                HasHeaderRecord = false,
                Mode = CsvMode.RFC4180,
                BadDataFound = args => throw new ExchangeInputException(path, args.Context.Parser?.RawRow, null, null,
                    $"malformed CSV field {Shorten(args.Field)} (a stray or unclosed quote)"),
            };
            _parser = new CsvParser(_text, config);
        }

        public string[]? Next()
        {
            try
            {
                return _parser.Read() ? _parser.Record : null;
            }
            catch (Exception e) when (e is ExchangeInputException or CsvHelperException or System.Text.DecoderFallbackException or IOException or InvalidDataException)
            {
                // A damaged gzip stream or invalid UTF-8 shows up while the parser fills its buffer: name the line it reached.
                var inner = e as ExchangeInputException ?? e.InnerException as ExchangeInputException;
                if (inner is { Line: not null }) throw inner;
                var problem = inner?.Problem ?? $"unreadable: {e.InnerException?.Message ?? e.Message}";
                throw new ExchangeInputException(Path, _parser.RawRow + 1, null, null, problem, e);
            }
        }

        public void ReadHeader()
        {
            Header = Next() ?? throw Error(null, "the file is empty: a header row is expected");
        }

        public ExchangeInputException Error(int? column, string problem) =>
            new(Path, Line, column is null ? null : column + 1, column is { } c && c < Header.Length ? Header[c] : null, problem);

        public void Dispose() { _parser.Dispose(); _text.Dispose(); }
    }

    private static string Shorten(string s) => s.Length <= 30 ? $"'{s}'" : $"'{s[..30]}…'";

    private static int ParseYear(Csv csv, string[] row, int column)
    {
        if (!int.TryParse(row[column], NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < MinYear or > MaxYear)
            throw csv.Error(column, $"{Shorten(row[column])} is not a year");
        return year;
    }

    private static void CheckWidth(Csv csv, string[] row)
    {
        if (row.Length != csv.Header.Length)
            throw csv.Error(Math.Min(row.Length, csv.Header.Length) - 1, $"the row has {row.Length} fields, the header {csv.Header.Length}");
    }

    /// <summary>Refuses a second row for the same unit and year, naming the line of the first.</summary>
    private static void RememberRow(Csv csv, Dictionary<(int, int), long> seenRow, (int, int) key, string what)
    {
        if (seenRow.TryGetValue(key, out var first))
            throw csv.Error(0, $"duplicate row: {what} already appears on line {first}");
        seenRow[key] = csv.Line;
    }

    /// <summary>The membership codes in the columns after the first three ("-1", and an empty cell where the layout
    /// allows it, read as no cell).</summary>
    private static sbyte[] ReadCodes(Csv csv, string[] row, int count, bool emptyIsNoCell, string expected)
    {
        var codes = new sbyte[count];
        for (int i = 0; i < count; i++)
        {
            var cell = row[3 + i];
            if (cell == "-1" || (emptyIsNoCell && cell.Length == 0)) codes[i] = CowCode.NoCell;
            else if (!CowCode.TryParse(cell, out codes[i]))
                throw csv.Error(3 + i, $"{Shorten(cell)} is not a COW membership code ({expected})");
        }
        return codes;
    }

    public static CowTable ReadIgoYear(string path, IProgress<long>? linesRead = null)
    {
        using var csv = new Csv(path);
        csv.ReadHeader();
        var h = csv.Header;
        int meta = CowTable.IgoMetaColumns.Length;
        if (h.Length < 3 + meta + 1 || h[0] != "ioname" || h[1] != "orgname" || h[2] != "year")
            throw csv.Error(0, "not a COW IGO-year header: expected ioname,orgname,year, the state columns, then " + string.Join(',', CowTable.IgoMetaColumns));
        int stateCount = h.Length - 3 - meta;
        for (int i = 0; i < meta; i++)
            if (h[3 + stateCount + i] != CowTable.IgoMetaColumns[i])
                throw csv.Error(3 + stateCount + i, $"expected the column '{CowTable.IgoMetaColumns[i]}' here, found '{h[3 + stateCount + i]}'");
        var states = new CowState[stateCount];
        var seenState = new HashSet<string>(StringComparer.Ordinal);
        for (int s = 0; s < stateCount; s++)
        {
            var name = h[3 + s];
            states[s] = CowStates.FindByName(name) ?? throw csv.Error(3 + s, $"'{name}' is not a COW state column name");
            if (!seenState.Add(name)) throw csv.Error(3 + s, $"the state column '{name}' appears twice");
        }
        int ionumColumn = 3 + stateCount + Array.IndexOf(CowTable.IgoMetaColumns, "ionum");

        var orgIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var orgs = new List<CowOrg>();
        var rows = new List<(int Org, int Year, sbyte[] Codes, string[] Meta, long Line)>();
        var seenRow = new Dictionary<(int, int), long>();
        int minYear = int.MaxValue, maxYear = int.MinValue;
        while (csv.Next() is { } row)
        {
            CheckWidth(csv, row);
            var ioname = row[0];
            if (ioname.Length == 0) throw csv.Error(0, "the ioname is empty");
            int year = ParseYear(csv, row, 2);
            if (!int.TryParse(row[ionumColumn], NumberStyles.None, CultureInfo.InvariantCulture, out var ionum))
                throw csv.Error(ionumColumn, $"{Shorten(row[ionumColumn])} is not an IGO number");
            if (!orgIndex.TryGetValue(ioname, out var o))
            {
                o = orgIndex[ioname] = orgs.Count;
                orgs.Add(new CowOrg(ioname, ionum, row[1]));
            }
            else if (orgs[o].Ionum != ionum)
                throw csv.Error(ionumColumn, $"{ioname} has ionum {orgs[o].Ionum} on earlier rows and {ionum} here");
            RememberRow(csv, seenRow, (o, year), $"{ioname} {year}");
            // An empty cell and "-1" (the codebook's spelling of the same) both mean: state not in the system.
            var codes = ReadCodes(csv, row, stateCount, emptyIsNoCell: true, "0, 1, 2, 3, -9, or empty");
            var metaValues = new string[1 + meta];
            metaValues[0] = row[1];
            Array.Copy(row, 3 + stateCount, metaValues, 1, meta);
            rows.Add((o, year, codes, metaValues, csv.Line));
            minYear = Math.Min(minYear, year); maxYear = Math.Max(maxYear, year);
            if (rows.Count % 1000 == 0) linesRead?.Report(csv.Line);
        }
        if (rows.Count == 0) throw csv.Error(null, "the file has a header but no rows");
        linesRead?.Report(csv.Line);
        var ionums = orgs.GroupBy(x => x.Ionum).FirstOrDefault(g => g.Count() > 1);
        if (ionums is not null) throw new ExchangeInputException(path, null, null, "ionum", $"ionum {ionums.Key} is used by {string.Join(" and ", ionums.Select(x => x.Ioname))}");

        int years = maxYear - minYear + 1;
        var cells = new sbyte[orgs.Count * stateCount * years];
        Array.Fill(cells, CowCode.NoCell);
        var present = new bool[orgs.Count * years];
        var rowMeta = new Dictionary<(int, int), string[]>(rows.Count);
        foreach (var (o, year, codes, metaValues, _) in rows)
        {
            int y = year - minYear;
            present[o * years + y] = true;
            rowMeta[(o, year)] = metaValues;
            for (int s = 0; s < stateCount; s++) cells[(o * stateCount + s) * years + y] = codes[s];
        }
        return new CowTable
        {
            Kind = CowFileKind.IgoYear, Path = path, Orgs = orgs, States = states,
            FirstYear = minYear, LastYear = maxYear, Cells = cells, Rows = present, RowMeta = rowMeta,
        };
    }

    public static CowTable ReadStateYear(string path, IProgress<long>? linesRead = null)
    {
        using var csv = new Csv(path);
        csv.ReadHeader();
        var h = csv.Header;
        if (h.Length < 4 || h[0] != "ccode" || h[1] != "year" || h[2] != "state")
            throw csv.Error(0, "not a COW state-year header: expected ccode,year,state, then one column per IGO");
        int orgCount = h.Length - 3;
        var orgs = new CowOrg[orgCount];
        var seenOrg = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (int o = 0; o < orgCount; o++)
        {
            var name = h[3 + o];
            if (name.Length == 0 || name.Any(char.IsWhiteSpace)) throw csv.Error(3 + o, $"'{name}' is not an IGO column name");
            if (!seenOrg.Add(name)) throw csv.Error(3 + o, $"the IGO column '{name}' appears twice");
            orgs[o] = new CowOrg(name, null, null);
        }

        var stateIndex = new Dictionary<int, int>();
        var states = new List<CowState>();
        var rows = new List<(int State, int Year, sbyte[] Codes)>();
        var seenRow = new Dictionary<(int, int), long>();
        int minYear = int.MaxValue, maxYear = int.MinValue;
        while (csv.Next() is { } row)
        {
            CheckWidth(csv, row);
            if (!int.TryParse(row[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ccode))
                throw csv.Error(0, $"{Shorten(row[0])} is not a COW state number");
            var state = CowStates.FindByCcode(ccode) ?? throw csv.Error(0, $"{ccode} is not a COW state number");
            if (row[2] != state.CowName) throw csv.Error(2, $"COW state {ccode} is '{state.CowName}', not '{row[2]}'");
            int year = ParseYear(csv, row, 1);
            if (!stateIndex.TryGetValue(ccode, out var s)) { s = stateIndex[ccode] = states.Count; states.Add(state); }
            RememberRow(csv, seenRow, (s, year), $"{state.CowName} ({ccode}) {year}");
            var codes = ReadCodes(csv, row, orgCount, emptyIsNoCell: false, "0, 1, 2, 3, -9, or -1 for an IGO not in existence");
            rows.Add((s, year, codes));
            minYear = Math.Min(minYear, year); maxYear = Math.Max(maxYear, year);
            if (rows.Count % 500 == 0) linesRead?.Report(csv.Line);
        }
        if (rows.Count == 0) throw csv.Error(null, "the file has a header but no rows");
        linesRead?.Report(csv.Line);

        int years = maxYear - minYear + 1, stateCount = states.Count;
        var cells = new sbyte[orgCount * stateCount * years];
        Array.Fill(cells, CowCode.NoCell);
        var present = new bool[stateCount * years];
        foreach (var (s, year, codes) in rows)
        {
            int y = year - minYear;
            present[s * years + y] = true;
            for (int o = 0; o < orgCount; o++) cells[(o * stateCount + s) * years + y] = codes[o];
        }
        return new CowTable
        {
            Kind = CowFileKind.StateYear, Path = path, Orgs = orgs, States = states,
            FirstYear = minYear, LastYear = maxYear, Cells = cells, Rows = present,
        };
    }
}
