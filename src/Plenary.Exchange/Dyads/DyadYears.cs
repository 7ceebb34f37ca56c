using System.Numerics;
using Plenary.Core.Claims;
using Plenary.Exchange.Export;
using Plenary.Exchange.Panel;

namespace Plenary.Exchange.Dyads;

/// <summary>
/// The dyad-year table: for every pair of COW states both in the system in a year (<c>ccode1 &lt; ccode2</c>), the number of
/// organizations in which both are full members (COW code 1: members, including frozen, suspended and leaving ones — as
/// peacesciencer's <c>add_igos</c> counts), and the number in which both also take part (neither frozen nor suspended).
/// Each state-year is two bit sets over the organizations; a dyad is an AND and a popcount over them.
/// </summary>
public static class DyadYears
{
    public static readonly string[] Header = ["ccode1", "ccode2", "year", "joint_full", "joint_participating"];

    /// <summary>Calls <paramref name="row"/> for each dyad-year in order (year, ccode1, ccode2); returns the number of rows.</summary>
    public static long Compute(MembershipPanel p, int from, int to, Action<int, int, int, int, int> row)
    {
        var states = Enumerable.Range(0, p.States.Count).Where(s => p.States[s].IsCow).OrderBy(s => p.States[s].Ccode).ToArray();
        var orgs = Enumerable.Range(0, p.Orgs.Count).ToArray();
        int words = (orgs.Length + 63) / 64;
        var full = new ulong[states.Length * words];
        var part = new ulong[states.Length * words];
        var inSystem = new int[states.Length];
        var ccodes = states.Select(s => p.States[s].Ccode!.Value).ToArray();
        long count = 0;
        for (int y = Math.Max(from, p.FirstYear); y <= Math.Min(to, p.LastYear); y++)
        {
            int n = 0;
            for (int i = 0; i < states.Length; i++)
            {
                int s = states[i];
                if (!p.InSystem(s, y)) continue;
                var f = full.AsSpan(n * words, words);
                var q = part.AsSpan(n * words, words);
                f.Clear(); q.Clear();
                for (int o = 0; o < orgs.Length; o++)
                {
                    byte b = p.Cells[p.CellIndex(o, s, y)];
                    if (b == MembershipPanel.Blank) continue;
                    var st = MembershipPanel.Decode(b);
                    if (Cow.CowCode.FromStanding(st) != Cow.CowCode.Full) continue;
                    f[o >> 6] |= 1UL << (o & 63);
                    if (st is not (Standing.ParticipationFrozen or Standing.Suspended)) q[o >> 6] |= 1UL << (o & 63);
                }
                inSystem[n++] = i;
            }
            for (int a = 0; a < n; a++)
            {
                var fa = full.AsSpan(a * words, words);
                var qa = part.AsSpan(a * words, words);
                int c1 = ccodes[inSystem[a]];
                for (int b = a + 1; b < n; b++)
                {
                    var fb = full.AsSpan(b * words, words);
                    var qb = part.AsSpan(b * words, words);
                    int jf = 0, jp = 0;
                    for (int w = 0; w < words; w++)
                    {
                        jf += BitOperations.PopCount(fa[w] & fb[w]);
                        jp += BitOperations.PopCount(qa[w] & qb[w]);
                    }
                    row(c1, ccodes[inSystem[b]], y, jf, jp);
                    count++;
                }
            }
        }
        return count;
    }

    public static long WriteCsv(MembershipPanel p, int from, int to, string path)
    {
        using var f = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        using var w = new CsvTableWriter(f);
        w.HeaderRow(Header);
        var values = new int[5];
        return Compute(p, from, to, (a, b, y, jf, jp) =>
        {
            values[0] = a; values[1] = b; values[2] = y; values[3] = jf; values[4] = jp;
            w.IntRow(values);
        });
    }

    public static Table ToTable(MembershipPanel p, int from, int to)
    {
        var c1 = new List<int>(); var c2 = new List<int>(); var yr = new List<int>(); var jf = new List<int>(); var jp = new List<int>();
        Compute(p, from, to, (a, b, y, f, q) => { c1.Add(a); c2.Add(b); yr.Add(y); jf.Add(f); jp.Add(q); });
        return new Table([
            new IntColumn(Header[0], c1.ToArray()), new IntColumn(Header[1], c2.ToArray()), new IntColumn(Header[2], yr.ToArray()),
            new IntColumn(Header[3], jf.ToArray()), new IntColumn(Header[4], jp.ToArray()),
        ]);
    }
}
