using System.Globalization;
using Plenary.Core.Claims;
using Plenary.Core.Ids;
using Plenary.Core.Registry;
using Plenary.Core.Time;

namespace Plenary.Exchange.Cow;

/// <summary>Everything one COW file adds to the registry, computed without touching it.</summary>
public sealed record CowImportPlan(
    string SourceId,
    Source Source,
    IReadOnlyList<State> NewStates,
    IReadOnlyList<Organization> NewOrganizations,
    IReadOnlyList<CowOrgLink> OrgLinks,
    IReadOnlyList<CowStateLink> StateLinks,
    IReadOnlyList<Claim> Claims,
    IReadOnlyList<ObservedSpell> Observed,
    IReadOnlyList<IgoRow> IgoRows,
    IReadOnlyList<StateRow> StateRows);

/// <summary>
/// Turns a <see cref="CowTable"/> into claims and the exchange's own records.
/// <list type="bullet">
/// <item>Organizations match, in order: an earlier COW import's link (by <c>ioname</c>), a registry organization whose COW
///   names are the file's (<c>ionum</c>, else <c>ioname</c>), a registry organization whose id is the lower-case <c>ioname</c>
///   and which has no other COW name; otherwise one is created with that id under its COW name.</item>
/// <item>States match by COW number (an earlier link, the registry's <c>CowCode</c>), then by the crosswalk's id; otherwise
///   one is created from the crosswalk.</item>
/// <item>Each run of one code over consecutive observed years becomes one membership claim, <c>Date</c> = the run's first year
///   (year precision): 0 → <c>not-member</c>, 1 → <c>member</c>, 2 → <c>associate</c>, 3 → <c>observer</c>, -9 → <c>unknown</c>.
///   A structural blank (empty IGO-year cell, -1 state-year cell, no row) is not a claim: it ends the run, and the years that
///   are observed are kept as <see cref="ObservedSpell"/>s, so blank, -9 and 0 stay three different things.</item>
/// <item>Claim ids come from the source id and the fact (<see cref="Claim.IdFor"/>): importing the same file again adds nothing.</item>
/// </list>
/// </summary>
public static class CowImportPlanner
{
    public static CowImportPlan Plan(CowTable table, Catalog catalog, IReadOnlyList<CowOrgLink> knownOrgs, IReadOnlyList<CowStateLink> knownStates,
        DateTimeOffset now, string recordedBy)
    {
        var sourceId = table.SourceId;
        var source = new Source(sourceId, SourceKind.Dataset,
            table.Kind == CowFileKind.IgoYear ? "COW IGO v3, IGO-year file (igo_year_format3)" : "COW IGO v3, state-year file (state_year_format3)",
            EdtfDate.OfYear(2019), "Correlates of War Project",
            Note: "Pevehouse, Nordstrom, McManus and Jamison (2020), Journal of Peace Research 57(3): 492-503, doi:10.1177/0022343319881175");

        var (orgIds, newOrgs, orgLinks) = MatchOrganizations(table, catalog, knownOrgs);
        var (stateIds, newStates, stateLinks) = MatchStates(table, catalog, knownStates);

        var claims = new List<Claim>();
        var observed = new List<ObservedSpell>();
        int years = table.YearCount, stateCount = table.States.Count;
        string file = table.Kind == CowFileKind.IgoYear ? "IGO-year" : "state-year";
        for (int o = 0; o < table.Orgs.Count; o++)
        {
            for (int s = 0; s < stateCount; s++)
            {
                int baseIndex = (o * stateCount + s) * years;
                int y = 0;
                int spellStart = -1;
                while (y <= years)
                {
                    sbyte code = y < years ? table.Cells[baseIndex + y] : CowCode.NoCell;
                    if (code == CowCode.NoCell)
                    {
                        if (spellStart >= 0)
                        {
                            observed.Add(new ObservedSpell(sourceId, orgIds[o], stateIds[s], table.FirstYear + spellStart, table.FirstYear + y - 1));
                            spellStart = -1;
                        }
                        y++;
                        continue;
                    }
                    if (spellStart < 0) spellStart = y;
                    int runStart = y;
                    while (y + 1 < years && table.Cells[baseIndex + y + 1] == code) y++;
                    int from = table.FirstYear + runStart, to = table.FirstYear + y;
                    var fact = new MembershipFact(stateIds[s], orgIds[o], CowCode.ToStanding(code), EdtfDate.OfYear(from));
                    claims.Add(Claim.FromReference(fact, sourceId, now, recordedBy, string.Create(CultureInfo.InvariantCulture,
                        $"COW {file} {table.Orgs[o].Ioname} × {table.States[s].CowName}: code {CowCode.Text(code)}, {from}{(to > from ? $"–{to}" : "")}")));
                    y++;
                }
            }
        }

        var igoRows = new List<IgoRow>();
        var stateRows = new List<StateRow>();
        if (table.Kind == CowFileKind.IgoYear)
        {
            for (int o = 0; o < table.Orgs.Count; o++)
                for (int y = 0; y < years; y++)
                    if (table.Rows[o * years + y])
                        igoRows.Add(new IgoRow(sourceId, orgIds[o], table.FirstYear + y, table.RowMeta[(o, table.FirstYear + y)]));
            stateRows.AddRange(InferStateSystem(table, stateIds));
        }
        else
        {
            for (int s = 0; s < stateCount; s++)
                for (int y = 0; y < years; y++)
                    if (table.Rows[s * years + y]) stateRows.Add(new StateRow(sourceId, stateIds[s], table.FirstYear + y));
            // The state-year file has no IGO rows; an IGO existed in a year if some state holds a code for it (not -1).
            for (int o = 0; o < table.Orgs.Count; o++)
                for (int y = 0; y < years; y++)
                {
                    bool any = false;
                    for (int s = 0; s < stateCount && !any; s++) any = table.Cells[(o * stateCount + s) * years + y] != CowCode.NoCell;
                    if (any) igoRows.Add(new IgoRow(sourceId, orgIds[o], table.FirstYear + y, null));
                }
        }
        return new CowImportPlan(sourceId, source, newStates, newOrgs, orgLinks, stateLinks, claims, observed, igoRows, stateRows);
    }

    /// <summary>
    /// The IGO-year file has no list of system members, and its blanks are not one (some IGO rows give -9 to every state,
    /// in the system or not). A state counts as in the system in a year when more than half of that year's IGO rows hold a
    /// code for it — which reproduces COW's state-system list for all but the few 1990 spells that ended mid-year.
    /// </summary>
    private static IEnumerable<StateRow> InferStateSystem(CowTable table, StateId[] stateIds)
    {
        int years = table.YearCount, stateCount = table.States.Count;
        for (int y = 0; y < years; y++)
        {
            int rows = 0;
            var filled = new int[stateCount];
            for (int o = 0; o < table.Orgs.Count; o++)
            {
                if (!table.Rows[o * years + y]) continue;
                rows++;
                for (int s = 0; s < stateCount; s++)
                    if (table.Cells[(o * stateCount + s) * years + y] != CowCode.NoCell) filled[s]++;
            }
            for (int s = 0; s < stateCount; s++)
                if (rows > 0 && filled[s] * 2 > rows) yield return new StateRow(table.SourceId, stateIds[s], table.FirstYear + y);
        }
    }

    private static (OrgId[] Ids, List<Organization> New, List<CowOrgLink> Links) MatchOrganizations(
        CowTable table, Catalog catalog, IReadOnlyList<CowOrgLink> known)
    {
        var byIoname = new Dictionary<string, CowOrgLink>(StringComparer.OrdinalIgnoreCase);
        foreach (var l in known) byIoname[l.Ioname] = l;
        var byIonum = catalog.Organizations.Where(o => o.Cow is not null).GroupBy(o => o.Cow!.Ionum).ToDictionary(g => g.Key, g => g.First());
        var byCowName = catalog.Organizations.Where(o => o.Cow is not null)
            .GroupBy(o => o.Cow!.Ioname, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        var linkedIds = known.Select(l => l.Org).ToHashSet();
        var linkedName = known.GroupBy(l => l.Org).ToDictionary(g => g.Key, g => g.First().Ioname);
        var usedInFile = new HashSet<OrgId>();
        // A registry organization already linked to another COW IGO, or taken by an earlier column of this file, is not this one.
        bool Free(OrgId id, string ioname) => !usedInFile.Contains(id)
            && (!linkedName.TryGetValue(id, out var other) || string.Equals(other, ioname, StringComparison.OrdinalIgnoreCase));
        var taken = catalog.Organizations.Select(o => o.Id).ToHashSet();
        taken.UnionWith(linkedIds);

        var ids = new OrgId[table.Orgs.Count];
        var created = new List<Organization>();
        var links = new List<CowOrgLink>();
        for (int i = 0; i < table.Orgs.Count; i++)
        {
            var cow = table.Orgs[i];
            OrgId id;
            if (byIoname.TryGetValue(cow.Ioname, out var link)) id = link.Org;
            else if (cow.Ionum is { } n && byIonum.TryGetValue(n, out var org1) && Free(org1.Id, cow.Ioname)) id = org1.Id;
            else if (byCowName.TryGetValue(cow.Ioname, out var org2) && Free(org2.Id, cow.Ioname)) id = org2.Id;
            else if (OrgId.TryParse(Slug(cow.Ioname), out var slug) && catalog.FindOrganization(slug) is { Cow: null } org3 && !linkedIds.Contains(slug) && !usedInFile.Contains(slug)) id = org3.Id;
            else
            {
                id = OrgId.Parse(Slug(cow.Ioname));
                if (taken.Contains(id)) id = OrgId.Parse("cow-" + Slug(cow.Ioname));
                var name = string.IsNullOrWhiteSpace(cow.Orgname) ? cow.Ioname.ToUpperInvariant() : cow.Orgname!;
                created.Add(new Organization(id, name, [cow.Ioname.ToUpperInvariant()], [], null, null, null, [], [], [],
                    cow.Ionum is { } num ? new CowIgo(cow.Ioname.ToUpperInvariant(), num) : null));
            }
            taken.Add(id);
            usedInFile.Add(id);
            ids[i] = id;
            // Keep the best-known names: the IGO-year file knows ionum and the IGO's spelling; the state-year file only a lower-case name.
            var previous = byIoname.GetValueOrDefault(cow.Ioname);
            links.Add(new CowOrgLink(id,
                table.Kind == CowFileKind.IgoYear || previous is null ? cow.Ioname : previous.Ioname,
                cow.Ionum ?? previous?.Ionum, cow.Orgname ?? previous?.Orgname));
        }
        return (ids, created, links);
    }

    private static (StateId[] Ids, List<State> New, List<CowStateLink> Links) MatchStates(
        CowTable table, Catalog catalog, IReadOnlyList<CowStateLink> known)
    {
        var ids = new StateId[table.States.Count];
        var created = new List<State>();
        var links = new List<CowStateLink>();
        for (int i = 0; i < table.States.Count; i++)
        {
            var cow = table.States[i];
            var (id, isNew) = MatchState(cow, catalog, known);
            if (isNew) created.Add(new State(id, cow.Name, cow.Ccode));
            ids[i] = id;
            links.Add(new CowStateLink(id, cow.Ccode, cow.StateAbb, cow.CowName));
        }
        return (ids, created, links);
    }

    /// <summary>
    /// The registry id for a COW state: an earlier import's link; the crosswalk's id when the registry has that state with
    /// this COW number; another registry state with this COW number; the crosswalk's id. COW treats Russia/USSR (365) and
    /// Serbia/Yugoslavia (345) as one continuous state each: they stay under one id (RUS, SRB) even where the registry also
    /// gives the same COW number to SUN, YUG or SCG.
    /// </summary>
    public static (StateId Id, bool New) MatchState(CowState cow, Catalog catalog, IReadOnlyList<CowStateLink> known)
    {
        if (known.FirstOrDefault(l => l.Ccode == cow.Ccode) is { } link) return (link.State, false);
        if (catalog.FindState(cow.Id) is { } same && same.CowCode == cow.Ccode) return (same.Id, false);
        if (catalog.States.FirstOrDefault(s => s.CowCode == cow.Ccode) is { } other) return (other.Id, false);
        if (catalog.FindState(cow.Id) is { } byId) return (byId.Id, false);
        return (cow.Id, true);
    }

    internal static string Slug(string ioname)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var c in ioname.ToLowerInvariant())
            sb.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        return sb.ToString().Trim('-');
    }
}
