using Plenary.Core.Ids;
using Plenary.Core.Registry;
using Plenary.Reader.Tokens;

namespace Plenary.Reader.Gazetteer;

/// <summary>One way a name can be read: what it names and how its case must look in the text.</summary>
public sealed record GazetteerEntry(MentionKind Kind, StateId? State, OrgId? Org, BodyId? Body, string? Place, Casing Casing, string Surface);

public enum Casing
{
    /// <summary>Any case ("foreign ministers").</summary>
    Any,
    /// <summary>The first letter must be a capital ("Armenia", "Yerevan"): keeps "chad" or "turkey" the words.</summary>
    Capitalized,
    /// <summary>Exactly as written ("AU", "UN", "CoE"): acronyms clash with ordinary words otherwise.</summary>
    Exact,
}

/// <summary>
/// The names of the registry — states with their aliases, demonyms, capitals and metonyms; organizations with their
/// acronyms, aliases and bodies — plus the reader's list of host cities, in a token trie for longest-match lookup.
/// Built once from a <see cref="Catalog"/> and shared, read-only, by every document.
/// </summary>
public sealed class Gazetteer
{
    internal sealed class Node
    {
        public Dictionary<string, Node>? Children;
        public List<GazetteerEntry>? Entries;
    }

    internal Node Root { get; } = new();
    public int MaxLength { get; private set; }
    public Catalog Catalog { get; }
    private readonly IReadOnlySet<string> _abbreviations;

    public Gazetteer(Catalog catalog, Lexicons? lexicons = null)
    {
        Catalog = catalog;
        var lex = lexicons ?? Lexicons.Default;
        _abbreviations = lex.Abbreviations;
        foreach (var s in catalog.States)
        {
            foreach (var name in new[] { s.Name, s.OfficialName }.Concat(s.Aliases))
                if (!string.IsNullOrWhiteSpace(name)) AddName(name!, MentionKind.State, s.Id, null, null, null);
            foreach (var d in s.Demonyms)
            {
                AddName(d, MentionKind.Demonym, s.Id, null, null, null);
                if (!d.EndsWith('s') && !d.EndsWith("ese", StringComparison.Ordinal)) AddName(d + "s", MentionKind.Demonym, s.Id, null, null, null);
            }
            if (!string.IsNullOrWhiteSpace(s.Capital)) AddName(s.Capital!, MentionKind.Capital, s.Id, null, null, s.Capital);
            foreach (var m in s.Metonyms) AddName(m, MentionKind.Metonym, s.Id, null, null, null);
        }
        foreach (var row in lex.Cities)
        {
            var names = row[0].Split('|');
            StateId? state = row.Length > 1 && StateId.TryParse(row[1], out var sid) ? sid : null;
            foreach (var n in names) AddName(n, MentionKind.City, state, null, null, names[0]);
        }
        foreach (var o in catalog.Organizations)
        {
            foreach (var name in new[] { o.Name }.Concat(o.Aliases).SelectMany(Variants))
                AddName(name, MentionKind.Organization, null, o.Id, null, null);
            foreach (var a in o.Acronyms) AddName(a, MentionKind.Organization, null, o.Id, null, null, Casing.Exact);
            foreach (var b in o.Bodies)
                foreach (var name in new[] { b.Name }.Concat(b.Aliases).SelectMany(Variants))
                    AddName(name, MentionKind.Body, null, o.Id, b.Id, null, Casing.Any);
        }
    }

    /// <summary>Spelling variants news uses for the same name.</summary>
    private static IEnumerable<string> Variants(string name)
    {
        yield return name;
        // "Co-operation" and "Cooperation" (and both with the other spelling of "Organisation")
        foreach (var (a, b) in new[] { ("Co-operation", "Cooperation"), ("Cooperation", "Co-operation") })
            if (name.Contains(a, StringComparison.Ordinal))
            {
                var v = name.Replace(a, b, StringComparison.Ordinal);
                yield return v;
                if (v.Contains("Organization", StringComparison.Ordinal)) yield return v.Replace("Organization", "Organisation", StringComparison.Ordinal);
                if (v.Contains("Organisation", StringComparison.Ordinal)) yield return v.Replace("Organisation", "Organization", StringComparison.Ordinal);
            }
        if (name.Contains("Organization", StringComparison.Ordinal)) yield return name.Replace("Organization", "Organisation", StringComparison.Ordinal);
        if (name.Contains("Organisation", StringComparison.Ordinal)) yield return name.Replace("Organisation", "Organization", StringComparison.Ordinal);
        if (name.Contains("Defence", StringComparison.Ordinal)) yield return name.Replace("Defence", "Defense", StringComparison.Ordinal);
    }

    private void AddName(string name, MentionKind kind, StateId? state, OrgId? org, BodyId? body, string? place, Casing? casing = null)
    {
        var trimmed = name.Trim();
        if (trimmed.StartsWith("the ", StringComparison.OrdinalIgnoreCase)) trimmed = trimmed[4..];
        var toks = Tokenizer.Tokenize(trimmed, _abbreviations);
        if (toks.Count == 0) return;
        var c = casing ?? (IsAcronym(trimmed) ? Casing.Exact : char.IsUpper(trimmed[0]) ? Casing.Capitalized : Casing.Any);
        var node = Root;
        foreach (var t in toks)
        {
            var key = Tokenizer.Lower(trimmed.AsSpan(t.Start, t.Length));
            node.Children ??= new(StringComparer.Ordinal);
            if (!node.Children.TryGetValue(key, out var next)) node.Children[key] = next = new Node();
            node = next;
        }
        node.Entries ??= [];
        var entry = new GazetteerEntry(kind, state, org, body, place, c, trimmed);
        if (!node.Entries.Contains(entry)) node.Entries.Add(entry);
        MaxLength = Math.Max(MaxLength, toks.Count);
    }

    private static bool IsAcronym(string s)
    {
        int upper = 0, letters = 0;
        foreach (var ch in s)
        {
            if (char.IsLetter(ch)) { letters++; if (char.IsUpper(ch)) upper++; }
            else if (ch == ' ') return false;
        }
        return letters > 0 && letters <= 6 && upper >= letters - 1 && upper >= 2;
    }

    /// <summary>The entries for the token keys <paramref name="keys"/>, or null.</summary>
    internal List<GazetteerEntry>? Lookup(IReadOnlyList<string> keys)
    {
        var node = Root;
        foreach (var k in keys)
        {
            if (node.Children is null || !node.Children.TryGetValue(k, out node)) return null;
        }
        return node.Entries;
    }
}
