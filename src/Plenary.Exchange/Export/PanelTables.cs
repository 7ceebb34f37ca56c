using System.Globalization;
using Plenary.Core.Claims;
using Plenary.Exchange.Cow;
using Plenary.Exchange.Panel;

namespace Plenary.Exchange.Export;

/// <summary>The tables researchers use, cut from a <see cref="MembershipPanel"/>.</summary>
public static class PanelTables
{
    private static readonly HashSet<string> NumericMeta =
        ["sdate", "deaddate", "dead", "integrated", "replaced", "ionum", "igocode", "imputed", "political", "social", "economic"];

    /// <summary>The rows of a wide layout: each unit (organization or state) in order, then each year of the panel within
    /// [<paramref name="from"/>, <paramref name="to"/>] for which the layout has a row.</summary>
    private static List<(int Unit, int Year)> UnitYears(MembershipPanel p, List<int> units, int from, int to, Func<int, int, bool> hasRow)
    {
        var rows = new List<(int Unit, int Year)>();
        foreach (var u in units)
            for (int y = Math.Max(from, p.FirstYear); y <= Math.Min(to, p.LastYear); y++)
                if (hasRow(u, y)) rows.Add((u, y));
        return rows;
    }

    /// <summary>
    /// COW's IGO-year layout: one row per organization and year it existed, a column per COW state (code, or empty when
    /// the state has no cell: not in the system), then COW's own columns as the IGO-year file had them.
    /// </summary>
    public static Table IgoYearWide(MembershipPanel p, int from, int to)
    {
        var orgs = Enumerable.Range(0, p.Orgs.Count).Where(o => p.Orgs[o].IsCow).ToList();
        var states = Enumerable.Range(0, p.States.Count).Where(s => p.States[s].IsCow)
            .OrderBy(s => p.States[s].CowName, StringComparer.Ordinal).ToList();
        var rows = UnitYears(p, orgs, from, to, p.HasOrgRow);
        int n = rows.Count;
        var ioname = new string?[n];
        var orgname = new string?[n];
        var year = new int[n];
        var cells = states.Select(_ => (Values: new int[n], Present: new bool[n])).ToArray();
        var meta = CowTable.IgoMetaColumns.Select(_ => new string?[n]).ToArray();
        for (int r = 0; r < n; r++)
        {
            var (o, y) = rows[r];
            var org = p.Orgs[o];
            ioname[r] = org.Ioname;
            year[r] = y;
            var m = p.RowMeta(o, y);
            orgname[r] = m?[0] ?? org.Name;
            for (int k = 0; k < meta.Length; k++)
                meta[k][r] = m is not null ? m[1 + k]
                    : CowTable.IgoMetaColumns[k] == "ionum" ? org.Ionum?.ToString(CultureInfo.InvariantCulture)
                    : null;
            for (int i = 0; i < states.Count; i++)
            {
                int idx = p.CellIndex(o, states[i], y);
                if (p.Cells[idx] == MembershipPanel.Blank) continue;
                cells[i].Values[r] = CowCode.FromStanding(MembershipPanel.Decode(p.Cells[idx]));
                cells[i].Present[r] = true;
            }
        }
        var columns = new List<Column> { new TextColumn("ioname", ioname), new TextColumn("orgname", orgname), new IntColumn("year", year) };
        for (int i = 0; i < states.Count; i++) columns.Add(new IntColumn(p.States[states[i]].CowName!, cells[i].Values, cells[i].Present));
        for (int k = 0; k < meta.Length; k++)
        {
            var name = CowTable.IgoMetaColumns[k];
            if (NumericMeta.Contains(name))
            {
                var values = new int[n];
                var present = new bool[n];
                for (int r = 0; r < n; r++)
                    present[r] = int.TryParse(meta[k][r], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out values[r]);
                columns.Add(new IntColumn(name, values, present));
            }
            else columns.Add(new TextColumn(name, meta[k].Select(v => name == "version" ? (v is { Length: > 0 } ? v : null) : v ?? "").ToArray(), Quoted: name != "version"));
        }
        return new Table(columns);
    }

    /// <summary>
    /// COW's state-year layout: one row per COW state and year in the system, a column per COW IGO (lower-case ioname)
    /// holding the code, or -1 where the IGO has no cell for the state (the IGO did not exist).
    /// </summary>
    public static Table StateYearWide(MembershipPanel p, int from, int to)
    {
        var states = Enumerable.Range(0, p.States.Count).Where(s => p.States[s].IsCow).OrderBy(s => p.States[s].Ccode).ToList();
        var orgs = Enumerable.Range(0, p.Orgs.Count).Where(o => p.Orgs[o].IsCow)
            .OrderBy(o => p.Orgs[o].ColumnName, StringComparer.Ordinal).ToList();
        var rows = UnitYears(p, states, from, to, p.InSystem);
        int n = rows.Count;
        var ccode = new int[n];
        var year = new int[n];
        var name = new string?[n];
        var cells = orgs.Select(_ => new int[n]).ToArray();
        for (int r = 0; r < n; r++)
        {
            var (s, y) = rows[r];
            ccode[r] = p.States[s].Ccode!.Value;
            year[r] = y;
            name[r] = p.States[s].CowName;
            for (int i = 0; i < orgs.Count; i++)
            {
                byte b = p.Cells[p.CellIndex(orgs[i], s, y)];
                cells[i][r] = b == MembershipPanel.Blank ? -1 : CowCode.FromStanding(MembershipPanel.Decode(b));
            }
        }
        var columns = new List<Column> { new IntColumn("ccode", ccode), new IntColumn("year", year), new TextColumn("state", name) };
        for (int i = 0; i < orgs.Count; i++) columns.Add(new IntColumn(p.Orgs[orgs[i]].ColumnName, cells[i]));
        return new Table(columns);
    }

    /// <summary>
    /// The long layout with Plenary's own columns: one row per state, organization and year in which the state had any
    /// relation other than none (COW codes 1, 2, 3, -9, and every standing COW cannot express), with the COW code, the
    /// standing (<c>participation-frozen</c>, <c>suspended</c>, …), whether the state takes part, and meetings held and attended.
    /// <paramref name="byState"/> orders rows as the state-year layout (state, year, organization), else as the IGO-year layout.
    /// </summary>
    public static Table Long(MembershipPanel p, int from, int to, bool byState)
    {
        var rows = new List<(int Org, int State, int Year)>();
        byte notMember = MembershipPanel.Encode(Standing.NotMember);
        int y0 = Math.Max(from, p.FirstYear), y1 = Math.Min(to, p.LastYear);
        var orgOrder = Enumerable.Range(0, p.Orgs.Count).OrderBy(o => p.Orgs[o].IsCow ? 0 : 1).ThenBy(o => p.Orgs[o].ColumnName, StringComparer.Ordinal).ToList();
        var stateOrder = Enumerable.Range(0, p.States.Count).OrderBy(s => p.States[s].Ccode ?? int.MaxValue).ThenBy(s => p.States[s].Id).ToList();
        bool Keep(int o, int s, int y)
        {
            int i = p.CellIndex(o, s, y);
            return p.Cells[i] != MembershipPanel.Blank && (p.Cells[i] != notMember || p.MeetingsAttended.ContainsKey(i));
        }
        if (byState)
        {
            foreach (var s in stateOrder) for (int y = y0; y <= y1; y++) foreach (var o in orgOrder) if (Keep(o, s, y)) rows.Add((o, s, y));
        }
        else
        {
            foreach (var o in orgOrder) for (int y = y0; y <= y1; y++) foreach (var s in stateOrder) if (Keep(o, s, y)) rows.Add((o, s, y));
        }
        int n = rows.Count;
        var ccode = new int[n]; var hasCcode = new bool[n];
        var state = new string?[n]; var stateId = new string?[n];
        var year = new int[n];
        var ioname = new string?[n]; var ionum = new int[n]; var hasIonum = new bool[n]; var orgId = new string?[n];
        var code = new int[n]; var standing = new string?[n]; var participating = new int[n];
        var held = new int[n]; var attended = new int[n];
        for (int r = 0; r < n; r++)
        {
            var (o, s, y) = rows[r];
            var st = p.States[s]; var org = p.Orgs[o];
            if ((st.Ccode ?? st.RegistryCcode) is { } c) { ccode[r] = c; hasCcode[r] = true; }
            state[r] = st.CowName; stateId[r] = st.Id.Value; year[r] = y;
            ioname[r] = org.Ioname; orgId[r] = org.Id.Value;
            if (org.Ionum is { } num) { ionum[r] = num; hasIonum[r] = true; }
            int i = p.CellIndex(o, s, y);
            var sd = MembershipPanel.Decode(p.Cells[i]);
            code[r] = CowCode.FromStanding(sd);
            standing[r] = WireName.Of(sd);
            participating[r] = sd.IsParticipating() ? 1 : 0;
            held[r] = p.MeetingsHeld[o * p.YearCount + (y - p.FirstYear)];
            attended[r] = p.MeetingsAttended.GetValueOrDefault(i);
        }
        return new Table([
            new IntColumn("ccode", ccode, hasCcode), new TextColumn("state", state), new TextColumn("state_id", stateId), new IntColumn("year", year),
            new TextColumn("ioname", ioname), new IntColumn("ionum", ionum, hasIonum), new TextColumn("org_id", orgId),
            new IntColumn("cow_code", code), new TextColumn("standing", standing), new IntColumn("participating", participating),
            new IntColumn("meetings_held", held), new IntColumn("meetings_attended", attended),
        ]);
    }
}
