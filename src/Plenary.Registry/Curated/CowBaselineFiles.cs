using System.Globalization;
using Plenary.Core.Claims;
using Plenary.Core.Ids;
using Plenary.Core.Registry;
using Plenary.Core.Standings;
using Plenary.Core.Time;

namespace Plenary.Store.Curated;

/// <summary>
/// Reads COW IGO v3's compact derived files (data/cow/memberships.csv, coverage.csv, states.csv; see data/cow/README.md)
/// and applies them as the registry's baseline (<see cref="CowBaseline"/>). Missing files mean no baseline; a bad line
/// is an error naming file, line and field.
/// </summary>
public static class CowBaselineFiles
{
    public static CowBaseline.Result Apply(string folder, Func<string, string> display, IReadOnlyList<State> states, IReadOnlyList<Organization> orgs,
        IReadOnlyList<Claim> curated, DateTimeOffset recordedAt)
    {
        var spellsFile = Path.Combine(folder, "memberships.csv");
        var yearsFile = Path.Combine(folder, "coverage.csv");
        if (!File.Exists(spellsFile) || !File.Exists(yearsFile)) return new CowBaseline.Result(orgs, []);
        var known = states.Select(s => s.Id).ToHashSet();
        var orgIds = orgs.Select(o => o.Id).ToHashSet();
        var spells = new List<CowSpell>();
        foreach (var (f, line, at) in Rows(spellsFile, display, ["org", "state", "status", "first_year", "last_year"]))
        {
            var state = State(f[1], at, "state");
            if (!known.Contains(state)) throw at.Error("state", $"state {state} is not in data/states.yaml or data/cow/states.csv");
            if (!WireName.TryParse<Standing>(f[2], out var status) || status is not (Standing.Member or Standing.Associate or Standing.Observer or Standing.Unknown))
                throw at.Error("status", $"'{f[2]}' is not one of member, associate, observer, unknown");
            spells.Add(new CowSpell(Org(f[0], at, orgIds), state, status, Int(f[3], at, "first_year"), Int(f[4], at, "last_year")));
        }
        var years = Rows(yearsFile, display, ["org", "first_year", "last_year"])
            .Select(r => new CowYears(Org(r.Fields[0], r.At, orgIds), Int(r.Fields[1], r.At, "first_year"), Int(r.Fields[2], r.At, "last_year"))).ToList();
        return CowBaseline.Apply(orgs, curated, spells, years, recordedAt);
    }

    /// <summary>The COW states that data/states.yaml does not hold (data/cow/states.csv), added to <paramref name="states"/>.</summary>
    public static void AddStates(string path, Func<string, string> display, List<State> states)
    {
        var known = states.Select(s => s.Id).ToHashSet();
        foreach (var (f, _, at) in Rows(path, display, ["id", "ccode", "name"]))
        {
            var id = State(f[0], at, "id");
            if (known.Add(id)) states.Add(new State(id, f[2], CowCode: Int(f[1], at, "ccode")));
        }
    }

    /// <summary>
    /// Every COW IGO v3 organization that no curated organization names by its ionum (data/cow/organizations.csv), so
    /// that the registry and the reader know them by name and acronym.
    /// </summary>
    public static List<Organization> Organizations(string path, Func<string, string> display, IReadOnlyList<Organization> curated)
    {
        var curatedByIonum = curated.Where(o => o.Cow is not null).Select(o => o.Cow!.Ionum).ToHashSet();
        var ids = curated.Select(o => o.Id).ToHashSet();
        var added = new List<Organization>();
        foreach (var (f, _, at) in Rows(path, display, ["id", "ionum", "ioname", "name", "first_year", "last_year", "replaced", "integrated"]))
        {
            if (!OrgId.TryParse(f[0], out var id)) throw at.Error("id", $"'{f[0]}' is not an organization id");
            int ionum = Int(f[1], at, "ionum"), first = Int(f[4], at, "first_year"), last = Int(f[5], at, "last_year");
            if (curatedByIonum.Contains(ionum)) continue;
            if (!ids.Add(id)) throw at.Error("id", $"{id} is already an organization of the registry");
            // COW's table runs to 2014: a last year before that is the year the organization ended.
            var ended = last < CowLastYear ? EdtfDate.OfYear(last) : (EdtfDate?)null;
            var acronym = f[2].ToUpperInvariant();
            added.Add(new Organization(id, f[3], [acronym], [], EdtfDate.OfYear(first), ended, null, [], [], [], new CowIgo(acronym, ionum)));
        }
        return added;
    }

    private const int CowLastYear = 2014;

    private sealed record Where(string File, int Line)
    {
        public DataFileException Error(string field, string problem) => new(File, Line, field, problem);
    }

    private static IEnumerable<(string[] Fields, int Line, Where At)> Rows(string path, Func<string, string> display, string[] header)
    {
        var name = display(path);
        using var reader = new StreamReader(path);
        var first = reader.ReadLine();
        if (first != string.Join(',', header)) throw new DataFileException(name, 1, null, $"expected the header {string.Join(',', header)}");
        int line = 1;
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (text.Length == 0) continue;
            var f = Fields(text);
            if (f.Length != header.Length) throw new DataFileException(name, line, null, $"expected {header.Length} fields ({string.Join(',', header)}), found {f.Length}");
            yield return (f, line, new Where(name, line));
        }
    }

    /// <summary>The fields of one RFC 4180 line (quoted fields may hold commas and doubled quotes).</summary>
    private static string[] Fields(string line)
    {
        if (!line.Contains('"')) return line.Split(',');
        var fields = new List<string>();
        var sb = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c != '"') sb.Append(c);
                else if (i + 1 < line.Length && line[i + 1] == '"') { sb.Append('"'); i++; }
                else quoted = false;
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(sb.ToString()); sb.Clear(); }
            else sb.Append(c);
        }
        fields.Add(sb.ToString());
        return [.. fields];
    }

    private static int Int(string text, Where at, string field) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : throw at.Error(field, $"'{text}' is not a whole number");

    private static StateId State(string text, Where at, string field) =>
        StateId.TryParse(text, out var id) ? id : throw at.Error(field, $"'{text}' is not a state id");

    private static OrgId Org(string text, Where at, HashSet<OrgId> known) =>
        OrgId.TryParse(text, out var id) && known.Contains(id) ? id : throw at.Error("org", $"'{text}' is not an organization of data/cow/organizations.csv or data/organizations/");
}
