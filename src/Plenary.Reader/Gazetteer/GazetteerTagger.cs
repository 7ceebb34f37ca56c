using System.Runtime.CompilerServices;
using Plenary.Core.Ids;
using Plenary.Reader.Tokens;

namespace Plenary.Reader.Gazetteer;

/// <summary>
/// Finds the gazetteer's names in a document: longest match first; case rules per entry; coordinated bodies
/// ("foreign, defense and security ministers" → three bodies); ambiguity (a body alias several organizations share)
/// resolved by the organizations named nearby; "the bloc" and "the organization" resolved to the organization last named.
/// </summary>
public sealed class GazetteerTagger(Gazetteer gazetteer, Lexicons lexicons)
{
    private const int MaxCoordination = 8;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Run(Document doc)
    {
        var found = new List<Mention>();
        var bodiesOf = new Dictionary<int, List<BodyId>>();
        var text = doc.Text;
        var keys = new List<string>(gazetteer.MaxLength + 1);
        for (int i = 0; i < doc.Tokens.Count;)
        {
            if (doc.Tokens[i].Kind is TokenKind.Punct or TokenKind.Quote) { i++; continue; }
            int bestEnd = -1;
            List<GazetteerEntry>? best = null;
            var node = gazetteer.Root;
            for (int j = i; j < doc.Tokens.Count && j - i < gazetteer.MaxLength; j++)
            {
                if (j > i && doc.Tokens[j].NewlineBefore) break;
                if (node.Children is null || !node.Children.TryGetValue(doc.Lower[j], out node)) break;
                if (node.Entries is { } entries)
                {
                    bool any = false;
                    foreach (var e in entries) if (CaseFits(doc, i, j + 1, e)) { any = true; break; }
                    if (any) { best = entries.Count == 1 ? entries : Fitting(doc, i, j + 1, entries); bestEnd = j + 1; }
                }
            }
            if (best is null) { i++; continue; }
            var (first, bodies) = best[0].Kind == MentionKind.Body ? Coordinated(doc, i, bestEnd) : (i, null);
            var m = Choose(doc, best, first, bestEnd);
            if (bodies is not null) bodiesOf[found.Count] = bodies;
            found.Add(m);
            i = bestEnd;
        }
        // bodies: pick the organization by context, then record every coordinated body of that organization
        for (int k = 0; k < found.Count; k++)
        {
            var m = found[k];
            if (m.Kind != MentionKind.Body) continue;
            var candidates = bodiesOf.TryGetValue(k, out var list) ? list : [m.Body!.Value];
            var org = ContextOrg(doc, found, k, candidates.Select(b => b.Org).Distinct().ToList()) ?? candidates[0].Org;
            var chosen = candidates.Where(b => b.Org == org).Distinct().ToList();
            found[k] = m with { Org = org, Body = chosen[0], Bodies = chosen };
        }
        found = AddDefinedOrganizations(doc, found);
        doc.Mentions = found;
        AddOrganizationRefs(doc);
    }

    /// <summary>Head nouns of an organization's name: "Union of South American Nations", "Andean Community".</summary>
    private static readonly HashSet<string> OrgHeads = new(StringComparer.Ordinal)
    {
        "union", "organization", "organisation", "community", "alliance", "league", "association", "council", "nations", "bank",
        "forum", "group", "movement", "agency", "pact", "cooperation", "co-operation", "commonwealth", "conference", "partnership",
        "secretariat", "commission", "initiative", "zone", "area", "market", "institute", "fund",
    };

    private static readonly HashSet<string> NameConnectors = new(StringComparer.Ordinal) { "of", "for", "the", "and", "on", "&", "-" };

    /// <summary>
    /// An organization the registry does not hold yet, defined in the text: a capitalized name with an organization's head
    /// noun followed by its acronym in parentheses ("the Union of South American Nations (UNASUR)"). The name and every later
    /// use of the acronym become mentions of the organization, whose id is the acronym in lower case (claims.md).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static List<Mention> AddDefinedOrganizations(Document doc, List<Mention> found)
    {
        var covered = new bool[doc.Tokens.Count];
        var coveredBy = new int[doc.Tokens.Count];
        for (int x = 0; x < found.Count; x++) for (int t = found[x].First; t < found[x].End; t++) { covered[t] = true; coveredBy[t] = x; }
        var absorbed = new HashSet<int>();
        Dictionary<string, OrgId>? defined = null;
        var added = new List<Mention>();
        for (int i = 2; i + 1 < doc.Tokens.Count; i++)
        {
            if (doc.Lower[i - 1] != "(" || doc.Lower[i + 1] != ")" || covered[i] || !IsAcronym(doc, i)) continue;
            var acronym = doc.TokenText(i);
            if (!OrgId.TryParse(acronym.ToLowerInvariant(), out var id)) continue;
            // the name: capitalized words (and connectors) right before the parenthesis, ending in a head noun or containing one
            int start = i - 1;
            bool head = false;
            var inside = new List<int>();
            for (int k = i - 2; k >= 0 && i - 2 - k < 10; k--)
            {
                // a demonym or a state inside the name ("Union of South American Nations") is part of it
                if (covered[k])
                {
                    var c = found[coveredBy[k]];
                    if (c.Kind is not (MentionKind.Demonym or MentionKind.State) || !doc.IsCapitalized(c.First)) break;
                    inside.Add(coveredBy[k]);
                    start = c.First;
                    k = c.First;
                    continue;
                }
                bool cap = doc.IsCapitalized(k) && doc.Tokens[k].Kind == TokenKind.Word;
                if (!cap && !NameConnectors.Contains(doc.Lower[k])) break;
                if (cap) { start = k; if (OrgHeads.Contains(doc.Lower[k])) head = true; }
            }
            if (!head || start >= i - 1 || i - 1 - start < 2) continue;
            absorbed.UnionWith(inside);
            (defined ??= new(StringComparer.Ordinal))[acronym] = id;
            added.Add(new Mention(start, i - 1, doc.Tokens[start].Start, doc.Tokens[i - 2].End, MentionKind.Organization, Org: id));
            for (int t = start; t < i - 1; t++) covered[t] = true;
        }
        if (defined is null) return found;
        // later uses of a defined acronym: looked up by the token's span (an acronym starts with a capital or a digit), no substring per token
        var byText = defined.GetAlternateLookup<ReadOnlySpan<char>>();
        int definitionCount = added.Count;
        for (int i = 0; i < doc.Tokens.Count; i++)
        {
            var tok = doc.Tokens[i];
            if (covered[i] || tok.Kind != TokenKind.Word || !(char.IsUpper(doc.Text[tok.Start]) || char.IsDigit(doc.Text[tok.Start]))) continue;
            if (byText.TryGetValue(doc.Text.AsSpan(tok.Start, tok.Length), out var id))
            {
                added.Add(new Mention(i, i + 1, tok.Start, tok.End, MentionKind.Organization, Org: id));
                covered[i] = true;
            }
        }
        if (absorbed.Count > 0) found = found.Where((_, x) => !absorbed.Contains(x)).ToList();
        // the definitions and the later uses are each in token order, and no two mentions start at one token: a merge
        // of the three sorted runs gives the order a sort by first token would
        var definitions = added.GetRange(0, definitionCount);
        var later = added.GetRange(definitionCount, added.Count - definitionCount);
        return MergeByFirst(MergeByFirst(found, definitions), later);
    }

    /// <summary>Two lists of mentions, each in token order, merged into one in token order (the first list's mention first on a tie).</summary>
    internal static List<Mention> MergeByFirst(List<Mention> a, List<Mention> b)
    {
        if (b.Count == 0) return a;
        var result = new List<Mention>(a.Count + b.Count);
        int i = 0, j = 0;
        while (i < a.Count && j < b.Count) result.Add(b[j].First < a[i].First ? b[j++] : a[i++]);
        while (i < a.Count) result.Add(a[i++]);
        while (j < b.Count) result.Add(b[j++]);
        return result;
    }

    private static bool IsAcronym(Document doc, int i)
    {
        var span = doc.Text.AsSpan(doc.Tokens[i].Start, doc.Tokens[i].Length);
        if (span.Length is < 2 or > 10) return false;
        int upper = 0;
        foreach (var c in span)
        {
            if (char.IsUpper(c)) upper++;
            else if (!char.IsDigit(c) && c != '-') return false;
        }
        return upper >= 2;
    }

    /// <summary>The entries whose case rule the tokens <c>[first, end)</c> fit, in order.</summary>
    private static List<GazetteerEntry> Fitting(Document doc, int first, int end, List<GazetteerEntry> entries)
    {
        var fit = new List<GazetteerEntry>(entries.Count);
        foreach (var e in entries) if (CaseFits(doc, first, end, e)) fit.Add(e);
        return fit;
    }

    private static bool CaseFits(Document doc, int first, int end, GazetteerEntry e)
    {
        switch (e.Casing)
        {
            case Casing.Any: return true;
            case Casing.Capitalized: return char.IsUpper(doc.Text[doc.Tokens[first].Start]) || char.IsDigit(doc.Text[doc.Tokens[first].Start]);
            default:
                // the tokens, spaces aside, spell the surface exactly
                int p = 0;
                var surface = e.Surface;
                for (int t = first; t < end; t++)
                {
                    while (p < surface.Length && surface[p] == ' ') p++;
                    var span = doc.Text.AsSpan(doc.Tokens[t].Start, doc.Tokens[t].Length);
                    if (p + span.Length > surface.Length || !span.SequenceEqual(surface.AsSpan(p, span.Length))) return false;
                    p += span.Length;
                }
                while (p < surface.Length && surface[p] == ' ') p++;
                return p == surface.Length;
        }
    }

    /// <summary>"foreign, defense and security ministers": the conjuncts before a body alias's last words.</summary>
    private (int First, List<BodyId>? Bodies) Coordinated(Document doc, int first, int end)
    {
        if (end - first != 2) return (first, null);
        var head = doc.Lower[end - 1];
        var bodies = new List<BodyId>();
        var own = gazetteer.Lookup([doc.Lower[first], head]);
        if (own is null) return (first, null);
        bodies.AddRange(own.Where(e => e.Body is not null).Select(e => e.Body!.Value));
        int k = first - 1, start = first;
        for (int steps = 0; k >= 1 && steps < MaxCoordination; steps++)
        {
            int sep = k;
            if (doc.Lower[sep] == "and" || doc.Lower[sep] == "or") { if (sep - 1 >= 0 && doc.Lower[sep - 1] == ",") sep--; }
            else if (doc.Lower[sep] != ",") break;
            int w = sep - 1;
            if (w < 0 || doc.Tokens[w].Kind != TokenKind.Word) break;
            var e = gazetteer.Lookup([doc.Lower[w], head]);
            if (e is null) break;
            bodies.InsertRange(0, e.Where(x => x.Body is not null).Select(x => x.Body!.Value));
            start = w;
            k = w - 1;
        }
        return (start, bodies.Count > 0 ? bodies : null);
    }

    private static Mention Choose(Document doc, List<GazetteerEntry> entries, int first, int end)
    {
        // a name that is both a state and its capital (Singapore) is read as the state; an organization wins over both
        // (the first entry of the best rank, as a stable sort would give)
        var e = entries[0];
        for (int x = 1; x < entries.Count; x++) if (Rank(entries[x].Kind) < Rank(e.Kind)) e = entries[x];
        return new Mention(first, end, doc.Tokens[first].Start, doc.Tokens[end - 1].End, e.Kind, e.State, e.Org, e.Body, e.Place);
    }

    private static int Rank(MentionKind kind) => kind switch
    {
        MentionKind.Organization => 0, MentionKind.State => 1, MentionKind.Body => 2, MentionKind.Metonym => 3,
        MentionKind.Capital => 4, MentionKind.City => 5, _ => 6,
    };

    /// <summary>The organization among <paramref name="orgs"/> named nearest to mention <paramref name="k"/> (same sentence first, then before it).</summary>
    private static OrgId? ContextOrg(Document doc, List<Mention> found, int k, List<OrgId> orgs)
    {
        if (orgs.Count == 1) return orgs[0];
        int sentence = doc.SentenceOf[found[k].First];
        OrgId? best = null;
        int bestDistance = int.MaxValue;
        // only the mentions around it: an organization named pages away is no context
        for (int x = Math.Max(0, k - 40); x < Math.Min(found.Count, k + 40); x++)
        {
            var m = found[x];
            if (m.Kind != MentionKind.Organization || m.Org is not { } o || !orgs.Contains(o)) continue;
            int distance = Math.Abs(m.First - found[k].First) + (doc.SentenceOf[m.First] == sentence ? 0 : 10_000) + (x > k ? 5_000 : 0);
            if (distance < bestDistance) { bestDistance = distance; best = o; }
        }
        return best;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddOrganizationRefs(Document doc)
    {
        var result = new List<Mention>(doc.Mentions.Count + 8);
        int next = 0;
        OrgId? last = null;
        var covered = new bool[doc.Tokens.Count];
        foreach (var m in doc.Mentions) for (int t = m.First; t < m.End; t++) covered[t] = true;
        for (int i = 0; i < doc.Tokens.Count; i++)
        {
            while (next < doc.Mentions.Count && doc.Mentions[next].First <= i)
            {
                var m = doc.Mentions[next++];
                if (m.Kind == MentionKind.Organization) last = m.Org;
                // "The ASEAN summit opened … the bloc": before any organization is named, a body names its own (a body's
                // name may be shared by several organizations, so it never overrides an organization named)
                else if (m.Kind == MentionKind.Body && last is null) last = m.Org;
                result.Add(m);
            }
            if (covered[i] || last is null || !lexicons.OrgNouns.Contains(doc.Lower[i])) continue;
            // "the organization", "the Russia-led security organization", "the regional bloc", "the group's"
            bool determiner = false;
            for (int b = i - 1; b >= Math.Max(0, i - 5); b--)
            {
                if (doc.Lower[b] is "the" or "this" or "its" or "our" or "that") { determiner = true; break; }
                if (doc.Tokens[b].Kind == TokenKind.Punct && doc.Lower[b] != "-") break;
            }
            if (!determiner || (i + 1 < doc.Tokens.Count && doc.Lower[i + 1] == "of")) continue;
            result.Add(new Mention(i, i + 1, doc.Tokens[i].Start, doc.Tokens[i].End, MentionKind.OrganizationRef, Org: last));
        }
        while (next < doc.Mentions.Count) result.Add(doc.Mentions[next++]);
        doc.Mentions = result;
    }
}
