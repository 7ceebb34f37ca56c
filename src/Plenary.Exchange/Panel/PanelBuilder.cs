using Plenary.Core.Claims;
using Plenary.Core.Ids;
using Plenary.Core.Meetings;
using Plenary.Core.Registry;
using Plenary.Core.Standings;
using Plenary.Exchange.Cow;
using Plenary.Exchange.Storage;

namespace Plenary.Exchange.Panel;

/// <summary>
/// Builds the <see cref="MembershipPanel"/> from what the registry holds: membership claims (COW's and every other
/// source's), the exchange's COW records, and meetings. The rules (also in the exchange README):
/// <list type="number">
/// <item>A cell's standing is derived from all accepted membership claims of the pair (<see cref="StandingDerivation"/>),
///   bounded by the organization's own facts (<see cref="OrganizationStanding"/>: its founding and end, and its coverage —
///   days no claim and no complete member list speak for are unknown, COW's -9); the year's value is the standing that held
///   for the larger part of the year (most days; a tie goes to the later standing).</item>
/// <item>A cell of a pair with no claim at all is not-member where the organization's member list is complete in the middle
///   of the year, else unknown.</item>
/// <item>Within the years COW covers, a cell exists where some imported COW file observed it (held 0, 1, 2, 3 or -9).</item>
/// <item>After the last COW year, and for organizations COW does not have, a cell exists where the organization exists and
///   the state is in the system; an organization COW has exists as long as it did in COW's last year (no <c>deaddate</c>)
///   and the registry records no dissolution; another organization from its founding (else its first claim) to its dissolution.</item>
/// <item>The state system of a year comes, in order, from the state-year file's rows, COW's state-system spells (a state
///   counts for every year a spell touches), the rows inferred from the IGO-year file, and after all of these from the
///   last year they cover (states then in the system stay in it).</item>
/// </list>
/// </summary>
public static class PanelBuilder
{
    public static MembershipPanel Build(Catalog catalog, IReadOnlyList<Claim> membershipClaims, ExchangeData data,
        IReadOnlyList<MeetingRecord> meetings, int? fromYear = null, int? toYear = null)
    {
        // ---- organizations and states: COW's first (in COW's order), then any other with membership claims.
        var cowOrgOf = data.Orgs.ToDictionary(l => l.Org);
        var cowStateOf = data.States.ToDictionary(l => l.State);
        var orgs = new List<PanelOrg>();
        foreach (var l in data.Orgs.OrderBy(l => l.Ioname, StringComparer.OrdinalIgnoreCase))
            orgs.Add(new PanelOrg(l.Org, catalog.FindOrganization(l.Org)?.Name ?? l.Orgname ?? l.Ioname, l.Ioname, l.Ionum));
        var states = data.States.OrderBy(l => l.Ccode)
            .Select(l => new PanelState(l.State, catalog.FindState(l.State)?.Name ?? l.CowName, l.Ccode, l.CowName)).ToList();
        var byPair = new Dictionary<(OrgId, StateId), List<Claim>>();
        int maxClaimYear = int.MinValue, minClaimYear = int.MaxValue;
        foreach (var c in membershipClaims)
        {
            if (c.Fact is not MembershipFact m) continue;
            if (!byPair.TryGetValue((m.Org, m.State), out var list)) byPair[(m.Org, m.State)] = list = [];
            list.Add(c);
            if (m.ValidFrom is { } d) { maxClaimYear = Math.Max(maxClaimYear, d.Year); minClaimYear = Math.Min(minClaimYear, d.Year); }
        }
        var extraOrgs = byPair.Keys.Select(k => k.Item1).Where(o => !cowOrgOf.ContainsKey(o)).Distinct().Order().ToList();
        orgs.AddRange(extraOrgs.Select(o => new PanelOrg(o, catalog.OrganizationName(o), null, null)));
        var extraStates = byPair.Keys.Select(k => k.Item2).Where(s => !cowStateOf.ContainsKey(s)).Distinct().Order().ToList();
        states.AddRange(extraStates.Select(s => new PanelState(s, catalog.StateName(s), null, null, catalog.FindState(s)?.CowCode)));
        var orgIndex = orgs.Select((o, i) => (o.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var stateIndex = states.Select((s, i) => (s.Id, i)).ToDictionary(x => x.Id, x => x.i);

        // ---- years
        int cowFirst = data.IgoRows.Count > 0 ? data.IgoRows.Min(r => r.Year) : data.StateRows.Count > 0 ? data.StateRows.Min(r => r.Year) : int.MaxValue;
        int cowLast = Math.Max(data.IgoRows.Count > 0 ? data.IgoRows.Max(r => r.Year) : int.MinValue,
                               data.StateRows.Count > 0 ? data.StateRows.Max(r => r.Year) : int.MinValue);
        int first = fromYear ?? (cowFirst != int.MaxValue ? cowFirst : minClaimYear != int.MaxValue ? minClaimYear : DateTime.UtcNow.Year);
        int last = toYear ?? Math.Min(Math.Max(cowLast, maxClaimYear == int.MinValue ? first : maxClaimYear), Math.Max(DateTime.UtcNow.Year, cowLast));
        if (last < first) throw new ArgumentException($"the year range {first}–{last} is empty");
        int years = last - first + 1, S = states.Count, O = orgs.Count;

        // ---- state system
        var stateRows = new bool[S * years];
        var layers = new List<(int From, int To, Func<int, int, bool> In)>();
        AddRowLayer(layers, data.StateRows.Where(r => r.SourceId == CowSources.StateYear), stateIndex);
        if (data.SystemSpells.Count > 0)
        {
            var spells = data.SystemSpells.Where(x => stateIndex.ContainsKey(x.State)).ToList();
            var maxEnd = spells.Max(x => x.End);
            var set = new HashSet<(int, int)>();
            int spellsLast = maxEnd.Year;
            foreach (var sp in spells)
                for (int y = sp.Start.Year; y <= sp.End.Year; y++) set.Add((stateIndex[sp.State], y));
            layers.Add((spells.Min(x => x.Start.Year), spellsLast, (s, y) => set.Contains((s, y))));
        }
        AddRowLayer(layers, data.StateRows.Where(r => r.SourceId != CowSources.StateYear), stateIndex);
        int systemLast = layers.Count > 0 ? layers.Max(l => l.To) : int.MinValue;
        for (int s = 0; s < S; s++)
        {
            var st = states[s];
            for (int y = first; y <= last; y++)
            {
                bool inSystem;
                if (!st.IsCow)
                {
                    var state = catalog.FindState(st.Id);
                    inSystem = (state?.From is not { } f || f.Start.Year <= y) && (state?.Until is not { } u || u.Start.Year >= y);
                }
                else
                {
                    int yy = y > systemLast ? systemLast : y;
                    var layer = layers.FirstOrDefault(l => l.From <= yy && yy <= l.To);
                    inSystem = layer.In is not null && layer.In(s, yy);
                }
                stateRows[s * years + (y - first)] = inSystem;
            }
        }

        // ---- organization rows (and the IGO-year file's own columns)
        var orgRows = new bool[O * years];
        var meta = new Dictionary<(int, int), IReadOnlyList<string>>();
        var igoBySource = data.IgoRows.GroupBy(r => r.SourceId).ToDictionary(g => g.Key, g => g.ToList());
        var orgLayers = new List<(int From, int To, HashSet<(int, int)> Rows)>();
        foreach (var src in new[] { CowSources.IgoYear, CowSources.StateYear }.Concat(igoBySource.Keys.Where(k => k is not CowSources.IgoYear and not CowSources.StateYear)))
        {
            if (!igoBySource.TryGetValue(src, out var rows) || rows.Count == 0) continue;
            var set = new HashSet<(int, int)>();
            foreach (var r in rows)
            {
                if (!orgIndex.TryGetValue(r.Org, out var o)) continue;
                set.Add((o, r.Year));
                if (r.Meta is not null) meta.TryAdd((o, r.Year), r.Meta);
            }
            orgLayers.Add((rows.Min(r => r.Year), rows.Max(r => r.Year), set));
        }
        int orgLast = orgLayers.Count > 0 ? orgLayers.Max(l => l.To) : int.MinValue;
        var lastMeta = new Dictionary<int, IReadOnlyList<string>>();
        for (int o = 0; o < O; o++)
        {
            var org = catalog.FindOrganization(orgs[o].Id);
            int? dissolved = org?.EndedOn()?.Start.Year;
            if (orgs[o].IsCow)
            {
                bool aliveAtEnd = false;
                if (orgLayers.Count > 0)
                {
                    var endLayer = orgLayers.First(l => l.From <= orgLast && orgLast <= l.To);
                    aliveAtEnd = endLayer.Rows.Contains((o, orgLast));
                    if (meta.TryGetValue((o, orgLast), out var m))
                    {
                        lastMeta[o] = m;
                        aliveAtEnd &= m.Count > 2 && m[2].Length == 0; // no deaddate
                    }
                }
                for (int y = first; y <= last; y++)
                {
                    bool row;
                    if (y <= orgLast)
                    {
                        var layer = orgLayers.FirstOrDefault(l => l.From <= y && y <= l.To);
                        row = layer.Rows is not null && layer.Rows.Contains((o, y));
                    }
                    else row = aliveAtEnd && (dissolved is null || dissolved >= y);
                    orgRows[o * years + (y - first)] = row;
                }
            }
            else
            {
                int? founded = org?.Founded?.Start.Year;
                if (founded is null)
                {
                    var firstClaim = byPair.Where(kv => kv.Key.Item1 == orgs[o].Id).SelectMany(kv => kv.Value)
                        .Select(c => c.Fact.ValidFrom?.Year).Where(y => y is not null).DefaultIfEmpty(null).Min();
                    founded = firstClaim;
                }
                for (int y = first; y <= last; y++)
                    orgRows[o * years + (y - first)] = founded is { } f && f <= y && (dissolved is null || dissolved >= y);
            }
        }

        // ---- which cells exist
        const byte Pending = byte.MaxValue;
        var cells = new byte[O * S * years];
        var cowObserved = data.Observed;
        foreach (var x in cowObserved)
        {
            if (!orgIndex.TryGetValue(x.Org, out var o) || !stateIndex.TryGetValue(x.State, out var s)) continue;
            int baseIndex = (o * S + s) * years;
            for (int y = Math.Max(x.From, first); y <= Math.Min(x.To, last); y++) cells[baseIndex + (y - first)] = Pending;
        }
        for (int o = 0; o < O; o++)
        {
            bool cow = orgs[o].IsCow;
            for (int y = first; y <= last; y++)
            {
                if (cow && y <= cowLast) continue;
                if (!orgRows[o * years + (y - first)]) continue;
                for (int s = 0; s < S; s++)
                    if (stateRows[s * years + (y - first)]) cells[(o * S + s) * years + (y - first)] = Pending;
            }
        }

        // ---- standings: derive each pair's history once, then the year values of its existing cells. Organizations are
        // worked on every core: each writes only its own cells.
        byte notMember = MembershipPanel.Encode(Standing.NotMember), unknown = MembershipPanel.Encode(Standing.Unknown);
        Parallel.For(0, O, o =>
        {
            var org = catalog.FindOrganization(orgs[o].Id);
            // A pair without claims: not a member where the member list is complete in the middle of the year, else unknown.
            var withoutClaims = new byte[years];
            for (int y = 0; y < years; y++)
                withoutClaims[y] = org?.CoverageOn(new DateOnly(first + y, 7, 1)) is not null ? notMember : unknown;
            for (int s = 0; s < S; s++)
            {
                int baseIndex = (o * S + s) * years;
                if (!byPair.TryGetValue((orgs[o].Id, states[s].Id), out var claims))
                {
                    for (int y = 0; y < years; y++)
                        if (cells[baseIndex + y] == Pending) cells[baseIndex + y] = withoutClaims[y];
                    continue;
                }
                if (Array.IndexOf(cells, Pending, baseIndex, years) < 0) continue; // no cell of the pair's exists
                var periods = OrganizationStanding.Periods(StandingDerivation.Derive(claims), org);
                for (int y = 0; y < years; y++)
                    if (cells[baseIndex + y] == Pending) cells[baseIndex + y] = MembershipPanel.Encode(YearStanding.OfKnown(periods, first + y));
            }
        });

        // ---- meetings
        var held = new int[O * years];
        var attended = new Dictionary<int, int>();
        foreach (var m in meetings)
        {
            if (m.Date is not { } d || m.Status is MeetingStatus.Cancelled or MeetingStatus.Postponed || m.Status == MeetingStatus.Scheduled && d.End >= DateOnly.FromDateTime(DateTime.UtcNow)) continue;
            if (!orgIndex.TryGetValue(m.Org, out var o) || d.Year < first || d.Year > last) continue;
            held[o * years + (d.Year - first)]++;
            foreach (var (state, a) in m.Attendance)
            {
                if (a.Attendance == AttendanceKind.Absent || !stateIndex.TryGetValue(state, out var s)) continue;
                int i = (o * S + s) * years + (d.Year - first);
                attended[i] = attended.GetValueOrDefault(i) + 1;
            }
        }

        IReadOnlyList<string>? RowMeta(int o, int year)
        {
            if (meta.TryGetValue((o, year), out var m)) return m;
            if (year > orgLast && lastMeta.TryGetValue(o, out var lm))
            {
                // Carried forward past COW's last year: the IGO's descriptive columns stay, the year-specific ones are reset.
                var copy = lm.ToArray();
                copy[1 + Array.IndexOf(CowTable.IgoMetaColumns, "dead")] = "0";
                copy[1 + Array.IndexOf(CowTable.IgoMetaColumns, "integrated")] = "0";
                copy[1 + Array.IndexOf(CowTable.IgoMetaColumns, "replaced")] = "0";
                copy[1 + Array.IndexOf(CowTable.IgoMetaColumns, "imputed")] = "0";
                return copy;
            }
            return null;
        }

        return new MembershipPanel
        {
            FirstYear = first, LastYear = last, Orgs = orgs, States = states, Cells = cells,
            OrgRows = orgRows, StateRows = stateRows, RowMeta = RowMeta, MeetingsHeld = held, MeetingsAttended = attended,
        };
    }

    private static void AddRowLayer(List<(int From, int To, Func<int, int, bool> In)> layers, IEnumerable<StateRow> rows, Dictionary<StateId, int> stateIndex)
    {
        var list = rows.Where(r => stateIndex.ContainsKey(r.State)).ToList();
        if (list.Count == 0) return;
        var set = list.Select(r => (stateIndex[r.State], r.Year)).ToHashSet();
        layers.Add((list.Min(r => r.Year), list.Max(r => r.Year), (s, y) => set.Contains((s, y))));
    }
}
