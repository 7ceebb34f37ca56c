using Plenary.Exchange.Cow;

namespace Plenary.Exchange.Tests;

/// <summary>Small synthetic COW files written by the tests themselves (never rows of the reference data).</summary>
public static class Fixtures
{
    public static readonly string[] States = ["armenia", "kazakhstan", "russia"];

    /// <summary>
    /// An IGO-year file with two IGOs over 2010–2014. CSTO: Armenia 1, Kazakhstan 1, Russia 1 except -9 in 2011;
    /// Armenia is empty (not in the system) in 2010. TIGO: Russia 1 from 2012, observer Armenia, Kazakhstan 0.
    /// </summary>
    public static string IgoYear(string dir, Func<string, string, int, string>? cell = null)
    {
        string Meta(string name, int ionum) => $"2002,,0,0,0,\"{name}\",{ionum},,3,\"Not applicable - created 1965 or later\",\"\",0,1,0,0";
        var lines = new List<string>
        {
            "\"ioname\",\"orgname\",\"year\"," + string.Join(',', States.Select(s => $"\"{s}\"")) + "," + string.Join(',', CowTable.IgoMetaColumns.Select(c => $"\"{c}\"")),
        };
        foreach (var (io, num) in new[] { ("CSTO", 1125), ("TIGO", 9001) })
            for (int y = 2010; y <= 2014; y++)
            {
                var cells = States.Select(s => cell?.Invoke(io, s, y) ?? Default(io, s, y));
                lines.Add($"\"{io}\",\"{io} org\",{y},{string.Join(',', cells)},{Meta(io + " long name", num)}");
            }
        var path = Path.Combine(dir, "igo.csv");
        File.WriteAllLines(path, lines);
        return path;
    }

    public static string Default(string io, string state, int y) => (io, state) switch
    {
        ("CSTO", "armenia") => y == 2010 ? "" : "1",
        ("CSTO", "russia") => y == 2011 ? "-9" : "1",
        ("CSTO", _) => "1",
        ("TIGO", "russia") => y >= 2012 ? "1" : "0",
        ("TIGO", "armenia") => y == 2010 ? "" : "3",
        _ => "0",
    };

    /// <summary>The state-year file saying the same as <see cref="IgoYear"/> (unless <paramref name="cell"/> says otherwise).</summary>
    public static string StateYear(string dir, Func<string, string, int, string>? cell = null)
    {
        var ccodes = new Dictionary<string, int> { ["armenia"] = 371, ["kazakhstan"] = 705, ["russia"] = 365 };
        var lines = new List<string> { "\"ccode\",\"year\",\"state\",\"csto\",\"tigo\"" };
        foreach (var s in States.OrderBy(s => ccodes[s]))
            for (int y = 2010; y <= 2014; y++)
            {
                if (s == "armenia" && y == 2010) continue;
                lines.Add($"{ccodes[s]},{y},\"{s}\",{cell?.Invoke("CSTO", s, y) ?? Default("CSTO", s, y)},{cell?.Invoke("TIGO", s, y) ?? Default("TIGO", s, y)}");
            }
        var path = Path.Combine(dir, "state.csv");
        File.WriteAllLines(path, lines);
        return path;
    }
}
