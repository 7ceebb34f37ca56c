using Plenary.Core.Ids;

namespace Plenary.Exchange.Cow;

/// <summary>One COW state: its number, COW abbreviation, the column name the IGO files use, and its registry id.</summary>
public sealed record CowState(int Ccode, string StateAbb, string CowName, StateId Id, string Name);

/// <summary>
/// The crosswalk from COW state numbers to registry ids (embedded <c>cow-states.csv</c>, written by hand): ISO 3166-1
/// alpha-3 for states that have one, ISO 3166-3 for dissolved ones (DDR, CSK, YMD), and ISO's user-assigned
/// X-codes for COW states that never had an ISO code (Baden XBD, Two Sicilies XTS, the pre-1905 Korea XKO …).
/// COW 365 (Russia, including the USSR) is RUS and 345 (Serbia, Yugoslavia, Serbia again) is SRB, because COW treats
/// each as one continuous state.
/// </summary>
public static class CowStates
{
    public static IReadOnlyList<CowState> All { get; } = Load();
    private static readonly Dictionary<int, CowState> ByCcode = All.ToDictionary(s => s.Ccode);
    private static readonly Dictionary<string, CowState> ByName = All.ToDictionary(s => s.CowName, StringComparer.Ordinal);

    public static CowState? FindByCcode(int ccode) => ByCcode.GetValueOrDefault(ccode);
    public static CowState? FindByName(string cowName) => ByName.GetValueOrDefault(cowName);

    private static List<CowState> Load()
    {
        using var stream = typeof(CowStates).Assembly.GetManifestResourceStream("Plenary.Exchange.cow-states.csv")
            ?? throw new InvalidOperationException("the embedded cow-states.csv is missing");
        using var reader = new StreamReader(stream);
        var list = new List<CowState>();
        bool header = true;
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith('#') || line.Length == 0) continue;
            if (header) { header = false; continue; }
            var f = line.Split(',');
            list.Add(new CowState(int.Parse(f[0], System.Globalization.CultureInfo.InvariantCulture), f[1], f[2], StateId.Parse(f[3]), f[4]));
        }
        return list;
    }
}
