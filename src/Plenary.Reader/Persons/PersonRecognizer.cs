using System.Runtime.CompilerServices;
using Plenary.Core.Ids;
using Plenary.Core.Registry;
using Plenary.Core.Text;
using Plenary.Reader.Gazetteer;
using Plenary.Reader.Tokens;

namespace Plenary.Reader.Persons;

/// <summary>
/// Persons: runs of capitalized words that are no registry name, accepted when a title stands before them
/// ("Russian presidential adviser Yuri Ushakov", "Russia’s Ambassador to Armenia, Sergei Kopyrkin"), a speech verb or a
/// title follows them, or the registry knows them. A later surname ("Ushakov") or tail ("Da Silva") points to the same
/// person. The title phrase becomes the role, and the state it names (or the registry's) the person's state.
/// </summary>
public sealed class PersonRecognizer
{
    private readonly Lexicons lexicons;
    /// <summary>The registry's persons by folded full name and alias, and by folded surname (first one wins).</summary>
    private readonly Dictionary<string, Person> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Person> _bySurname = new(StringComparer.Ordinal);

    public PersonRecognizer(Catalog catalog, Lexicons lexicons)
    {
        this.lexicons = lexicons;
        foreach (var p in catalog.Persons)
            foreach (var name in p.Aliases.Prepend(p.Name))
            {
                var folded = NameFolding.Fold(name);
                if (folded.Length == 0) continue;
                _byName.TryAdd(folded, p);
                _bySurname.TryAdd(folded.Split(' ')[^1], p);
            }
    }

    private const int MaxNameTokens = 5;
    private const int MaxRoleTokens = 10;

    private static readonly HashSet<string> NotNames = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "in", "on", "at", "by", "for", "of", "and", "but", "as", "he", "she", "it", "they", "we", "i", "this", "that",
        "ministry", "council", "committee", "union", "organization", "organisation", "agency", "court", "republic", "federation",
        "security", "summit", "news", "press", "service", "government", "parliament", "house", "party", "army", "forces", "commission",
        "assembly", "bank", "fund", "forum", "conference", "convention", "treaty", "charter", "day", "university", "institute",
        "centre", "center", "television", "channel", "radio", "reuters", "afp", "tass", "times", "post", "photo", "related", "editor",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may",
        "june", "july", "august", "september", "october", "november", "december", "jan.", "feb.", "aug.", "sept.", "sep.", "oct.",
        "nov.", "dec.", "earlier", "later", "today", "yesterday", "however", "meanwhile", "also", "while", "according", "states",
        "nations", "community", "movement", "alliance", "group", "statement", "communique", "office", "people", "leaders", "heads",
        "state", "general", "secretary", "west", "east", "north", "south", "western", "eastern", "northern", "southern", "central",
        "african", "european", "asian", "world", "international", "national", "regional", "global", "dear", "please", "powered",
        "prime", "foreign", "minister", "president", "vice", "deputy", "head", "chief", "mr", "mrs", "ms", "dr", "pm", "agreement",
        "law", "treaties", "economic", "cooperation", "co-operation", "defence", "defense", "affairs", "external", "internal",
        "energy", "mineral", "resources", "finance", "trade", "justice", "interior", "planning", "economy", "development",
    };

    private static readonly HashSet<string> Particles = new(StringComparer.Ordinal) { "da", "de", "do", "dos", "von", "van", "der", "bin", "al", "el", "la", "le", "di" };

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Run(Document doc)
    {
        var entities = new List<PersonEntity>();
        var suffixes = new Dictionary<string, int>(StringComparer.Ordinal);
        var mentions = new List<PersonMention>();
        var covered = new bool[doc.Tokens.Count];
        var coveredBy = new int[doc.Tokens.Count];
        Array.Fill(coveredBy, -1);
        for (int x = 0; x < doc.Mentions.Count; x++)
            for (int t = doc.Mentions[x].First; t < doc.Mentions[x].End; t++) { covered[t] = true; coveredBy[t] = x; }

        for (int i = 0; i < doc.Tokens.Count; i++)
        {
            // a title is never a name's first word: "Chancellor Olaf Scholz" is the title and the name
            if (covered[i] || !IsNameToken(doc, i) || (lexicons.Titles.TryGetValue(doc.Lower[i], out var titleHead) && titleHead)) continue;
            int end = i + 1;
            while (end < doc.Tokens.Count && end - i < MaxNameTokens && !covered[end] && !doc.Tokens[end].NewlineBefore
                   && doc.SentenceOf[end] == doc.SentenceOf[i]
                   && (IsNameToken(doc, end) || RegnalNumber(doc, end) || (Particles.Contains(doc.Lower[end]) && end + 1 < doc.Tokens.Count && (IsNameToken(doc, end + 1) || (end + 2 < doc.Tokens.Count && Hyphen(doc, end + 1) && !covered[end + 2])))
                       || (Hyphen(doc, end) && !covered[end + 1])))
                end += Hyphen(doc, end) ? 2 : 1;
            var name = NameText(doc, i, end);
            // folded once: the same key serves the document's persons and the registry's
            var folded = NameFolding.Fold(name);
            int entity = FindEntity(entities, name, folded, suffixes);
            if (end - i == 1 && entity < 0)
            {
                // a single word is a person as a known one's surname ("Ushakov concluded") or right after a title ("President Putin")
                entity = FindCatalog(entities, folded, i);
                if (entity < 0)
                {
                    var (role1, state1, title1) = RoleBefore(doc, coveredBy, i);
                    if (!title1 || doc.Text[doc.Tokens[i].Start..doc.Tokens[i].End].Length < 3) continue;
                    entities.Add(new PersonEntity { Name = name, Role = role1, State = state1, FirstToken = i });
                    entity = entities.Count - 1;
                }
            }
            else if (entity < 0)
            {
                var (role, roleState, hasTitle) = RoleBefore(doc, coveredBy, i);
                var owner = i >= 2 && doc.Lower[i - 1] == "'s" ? MentionCovering(doc, coveredBy, i - 2) : null;
                bool possessed = owner is { State: not null } && owner.Kind != MentionKind.Person;
                if (possessed && roleState is null) roleState = owner!.State;
                var known = CatalogPerson(folded);
                bool accepted = hasTitle || possessed || SpeechAfter(doc, end) || TitleAfter(doc, end) || known is not null
                    || (i > 0 && lexicons.SpeechVerbs.Contains(doc.Lower[i - 1]));
                if (!accepted) { i = end - 1; continue; }
                entities.Add(new PersonEntity
                {
                    Name = known?.Name ?? name,
                    Role = role,
                    State = roleState ?? StateAfter(doc, end) ?? known?.State,
                    FirstToken = i,
                });
                entity = entities.Count - 1;
            }
            else if (entities[entity].Role is null)
            {
                var (role, roleState, hasTitle) = RoleBefore(doc, coveredBy, i);
                if (hasTitle) { entities[entity].Role = role; entities[entity].State ??= roleState; }
            }
            mentions.Add(new PersonMention(i, end, entity));
            i = end - 1;
        }
        doc.Persons = mentions;
        // persons join the mention layer, in token order (both lists are in token order: a merge)
        var persons = new List<Mention>(mentions.Count);
        foreach (var p in mentions)
            persons.Add(new Mention(p.First, p.End, doc.Tokens[p.First].Start, doc.Tokens[p.End - 1].End, MentionKind.Person, entities[p.Entity].State, Person: p.Entity));
        doc.Mentions = GazetteerTagger.MergeByFirst(doc.Mentions, persons);
        doc.Entities = entities;
    }

    /// <summary>The name's tokens joined as the text joins them: a space between words, none around a name's hyphen.</summary>
    private static string NameText(Document doc, int first, int end)
    {
        if (end - first == 1) return doc.TokenText(first);
        var sb = new System.Text.StringBuilder(doc.Tokens[end - 1].End - doc.Tokens[first].Start);
        for (int k = first; k < end; k++)
        {
            if (k > first && doc.Tokens[k].Start > doc.Tokens[k - 1].End) sb.Append(' ');
            sb.Append(doc.Text.AsSpan(doc.Tokens[k].Start, doc.Tokens[k].Length));
        }
        return sb.ToString();
    }

    /// <summary>A hyphen joining two name parts with no space ("Kassym-Jomart", "Al-Ibrahim"): token <paramref name="i"/> is the hyphen.</summary>
    private static bool Hyphen(Document doc, int i) =>
        i + 1 < doc.Tokens.Count && doc.Lower[i] is "-" or "‐" && doc.Tokens[i].Start == doc.Tokens[i - 1].End && doc.Tokens[i + 1].Start == doc.Tokens[i].End
        && doc.Tokens[i + 1].Kind == TokenKind.Word && (char.IsUpper(doc.Text[doc.Tokens[i + 1].Start]) || doc.Lower[i - 1] is "al" or "el" or "bin");

    private static bool IsNameToken(Document doc, int i)
    {
        var t = doc.Tokens[i];
        if (t.Kind != TokenKind.Word) return false;
        var s = doc.Text.AsSpan(t.Start, t.Length);
        if (!char.IsUpper(s[0]) || NotNames.Contains(doc.Lower[i])) return false;
        if (s.Length > 1 && s[^1] != '.' && IsAllUpper(s)) return false; // MOSCOW, CSTO
        return true;
    }

    /// <summary>"Mohammed VI", "Charles III": a Roman numeral after a name is part of it.</summary>
    private static bool RegnalNumber(Document doc, int i) =>
        doc.Tokens[i].Kind == TokenKind.Word && doc.TokenText(i) is "I" or "II" or "III" or "IV" or "V" or "VI" or "VII" or "VIII" or "IX" or "X" or "XI" or "XII" or "XIII" or "XIV" or "XV" or "XVI";

    private static bool IsAllUpper(ReadOnlySpan<char> s)
    {
        foreach (var c in s) if (char.IsLetter(c) && !char.IsUpper(c)) return false;
        return true;
    }

    /// <summary>The person a name refers back to: the same full name, or its tail ("Ushakov", "Da Silva"); latest first.</summary>
    private static int FindEntity(List<PersonEntity> entities, string name, string folded, Dictionary<string, int> suffixes)
    {
        // index the entities added since the last call: every tail of every name
        for (int e = suffixes.TryGetValue("\0count", out var n) ? n : 0; e < entities.Count; e++)
        {
            var words = NameFolding.Fold(entities[e].Name).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (int k = 0; k < words.Length; k++) suffixes[string.Join(' ', words[k..])] = e;
            // the given name alone, kept under a key no name has ("\u0001" + word); -1 when two different persons share it
            if (words.Length >= 2)
            {
                var key = "\u0001" + words[0];
                if (!suffixes.TryGetValue(key, out var other)) suffixes[key] = e;
                else if (other >= 0 && !string.Equals(entities[other].Name, entities[e].Name, StringComparison.Ordinal)) suffixes[key] = -1;
            }
        }
        suffixes["\0count"] = entities.Count;
        if (suffixes.TryGetValue(folded, out var found)) return found;
        // "Anwar said" after "Anwar Ibrahim": a single word that is the given name of exactly one person named before
        // (names whose family name comes first, or is a patronymic, are referred to by the first word)
        if (!name.Contains(' ', StringComparison.Ordinal) && suffixes.TryGetValue("\u0001" + folded, out var given)) return given;
        return -1;
    }

    private int FindCatalog(List<PersonEntity> entities, string foldedSurname, int at)
    {
        if (!_bySurname.TryGetValue(foldedSurname, out var p)) return -1;
        entities.Add(new PersonEntity { Name = p.Name, State = p.State, FirstToken = at });
        return entities.Count - 1;
    }

    private Person? CatalogPerson(string folded) => _byName.GetValueOrDefault(folded);

    /// <summary>
    /// The title phrase right before a name: "Russian presidential adviser", "Russia’s Ambassador to Armenia,",
    /// "Kremlin spokesman". Its first state (a demonym, a state, a metonym) is the person's state.
    /// </summary>
    private (string? Role, StateId? State, bool HasTitle) RoleBefore(Document doc, int[] coveredBy, int nameStart)
    {
        int b = nameStart - 1;
        if (b >= 0 && doc.Lower[b] == ",") b--; // "Russia’s Ambassador to Armenia, Sergei Kopyrkin"
        int first = -1;
        bool hasTitle = false;
        StateId? state = null;
        for (int k = b; k >= 0 && b - k < MaxRoleTokens && doc.SentenceOf[k] == doc.SentenceOf[nameStart]; k--)
        {
            var w = doc.Lower[k];
            var m = doc.MentionStartingAt(k);
            bool isTitle = lexicons.Titles.TryGetValue(w, out var head);
            if (m is { State: not null } && m.Kind != MentionKind.Person) state = m.State; // "Kremlin spokesman", "Russian adviser"
            if (isTitle && head) hasTitle = true;
            else if (isTitle) { }
            else if (w == "'s") { }
            else if (m is null && MentionCovering(doc, coveredBy, k) is { } inner && inner.State is not null) { k = inner.First; state = inner.State; first = k; continue; }
            else if (m is { State: not null } && m.Kind != MentionKind.Person) { state = m.State; }
            else if (m is { Kind: MentionKind.Organization or MentionKind.Body or MentionKind.OrganizationRef }) { } // "ambassador to the bloc"
            else break;
            first = k;
        }
        if (!hasTitle || first < 0) return (null, null, false);
        // trim leading function words ("the", "of") from the role
        while (first < nameStart && doc.Lower[first] is "the" or "of" or "and" or "to" or "for") first++;
        int last = b;
        if (last < first) return (null, state, hasTitle);
        var role = doc.Text[doc.Tokens[first].Start..doc.Tokens[last].End];
        return (role, state, true);
    }

    private static Mention? MentionCovering(Document doc, int[] coveredBy, int token) =>
        token < coveredBy.Length && coveredBy[token] >= 0 ? doc.Mentions[coveredBy[token]] : null;

    private bool SpeechAfter(Document doc, int end) =>
        end < doc.Tokens.Count && (lexicons.SpeechVerbs.Contains(doc.Lower[end])
            || (end + 1 < doc.Tokens.Count && doc.Lower[end] is "has" or "had" or "also" && lexicons.SpeechVerbs.Contains(doc.Lower[end + 1])));

    private bool TitleAfter(Document doc, int end)
    {
        if (end >= doc.Tokens.Count || doc.Lower[end] != ",") return false;
        for (int k = end + 1; k < Math.Min(doc.Tokens.Count, end + 6); k++)
            if (lexicons.Titles.TryGetValue(doc.Lower[k], out var head) && head) return true;
        return false;
    }

    /// <summary>"Bankole Adeoye of Nigeria".</summary>
    private static StateId? StateAfter(Document doc, int end) =>
        end + 1 < doc.Tokens.Count && doc.Lower[end] == "of" && doc.MentionStartingAt(end + 1) is { Kind: MentionKind.State } m ? m.State : null;
}
