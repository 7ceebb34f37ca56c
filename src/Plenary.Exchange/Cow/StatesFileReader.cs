using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Plenary.Exchange.Io;

namespace Plenary.Exchange.Cow;

/// <summary>A spell of COW's state-system list (<c>states2016.csv</c>): one row per continuous spell, day-precise.</summary>
public sealed record CowSystemSpell(CowState State, DateOnly Start, DateOnly End, long Line);

/// <summary>Reads COW's State System Membership list (v2016), checking each row against the COW state crosswalk.</summary>
public static class StatesFileReader
{
    private static readonly string[] Header = ["ccode", "stateabb", "statenme", "styear", "stmonth", "stday", "endyear", "endmonth", "endday"];

    public static IReadOnlyList<CowSystemSpell> Read(string path)
    {
        using var text = InputFile.OpenText(path);
        using var parser = new CsvParser(text, new CsvConfiguration(CultureInfo.InvariantCulture) { HasHeaderRecord = false, Mode = CsvMode.RFC4180 });
        if (!parser.Read()) throw new ExchangeInputException(path, 1, null, null, "the file is empty: a header row is expected");
        var h = parser.Record!;
        for (int i = 0; i < Header.Length; i++)
            if (i >= h.Length || h[i] != Header[i])
                throw new ExchangeInputException(path, 1, i + 1, i < h.Length ? h[i] : null,
                    $"not a COW state-system header: expected {string.Join(',', Header)} (then version, state)");
        var spells = new List<CowSystemSpell>();
        var seen = new Dictionary<(int, DateOnly), long>();
        while (parser.Read())
        {
            var r = parser.Record!;
            long line = parser.RawRow;
            if (r.Length != h.Length) throw new ExchangeInputException(path, line, null, null, $"the row has {r.Length} fields, the header {h.Length}");
            int Int(int i)
            {
                if (!int.TryParse(r[i], NumberStyles.None, CultureInfo.InvariantCulture, out var v))
                    throw new ExchangeInputException(path, line, i + 1, h[i], $"'{r[i]}' is not a number");
                return v;
            }
            int ccode = Int(0);
            var state = CowStates.FindByCcode(ccode) ?? throw new ExchangeInputException(path, line, 1, "ccode", $"{ccode} is not a COW state number");
            DateOnly Date(int at)
            {
                try { return new DateOnly(Int(at), Int(at + 1), Int(at + 2)); }
                catch (ArgumentOutOfRangeException) { throw new ExchangeInputException(path, line, at + 1, h[at], $"{r[at]}-{r[at + 1]}-{r[at + 2]} is not a date"); }
            }
            var start = Date(3);
            var end = Date(6);
            if (end < start) throw new ExchangeInputException(path, line, 7, "endyear", $"the spell ends ({end:yyyy-MM-dd}) before it starts ({start:yyyy-MM-dd})");
            if (seen.TryGetValue((ccode, start), out var first))
                throw new ExchangeInputException(path, line, 1, "ccode", $"duplicate row: {ccode} from {start:yyyy-MM-dd} already appears on line {first}");
            seen[(ccode, start)] = line;
            spells.Add(new CowSystemSpell(state, start, end, line));
        }
        if (spells.Count == 0) throw new ExchangeInputException(path, null, null, null, "the file has a header but no rows");
        return spells;
    }
}
