using System.Globalization;
using Plenary.Core.Claims;
using Plenary.Core.Ids;
using Plenary.Core.Registry;
using Plenary.Core.Standings;

namespace Plenary.Store.Curated;

/// <summary>
/// Reads COW IGO v3's compact derived files (data/cow/memberships.csv, coverage.csv, states.csv; see data/cow/README.md)
/// and applies them as the registry's baseline (<see cref="CowBaseline"/>). Missing files mean no baseline; a bad line
/// is an error naming file, line and field.
/// </summary>
public static class CowBaselineFiles
{
    public static CowBaseline.Result Apply(string folder, Func<string, string> display, List<State> states, IReadOnlyList<Organization> orgs,
        IReadOnlyList<Claim> curated, DateTimeOffset recordedAt)
    {
        var spellsFile = Path.Combine(folder, "memberships.csv");
        var yearsFile = Path.Combine(folder, "coverage.csv");
        if (!File.Exists(spellsFile) || !File.Exists(yearsFile)) return new CowBaseline.Result(orgs, []);
        var statesFile = Path.Combine(folder, "states.csv");
        var known = states.Select(s => s.Id).ToHashSet();
        if (File.Exists(statesFile))
            foreach (var (f, line, at) in Rows(statesFile, display, ["id", "ccode", "name"]))
            {
                var id = State(f[0], at, "id");
                if (known.Add(id)) states.Add(new State(id, f[2], CowCode: Int(f[1], at, "ccode")));
            }
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
            var f = text.Split(',');
            if (f.Length != header.Length) throw new DataFileException(name, line, null, $"expected {header.Length} fields ({string.Join(',', header)}), found {f.Length}");
            yield return (f, line, new Where(name, line));
        }
    }

    private static int Int(string text, Where at, string field) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : throw at.Error(field, $"'{text}' is not a whole number");

    private static StateId State(string text, Where at, string field) =>
        StateId.TryParse(text, out var id) ? id : throw at.Error(field, $"'{text}' is not a state id");

    private static OrgId Org(string text, Where at, HashSet<OrgId> known) =>
        OrgId.TryParse(text, out var id) && known.Contains(id) ? id : throw at.Error("org", $"'{text}' is not an organization of data/cow/organizations.csv or data/organizations/");
}
