namespace Plenary.Hardening.Tests;

/// <summary>Articles of our own words for the suites: each states a few facts the reader finds (membership, meeting, attendance).</summary>
public static class Articles
{
    private static readonly string[] States = ["Armenia", "Kazakhstan", "Kyrgyzstan", "Tajikistan", "Belarus", "Serbia", "Georgia", "Moldova"];

    public static string Text(int i, string tag)
    {
        var a = States[i % States.Length];
        var b = States[(i + 3) % States.Length];
        return $"{a} froze its participation in the Collective Security Treaty Organization in February 2024. " +
               $"{b} attended the CSTO summit in Astana on 28 November 2024, while {a} stayed away. " +
               $"Report number {i} of the {tag} suite, written for it.";
    }

    public static string Json(string id, int i, string tag) =>
        System.Text.Json.JsonSerializer.Serialize(new { id, published = $"2024-12-{i % 28 + 1:D2}", title = $"{tag} report {i}", text = Text(i, tag) });

    /// <summary>Writes <paramref name="count"/> articles <c>{tag}-NN.json</c> into <paramref name="folder"/> and returns it.</summary>
    public static string Folder(string folder, string tag, int count, int first = 0)
    {
        Directory.CreateDirectory(folder);
        for (int i = first; i < first + count; i++) File.WriteAllText(Path.Combine(folder, $"{tag}-{i:D3}.json"), Json($"{tag}-{i:D3}", i, tag));
        return folder;
    }
}
