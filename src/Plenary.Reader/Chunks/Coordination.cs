using Plenary.Reader.Gazetteer;
using Plenary.Reader.Tokens;

namespace Plenary.Reader.Chunks;

/// <summary>
/// Noun-phrase coordination: lists of states and persons joined by commas, "and", "as well as" ("Mali, Burkina Faso
/// and Niger"; "Indian Prime Minister Narendra Modi, Iranian President Masoud Pezeshkian and the heads of state of
/// Kazakhstan and Uzbekistan"), and collective noun phrases that stand for a list named before ("the three countries",
/// "the five states", "the country"). Every walk is bounded (a list item spans at most a few role words), so the stage
/// stays linear in the text.
/// </summary>
public static class Coordination
{
    private const int MaxRoleWords = 6;

    /// <summary>Nouns that name a group of states ("the countries", "the three juntas", "the nations").</summary>
    private static readonly HashSet<string> CollectiveNouns = new(StringComparer.Ordinal)
    {
        "countries", "states", "nations", "governments", "juntas", "members", "newcomers",
    };

    private static readonly HashSet<string> SingularNouns = new(StringComparer.Ordinal) { "country", "nation", "state", "government", "kingdom", "republic" };

    /// <summary>Group heads that are followed by the states they stand for: "the leaders of", "heads of state from".</summary>
    private static readonly HashSet<string> GroupHeads = new(StringComparer.Ordinal)
    {
        "leaders", "heads", "presidents", "representatives", "delegations", "delegates", "ministers", "envoys", "officials", "premiers",
    };

    private static readonly HashSet<string> InstitutionNouns = new(StringComparer.Ordinal)
    {
        "ministry", "ministries", "government", "governments", "parliament", "parliaments", "delegation", "delegations", "diplomacy",
    };

    /// <summary>"foreign ministry", "defence ministries": at most two modifiers and an institution noun; returns the token after it, or <paramref name="k"/>.</summary>
    private static int Institution(Document doc, int k, int end)
    {
        for (int j = k; j < Math.Min(end, k + 3); j++)
        {
            if (InstitutionNouns.Contains(doc.Lower[j])) return j + 1;
            if (doc.Tokens[j].Kind != TokenKind.Word || doc.MentionStartingAt(j) is not null) return k;
        }
        return k;
    }

    private static readonly Dictionary<string, int> Numbers = new(StringComparer.Ordinal)
    {
        ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8, ["nine"] = 9, ["ten"] = 10,
    };

    /// <summary>
    /// The list of states and persons that starts at token <paramref name="t"/>: items joined by ",", "and", "as well
    /// as"; an item is a state, a person (with the role words and demonym before the name), or a group head with its
    /// states ("the heads of state from Kazakhstan and Kyrgyzstan"). Returns the end of the list (== t when none).
    /// </summary>
    public static int ListAt(Document doc, int t, int end, List<Mention> into, bool persons)
    {
        int k = t, last = t;
        while (k < end)
        {
            int itemEnd = Item(doc, k, end, into, persons);
            if (itemEnd <= k) break;
            last = k = itemEnd;
            if (k < end && doc.Lower[k] == ",") k++;
            if (k < end && doc.Lower[k] is "and" or "&") k++;
            else if (k + 2 < end && doc.Lower[k] == "as" && doc.Lower[k + 1] == "well" && doc.Lower[k + 2] == "as") k += 3;
        }
        return last;
    }

    private static int Item(Document doc, int t, int end, List<Mention> into, bool persons)
    {
        int k = t;
        if (k < end && doc.Lower[k] is "the" or "a") k++;
        if (doc.MentionStartingAt(k) is { IsStateActor: true } s && !(s.End < end && doc.Lower[s.End] == "'s" && persons))
        {
            into.Add(s);
            return s.End;
        }
        // "the Baltic countries" inside a list
        if (Collective(doc, k, end, into) is int c && c > k) return c;
        // "the heads of state from Kazakhstan and Kyrgyzstan", "leaders from Oman, Egypt and Lebanon"
        if (k < end && GroupHeads.Contains(doc.Lower[k]))
        {
            int j = k + 1;
            if (j + 1 < end && doc.Lower[j] == "of" && doc.Lower[j + 1] is "state" or "government") j += 2;
            // "the heads of the foreign ministries of A and B": an institution between the head and its states
            else if (j + 3 < end && doc.Lower[j] == "of" && doc.Lower[j + 1] == "the" && Institution(doc, j + 2, end) is int inst && inst > j + 2) j = inst;
            if (j < end && doc.Lower[j] is "of" or "from")
            {
                int before = into.Count;
                int e = ListAt(doc, j + 1, end, into, persons: false);
                if (into.Count > before) return e;
            }
            return t;
        }
        if (!persons) return t;
        // a person with the role words before the name: "Indian Prime Minister Narendra Modi", "Russia's Sergei Lavrov"
        for (int j = k; j < end && j - k <= MaxRoleWords; j++)
        {
            var m = doc.MentionStartingAt(j);
            if (m is { Kind: MentionKind.Person })
            {
                if (m.State is null) return t;
                into.Add(m);
                return m.End;
            }
            if (m is not null) { j = m.End - 1; continue; }
            var w = doc.Lower[j];
            // "the head of the White House, Joe Biden": the name in apposition to its role
            if (w == "," && doc.MentionStartingAt(j + 1) is { Kind: MentionKind.Person }) continue;
            if (doc.Tokens[j].Kind is TokenKind.Punct or TokenKind.Quote && w != "'s") return t;
            if (w is "and" or "or" or "who" or "which" or "were" or "was" or "is" or "are") return t;
        }
        return t;
    }

    /// <summary>
    /// A collective or singular noun phrase at <paramref name="t"/> that refers back to states named before: "the three
    /// countries" (the last list of three), "the countries" (the last list), "the country" (the last state). Returns the
    /// end of the phrase, or <paramref name="t"/> when there is none or nothing to refer to.
    /// </summary>
    public static int Anaphor(Document doc, int t, int end, List<Mention> into)
    {
        if (t >= end || doc.Lower[t] is not ("the" or "these" or "those" or "both" or "all")) return t;
        int k = t + 1;
        int count = 0;
        if (k < end && Numbers.TryGetValue(doc.Lower[k], out var n)) { count = n; k++; }
        // one modifier may stand before the noun ("the three Sahel countries", "the new members")
        int noun = k < end && (CollectiveNouns.Contains(doc.Lower[k]) || SingularNouns.Contains(doc.Lower[k])) ? k
            : k + 1 < end && (CollectiveNouns.Contains(doc.Lower[k + 1]) || SingularNouns.Contains(doc.Lower[k + 1])) && doc.MentionStartingAt(k) is null ? k + 1 : -1;
        if (noun < 0) return t;
        // "the Baltic states": a collective name stands for its states, not for a list named before
        if (noun == k + 1 && Collective(doc, k, end, into) is int c && c > k) return c;
        // "the country's" is a possessor, "the state of emergency" no state at all
        if (noun + 1 < end && doc.Lower[noun + 1] is "of") return t;
        bool singular = SingularNouns.Contains(doc.Lower[noun]);
        if (singular && doc.Lower[t] != "the") return t;
        var group = singular ? LastState(doc, t) is { } one ? [one] : [] : LastGroup(doc, t, count);
        if (group.Count == 0) return t;
        into.AddRange(group);
        return noun + 1;
    }

    private static readonly HashSet<string> CollectiveHeads = new(StringComparer.Ordinal) { "countries", "states", "nations", "republics" };

    /// <summary>
    /// "Baltic countries", "Nordic states": a collective modifier from Lexicons/collectives.txt before a plural noun of
    /// states adds one mention per state it names (all spanning the phrase). Returns the phrase's end, or <paramref name="k"/>.
    /// </summary>
    public static int Collective(Document doc, int k, int end, List<Mention> into)
    {
        if (k + 1 >= end || !CollectiveHeads.Contains(doc.Lower[k + 1]) || !doc.IsCapitalized(k)
            || !Lexicons.Default.Collectives.TryGetValue(doc.Lower[k], out var states)) return k;
        foreach (var code in states)
            into.Add(new Mention(k, k + 2, doc.Tokens[k].Start, doc.Tokens[k + 1].End, MentionKind.State, code));
        return k + 2;
    }

    /// <summary>The last state named (not a demonym, not inside a quotation) in this sentence or the three before it.</summary>
    public static Mention? LastState(Document doc, int token)
    {
        int floor = doc.Sentences[Math.Max(0, doc.SentenceOf[Math.Min(token, doc.SentenceOf.Length - 1)] - 3)].First;
        for (int k = token - 1; k >= floor; k--)
            if (doc.MentionStartingAt(k) is { Kind: MentionKind.State, State: not null } m && doc.QuoteOf[k] < 0) return m;
        return null;
    }

    /// <summary>The last list of two or more states before a token (of exactly <paramref name="count"/> when given), within three sentences.</summary>
    public static List<Mention> LastGroup(Document doc, int token, int count)
    {
        int floor = doc.Sentences[Math.Max(0, doc.SentenceOf[Math.Min(token, doc.SentenceOf.Length - 1)] - 3)].First;
        for (int k = token - 1; k >= floor; k--)
        {
            if (doc.MentionStartingAt(k) is not { IsStateActor: true }) continue;
            // the list's first item: walk back while the token before is a separator with a state before it
            var group = new List<Mention>();
            int start = k;
            while (true)
            {
                int b = start - 1;
                if (b >= floor && doc.Lower[b] == "the") b--;
                if (b >= floor && doc.Lower[b] is "and" or "&") b--;
                if (b >= floor && doc.Lower[b] == ",") b--;
                if (b == start - 1 || (b == start - 2 && doc.Lower[start - 1] == "the")) break;
                if (b < floor) break;
                int head = b;
                while (head >= floor && b - head < 6 && doc.MentionStartingAt(head) is null) head--;
                if (head < floor || doc.MentionStartingAt(head) is not { IsStateActor: true } prev || prev.End != b + 1) break;
                start = head;
            }
            ListAt(doc, start, doc.Sentences[doc.SentenceOf[k]].End, group, persons: false);
            var distinct = group.Where(g => g.State is not null).DistinctBy(g => g.State).ToList();
            if (distinct.Count >= 2 && (count == 0 || distinct.Count == count)) return distinct;
            k = start;
        }
        return [];
    }
}
