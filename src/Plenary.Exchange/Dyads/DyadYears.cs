using System.Numerics;
using System.Runtime.Intrinsics;
using System.Text;
using Plenary.Core.Claims;
using Plenary.Exchange.Cow;
using Plenary.Exchange.Export;
using Plenary.Exchange.Panel;

namespace Plenary.Exchange.Dyads;

/// <summary>
/// The dyad-year table: for every pair of COW states both in the system in a year (<c>ccode1 &lt; ccode2</c>), the number of
/// organizations in which both are full members (COW code 1: members, including frozen, suspended and leaving ones — as
/// peacesciencer's <c>add_igos</c> counts), and the number in which both also take part (neither frozen nor suspended).
/// Each state-year is two bit sets over the organizations; a dyad is an AND and a popcount over them. Rows come in the
/// order year, ccode1, ccode2.
/// </summary>
public static class DyadYears
{
    public static readonly string[] Header = ["ccode1", "ccode2", "year", "joint_full", "joint_participating"];

    /// <summary>Per state-year bit sets over the organizations, built in one pass over the panel in memory order.</summary>
    private sealed class BitSets
    {
        public required int[] States;       // panel indices of COW states, by ccode
        public required int[] Ccodes;
        public required int Words;
        public required int Years;
        public required int FirstYear;
        public required ulong[] Full;       // ((i * Years) + y) * Words
        public required ulong[] Participating;

        public static BitSets Of(MembershipPanel p)
        {
            var states = Enumerable.Range(0, p.States.Count).Where(s => p.States[s].IsCow).OrderBy(s => p.States[s].Ccode).ToArray();
            int words = (p.Orgs.Count + 63) / 64, years = p.YearCount, S = p.States.Count;
            var full = new ulong[states.Length * years * words];
            var part = new ulong[states.Length * years * words];
            // COW code 1 is member, frozen, suspended or leaving; taking part excludes frozen and suspended. The scan goes
            // through the cube in memory order, 16 years at a time, and visits only the cells that are full memberships.
            byte member = MembershipPanel.Encode(Standing.Member), leaving = MembershipPanel.Encode(Standing.WithdrawalAnnounced);
            byte frozen = MembershipPanel.Encode(Standing.ParticipationFrozen), suspended = MembershipPanel.Encode(Standing.Suspended);
            var vMember = Vector128.Create(member); var vLeaving = Vector128.Create(leaving);
            var vFrozen = Vector128.Create(frozen); var vSuspended = Vector128.Create(suspended);
            for (int o = 0; o < p.Orgs.Count; o++)
            {
                int w = o >> 6;
                ulong bit = 1UL << (o & 63);
                for (int i = 0; i < states.Length; i++)
                {
                    var cells = p.Cells.AsSpan((o * S + states[i]) * years, years);
                    int baseBits = i * years * words + w;
                    int y = 0;
                    for (; y + 16 <= years; y += 16)
                    {
                        var v = Vector128.Create<byte>(cells.Slice(y, 16));
                        var takesPart = Vector128.Equals(v, vMember) | Vector128.Equals(v, vLeaving);
                        var isFull = takesPart | Vector128.Equals(v, vFrozen) | Vector128.Equals(v, vSuspended);
                        uint fullMask = isFull.ExtractMostSignificantBits();
                        if (fullMask == 0) continue;
                        uint partMask = takesPart.ExtractMostSignificantBits();
                        while (fullMask != 0)
                        {
                            int k = BitOperations.TrailingZeroCount(fullMask);
                            fullMask &= fullMask - 1;
                            full[baseBits + (y + k) * words] |= bit;
                            if ((partMask & (1u << k)) != 0) part[baseBits + (y + k) * words] |= bit;
                        }
                    }
                    for (; y < years; y++)
                    {
                        byte b = cells[y];
                        if (b != member && b != leaving && b != frozen && b != suspended) continue;
                        full[baseBits + y * words] |= bit;
                        if (b == member || b == leaving) part[baseBits + y * words] |= bit;
                    }
                }
            }
            return new BitSets
            {
                States = states, Ccodes = states.Select(s => p.States[s].Ccode!.Value).ToArray(), Words = words, Years = years,
                FirstYear = p.FirstYear, Full = full, Participating = part,
            };
        }

        public int InSystem(MembershipPanel p, int year, Span<int> into)
        {
            int n = 0;
            for (int i = 0; i < States.Length; i++) if (p.InSystem(States[i], year)) into[n++] = i;
            return n;
        }

        public (int Full, int Participating) Joint(int a, int b, int y)
        {
            var fa = Full.AsSpan((a * Years + y) * Words, Words);
            var fb = Full.AsSpan((b * Years + y) * Words, Words);
            var qa = Participating.AsSpan((a * Years + y) * Words, Words);
            var qb = Participating.AsSpan((b * Years + y) * Words, Words);
            int jf = 0, jp = 0;
            for (int w = 0; w < fa.Length; w++)
            {
                jf += BitOperations.PopCount(fa[w] & fb[w]);
                jp += BitOperations.PopCount(qa[w] & qb[w]);
            }
            return (jf, jp);
        }
    }

    /// <summary>Calls <paramref name="row"/> for each dyad-year in order (year, ccode1, ccode2); returns the number of rows.</summary>
    public static long Compute(MembershipPanel p, int from, int to, Action<int, int, int, int, int> row)
    {
        var bits = BitSets.Of(p);
        var members = new int[bits.States.Length];
        long count = 0;
        for (int year = Math.Max(from, p.FirstYear); year <= Math.Min(to, p.LastYear); year++)
        {
            int n = bits.InSystem(p, year, members), y = year - p.FirstYear;
            for (int a = 0; a < n; a++)
                for (int b = a + 1; b < n; b++)
                {
                    var (jf, jp) = bits.Joint(members[a], members[b], y);
                    row(bits.Ccodes[members[a]], bits.Ccodes[members[b]], year, jf, jp);
                    count++;
                }
        }
        return count;
    }

    /// <summary>
    /// Writes the table as CSV. Years are formatted in parallel, each into its own buffer, and written in order: the work
    /// per dyad is a few instructions, so the limit is producing the bytes.
    /// </summary>
    public static long WriteCsv(MembershipPanel p, int from, int to, string path)
    {
        var bits = BitSets.Of(p);
        int y0 = Math.Max(from, p.FirstYear), y1 = Math.Min(to, p.LastYear);
        int yearCount = Math.Max(0, y1 - y0 + 1);
        var chunks = new byte[yearCount][];
        var lengths = new int[yearCount];
        var rowCounts = new long[yearCount];
        Parallel.For(0, yearCount, k =>
        {
            int year = y0 + k, y = year - p.FirstYear;
            var members = new int[bits.States.Length];
            int n = bits.InSystem(p, year, members);
            long rows = (long)n * (n - 1) / 2;
            // ccode ≤ 4 digits, year 4, counts ≤ 4 each, 4 commas and a newline: 25 bytes per row at most.
            var buf = System.Buffers.ArrayPool<byte>.Shared.Rent((int)Math.Max(1, rows * 25));
            int pos = 0;
            Span<byte> yearText = stackalloc byte[8];
            int yearLen = Digits(yearText, year);
            Span<byte> c1 = stackalloc byte[8];
            for (int a = 0; a < n; a++)
            {
                int c1Len = Digits(c1, bits.Ccodes[members[a]]);
                for (int b = a + 1; b < n; b++)
                {
                    var (jf, jp) = bits.Joint(members[a], members[b], y);
                    var dst = buf.AsSpan(pos);
                    c1[..c1Len].CopyTo(dst); int q = c1Len;
                    dst[q++] = (byte)',';
                    q += Digits(dst[q..], bits.Ccodes[members[b]]);
                    dst[q++] = (byte)',';
                    yearText[..yearLen].CopyTo(dst[q..]); q += yearLen;
                    dst[q++] = (byte)',';
                    q += Digits(dst[q..], jf);
                    dst[q++] = (byte)',';
                    q += Digits(dst[q..], jp);
                    dst[q++] = (byte)'\n';
                    pos += q;
                }
            }
            chunks[k] = buf; lengths[k] = pos; rowCounts[k] = rows;
        });
        using var f = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        f.Write(Encoding.UTF8.GetBytes(string.Join(',', Header.Select(h => $"\"{h}\"")) + "\n"));
        for (int k = 0; k < yearCount; k++)
        {
            f.Write(chunks[k], 0, lengths[k]);
            System.Buffers.ArrayPool<byte>.Shared.Return(chunks[k]);
        }
        return rowCounts.Sum();
    }

    /// <summary>Writes a non-negative integer in decimal; returns the number of bytes.</summary>
    private static int Digits(Span<byte> dst, int v)
    {
        if (v < 0) throw new ArgumentOutOfRangeException(nameof(v), v, "dyad-year values are never negative");
        if (v < 10) { dst[0] = (byte)('0' + v); return 1; }
        int len = v < 100 ? 2 : v < 1000 ? 3 : v < 10000 ? 4 : v < 100000 ? 5 : 10;
        if (len == 10) { System.Buffers.Text.Utf8Formatter.TryFormat(v, dst, out len); return len; }
        for (int i = len - 1; i >= 0; i--) { dst[i] = (byte)('0' + v % 10); v /= 10; }
        return len;
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
