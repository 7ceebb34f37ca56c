using Plenary.Core.Claims;
using Plenary.Core.Ids;
using Plenary.Core.Registry;
using Plenary.Core.Standings;
using Plenary.Exchange.Panel;
using Plenary.Exchange.Storage;
using Plenary.Store;

namespace Plenary.Exchange.Cow;

/// <summary>One cell on which two sources give different COW codes for the same year.</summary>
public sealed record CellDisagreement(OrgId Org, string? Ioname, StateId State, int? Ccode, int Year, string SourceA, sbyte CodeA, string SourceB, sbyte CodeB);

/// <summary>
/// Where sources disagree, cell by cell (organization × state × year), as COW codes under the year rule:
/// <list type="bullet">
/// <item><see cref="FileDisagreements"/>: both COW files hold a code for the cell, and the codes differ;</item>
/// <item><see cref="CoverageDifferences"/>: within the years both files cover, one holds a code where the other has none
///   (empty or -1, or no row) — counted, not listed;</item>
/// <item><see cref="RegistryDisagreements"/>: the registry's other sources (curated facts, articles) say something for a year
///   COW observed, and its code differs from the COW file's. A more precise date that gives the same code for the year is
///   not a disagreement.</item>
/// </list>
/// Both sides always stay as claims; this only lists them.
/// </summary>
public sealed record CowConflictReport(IReadOnlyList<CellDisagreement> FileDisagreements, long CoverageDifferences, IReadOnlyList<CellDisagreement> RegistryDisagreements)
{
    public static CowConflictReport None { get; } = new([], 0, []);
}

public static class CowConflicts
{
    private static readonly string[] CowFiles = [CowSources.IgoYear, CowSources.StateYear];

    /// <summary>
    /// Compares what the registry holds, reading only the claims a comparison needs: all COW claims when both files are in,
    /// else only the pairs that other sources speak about.
    /// </summary>
    public static CowConflictReport Compare(RegistryStore store, ExchangeData data, IReadOnlyList<CowTable>? imported = null)
    {
        var sources = store.ClaimCountsBySource(ClaimType.Membership);
        bool bothFiles = CowFiles.All(sources.ContainsKey);
        bool others = sources.Keys.Any(s => !CowFiles.Contains(s));
        if (!bothFiles && !others) return CowConflictReport.None;
        var igo = imported?.FirstOrDefault(t => t.Kind == CowFileKind.IgoYear);
        var sy = imported?.FirstOrDefault(t => t.Kind == CowFileKind.StateYear);
        if (bothFiles && (igo is null || sy is null)) return Compare(store.MembershipClaims(), data, store.Catalog);

        var registry = CowConflictReport.None;
        if (others)
        {
            var otherClaims = sources.Keys.Where(s => !CowFiles.Contains(s))
                .SelectMany(s => store.Claims(new ClaimFilter { Type = ClaimType.Membership, SourceId = s })).ToList();
            var pairs = otherClaims.Select(c => (MembershipFact)c.Fact).Select(m => (m.Org, m.State)).Distinct().ToList();
            var claims = new List<Claim>(otherClaims);
            foreach (var (org, state) in pairs)
                claims.AddRange(store.Claims(new ClaimFilter { Type = ClaimType.Membership, Org = org, State = state }).Where(c => CowFiles.Contains(c.SourceId)));
            var pairSet = pairs.ToHashSet();
            var subset = data with { Observed = data.Observed.Where(o => pairSet.Contains((o.Org, o.State))).ToList() };
            registry = Compare(claims, subset, store.Catalog);
        }
        if (!bothFiles) return registry with { FileDisagreements = [], CoverageDifferences = 0 };
        // Both files were read by this import: compare their cells directly (the claims say the same, run by run).
        var (files, coverage) = CompareTables(igo!, sy!, data);
        return new CowConflictReport(files, coverage, registry.RegistryDisagreements);
    }

    /// <summary>The two files' cells side by side: different codes where both observe a cell, and cells only one observes.</summary>
    public static (List<CellDisagreement> Differ, long Coverage) CompareTables(CowTable igo, CowTable sy, ExchangeData data)
    {
        var orgOf = data.Orgs.ToDictionary(l => l.Ioname.ToLowerInvariant(), l => l);
        var stateOf = data.States.ToDictionary(l => l.Ccode);
        var syOrg = sy.Orgs.Select((o, i) => (o.Ioname.ToLowerInvariant(), i)).ToDictionary(x => x.Item1, x => x.i);
        var syState = sy.States.Select((s, i) => (s.Ccode, i)).ToDictionary(x => x.Ccode, x => x.i);
        var igoOrg = igo.Orgs.Select((o, i) => (o.Ioname.ToLowerInvariant(), i)).ToDictionary(x => x.Item1, x => x.i);
        var igoState = igo.States.Select((s, i) => (s.Ccode, i)).ToDictionary(x => x.Ccode, x => x.i);
        int from = Math.Max(igo.FirstYear, sy.FirstYear), to = Math.Min(igo.LastYear, sy.LastYear);
        var differ = new List<CellDisagreement>();
        long coverage = 0;
        foreach (var org in igoOrg.Keys.Union(syOrg.Keys))
        {
            int oa = igoOrg.GetValueOrDefault(org, -1), ob = syOrg.GetValueOrDefault(org, -1);
            foreach (var cc in igoState.Keys.Union(syState.Keys))
            {
                int sa = igoState.GetValueOrDefault(cc, -1), sb = syState.GetValueOrDefault(cc, -1);
                for (int y = from; y <= to; y++)
                {
                    sbyte a = oa >= 0 && sa >= 0 ? igo.Cell(oa, sa, y) : CowCode.NoCell;
                    sbyte b = ob >= 0 && sb >= 0 ? sy.Cell(ob, sb, y) : CowCode.NoCell;
                    if ((a == CowCode.NoCell) != (b == CowCode.NoCell)) coverage++;
                    else if (a != b)
                    {
                        var link = orgOf[org];
                        differ.Add(new CellDisagreement(link.Org, link.Ioname, stateOf[cc].State, cc, y, CowSources.IgoYear, a, CowSources.StateYear, b));
                    }
                }
            }
        }
        differ.Sort(Order);
        return (differ, coverage);
    }

    public static CowConflictReport Compare(IReadOnlyList<Claim> membershipClaims, ExchangeData data, Catalog catalog)
    {
        var ioname = data.Orgs.ToDictionary(l => l.Org, l => l.Ioname);
        var ccode = data.States.ToDictionary(l => l.State, l => l.Ccode);
        // Years each file observed, per pair.
        var observed = new Dictionary<(OrgId, StateId), (List<(int, int)> Igo, List<(int, int)> Sy)>();
        foreach (var x in data.Observed)
        {
            if (!observed.TryGetValue((x.Org, x.State), out var v)) observed[(x.Org, x.State)] = v = ([], []);
            (x.SourceId == CowSources.IgoYear ? v.Igo : v.Sy).Add((x.From, x.To));
        }
        var range = CowFiles.ToDictionary(s => s, s =>
        {
            var rows = data.IgoRows.Where(r => r.SourceId == s).Select(r => r.Year).Concat(data.StateRows.Where(r => r.SourceId == s).Select(r => r.Year)).ToList();
            return rows.Count == 0 ? (From: 0, To: -1) : (From: rows.Min(), To: rows.Max());
        });
        bool both = range[CowSources.IgoYear].To >= 0 && range[CowSources.StateYear].To >= 0;
        int overlapFrom = Math.Max(range[CowSources.IgoYear].From, range[CowSources.StateYear].From);
        int overlapTo = Math.Min(range[CowSources.IgoYear].To, range[CowSources.StateYear].To);

        var claimsByPair = membershipClaims.Where(c => c.Fact is MembershipFact)
            .GroupBy(c => { var m = (MembershipFact)c.Fact; return (m.Org, m.State); })
            .ToDictionary(g => g.Key, g => g.ToList());

        var fileDis = new List<CellDisagreement>();
        var registryDis = new List<CellDisagreement>();
        long coverage = 0;
        foreach (var (pair, (igoSpans, sySpans)) in observed)
        {
            var claims = claimsByPair.GetValueOrDefault(pair) ?? [];
            var igoPeriods = StandingDerivation.Derive(claims.Where(c => c.SourceId == CowSources.IgoYear)).Periods;
            var syPeriods = StandingDerivation.Derive(claims.Where(c => c.SourceId == CowSources.StateYear)).Periods;
            var other = claims.Where(c => c.SourceId is not CowSources.IgoYear and not CowSources.StateYear).ToList();
            var otherPeriods = other.Count > 0 ? StandingDerivation.Derive(other).Periods : null;
            int otherFrom = otherPeriods is { Count: > 0 } ? otherPeriods[0].From.Year : int.MaxValue;
            var io = ioname.GetValueOrDefault(pair.Item1);
            int? cc = ccode.TryGetValue(pair.Item2, out var c0) ? c0 : null;

            var years = new SortedSet<int>();
            foreach (var (f, t) in igoSpans.Concat(sySpans)) for (int y = f; y <= t; y++) years.Add(y);
            foreach (var y in years)
            {
                bool inIgo = Contains(igoSpans, y), inSy = Contains(sySpans, y);
                sbyte? igoCode = inIgo ? CowCode.FromStanding(YearStanding.Of(igoPeriods, y)) : null;
                sbyte? syCode = inSy ? CowCode.FromStanding(YearStanding.Of(syPeriods, y)) : null;
                if (both && y >= overlapFrom && y <= overlapTo && inIgo != inSy) coverage++;
                if (igoCode is { } a && syCode is { } b && a != b)
                    fileDis.Add(new CellDisagreement(pair.Item1, io, pair.Item2, cc, y, CowSources.IgoYear, a, CowSources.StateYear, b));
                if (otherPeriods is not null && y >= otherFrom)
                {
                    var mine = YearStanding.Of(otherPeriods, y);
                    sbyte r = CowCode.FromStanding(mine);
                    var source = SourceBehind(otherPeriods, mine, y);
                    if (igoCode is { } a2 && a2 != r) registryDis.Add(new CellDisagreement(pair.Item1, io, pair.Item2, cc, y, CowSources.IgoYear, a2, source, r));
                    if (syCode is { } b2 && b2 != r) registryDis.Add(new CellDisagreement(pair.Item1, io, pair.Item2, cc, y, CowSources.StateYear, b2, source, r));
                }
            }
        }
        fileDis.Sort(Order);
        registryDis.Sort(Order);
        return new CowConflictReport(fileDis, coverage, registryDis);
    }

    /// <summary>The source of the period that gave the year its standing (for no membership before any record: the first record's).</summary>
    private static string SourceBehind(IReadOnlyList<StandingPeriod> periods, Standing standing, int year)
    {
        var p = periods.FirstOrDefault(p => p.Standing == standing && p.From.Start.Year <= year && (p.Until is not { } u || u.Start.Year >= year))
                ?? periods.FirstOrDefault(p => p.From.Start.Year >= year) ?? periods[^1];
        return p.Claims[0].SourceId;
    }

    private static int Order(CellDisagreement a, CellDisagreement b)
    {
        int c = string.CompareOrdinal(a.Org.Value, b.Org.Value);
        if (c != 0) return c;
        c = string.CompareOrdinal(a.State.Value, b.State.Value);
        return c != 0 ? c : a.Year.CompareTo(b.Year);
    }

    private static bool Contains(List<(int From, int To)> spans, int y)
    {
        foreach (var (f, t) in spans) if (f <= y && y <= t) return true;
        return false;
    }

    /// <summary>Writes the disagreements as CSV: one line per cell.</summary>
    public static void WriteCsv(CowConflictReport report, string path)
    {
        using var w = new StreamWriter(path);
        w.WriteLine("kind,org_id,ioname,state_id,ccode,year,source_a,code_a,source_b,code_b");
        foreach (var (kind, list) in new[] { ("cow-files", report.FileDisagreements), ("registry", report.RegistryDisagreements) })
            foreach (var d in list)
                w.WriteLine(string.Join(',', kind, d.Org.Value, d.Ioname ?? "", d.State.Value, d.Ccode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
                    d.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), d.SourceA, CowCode.Text(d.CodeA), d.SourceB, CowCode.Text(d.CodeB)));
    }
}
