using System.Reflection;

namespace Plenary.Reader;

/// <summary>
/// The reader's own word lists (Lexicons/*.txt, embedded): one entry a line, <c>#</c> starts a comment, columns are
/// separated by tabs. Adding a verb such as "boycotted" is adding a line.
/// </summary>
public static class Lexicon
{
    public static IReadOnlyList<string[]> Rows(string name)
    {
        var asm = typeof(Lexicon).Assembly;
        using var stream = asm.GetManifestResourceStream($"Plenary.Reader.Lexicons.{name}.txt")
            ?? throw new InvalidOperationException($"lexicon '{name}' is not embedded in {asm.GetName().Name}");
        using var reader = new StreamReader(stream);
        var rows = new List<string[]>();
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed[0] == '#') continue;
            rows.Add(line.Split('\t').Select(x => x.Trim()).ToArray());
        }
        return rows;
    }

    public static HashSet<string> Words(string name, StringComparer? comparer = null) =>
        new(Rows(name).Select(r => r[0]), comparer ?? StringComparer.Ordinal);
}

/// <summary>All lexicons, loaded once.</summary>
public sealed class Lexicons
{
    public IReadOnlySet<string> Abbreviations { get; } = Lexicon.Words("abbreviations");
    public IReadOnlyDictionary<string, bool> Titles { get; } = Lexicon.Rows("titles").ToDictionary(r => r[0], r => r.Length > 1 && r[1] == "head");
    public IReadOnlySet<string> SpeechVerbs { get; } = Lexicon.Words("speech-verbs");
    public IReadOnlySet<string> OrgNouns { get; } = Lexicon.Words("org-nouns");
    public IReadOnlySet<string> MeetingNouns { get; } = Lexicon.Words("meeting-nouns");
    public IReadOnlySet<string> BodyActs { get; } = Lexicon.Words("body-acts");
    public IReadOnlySet<string> Hedges { get; } = Lexicon.Words("hedges");
    public IReadOnlySet<string> FutureMarkers { get; } = Lexicon.Words("future-markers");
    public IReadOnlySet<string> PastVerbs { get; } = Lexicon.Words("past-verbs");
    public IReadOnlyList<string[]> Cities { get; } = Lexicon.Rows("cities");
    public IReadOnlyList<string[]> Membership { get; } = Lexicon.Rows("membership");
    public IReadOnlyList<string[]> Attendance { get; } = Lexicon.Rows("attendance");
    public IReadOnlyList<string[]> Chair { get; } = Lexicon.Rows("chair");
    /// <summary>"baltic" → EST, LVA, LTU: the states a collective modifier names.</summary>
    public IReadOnlyDictionary<string, Plenary.Core.Ids.StateId[]> Collectives { get; } = Lexicon.Rows("collectives")
        .ToDictionary(r => r[0], r => r[1].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Plenary.Core.Ids.StateId.Parse).ToArray(), StringComparer.Ordinal);

    public static Lexicons Default { get; } = new();
}
