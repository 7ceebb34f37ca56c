using System.Text;
using Plenary.Core.Articles;
using Plenary.Core.Claims;
using Plenary.Reader.Tests.Support;
using Xunit.Abstractions;

namespace Plenary.Reader.Tests.Corpus;

/// <summary>
/// Hostile input: random bytes, mutated news, unbalanced and deeply nested quotes, no sentence ends, 50 MB of text. No
/// exception may escape, every claim's evidence must lie inside the text, and memory must grow with the text and no
/// faster (checked by allocated bytes, never by timings).
/// </summary>
public sealed class RobustnessTests(ITestOutputHelper output)
{
    private const string Seed = "Russian presidential adviser Yuri Ushakov said the doors are open to Armenia to participate in all activities of the Collective Security Treaty Organization, in the wake of Yerevan, once again, choosing to not take part in a gathering of group’s of foreign, defense and security ministers set for Thursday in Kazakhstan’s capital, Astana.\n“Russia respects the independent course of Armenia, which has suspended its active participation in the CSTO. However, Yerevan retains membership in the organization, and the doors are ‘open’ for it to all CSTO events,” Ushakov said on Tuesday.\n“We do not question the right of Armenian partners to independently determine their course,” the diplomat said. Prime Minister Nikol Pashinyan’s office announced Wednesday that he would chair the upcoming EEU session, scheduled to take place in St. Petersburg, Russia next month.";

    private static readonly string[] Pieces = ["“", "”", "\"", "'", "‘", "’", ".", "\n", "\n\n", " ", ",", "St.", "U.S.", "Dec.", "CSTO", "Armenia", "said", "he added", "Monday", "next month",
        "2024", "31st", "—", "(", ")", "\u0000", "\uD800", "\uDC00", "é", "🙂", "\t", "...", "…", "’s", "will not attend", "the summit", "chair", "froze its participation in the"];

    private static void Check(Article article)
    {
        var result = TestReader.Reader.Read(article);
        foreach (var c in result.Claims)
        {
            Assert.NotEmpty(c.Evidence);
            Assert.All(c.Evidence, e => Assert.True(e.End <= article.Text.Length));
            ClaimJson.ToLine(article.Id, c.Fact, c.Evidence, c.Modality);
        }
    }

    [Fact]
    public void A_hundred_thousand_random_and_mutated_articles_never_throw()
    {
        var rng = new Random(20241127);
        var sb = new StringBuilder();
        DateOnly?[] dates = [null, new DateOnly(2024, 11, 27), new DateOnly(1, 1, 1), new DateOnly(9999, 12, 31), new DateOnly(2000, 2, 29)];
        for (int n = 0; n < 100_000; n++)
        {
            sb.Clear();
            switch (n % 4)
            {
                case 0: // random characters, any code unit
                    for (int i = rng.Next(0, 200); i > 0; i--) sb.Append((char)rng.Next(0, 0x10000));
                    break;
                case 1: // random pieces of news syntax
                    for (int i = rng.Next(0, 60); i > 0; i--) sb.Append(Pieces[rng.Next(Pieces.Length)]).Append(rng.Next(3) == 0 ? " " : "");
                    break;
                default: // the seed article, mutated: cut, spliced, characters replaced
                {
                    int start = rng.Next(Seed.Length), length = rng.Next(Seed.Length - start + 1);
                    sb.Append(Seed, start, length);
                    for (int i = rng.Next(0, 8); i > 0 && sb.Length > 0; i--)
                    {
                        int at = rng.Next(sb.Length);
                        if (rng.Next(2) == 0) sb[at] = Pieces[rng.Next(Pieces.Length)][0];
                        else sb.Insert(at, Pieces[rng.Next(Pieces.Length)]);
                    }
                    break;
                }
            }
            Check(new Article($"fuzz-{n}", sb.ToString(), dates[n % dates.Length]));
        }
    }

    [Fact]
    public void Unbalanced_and_ten_thousand_deep_nested_quotes_are_read()
    {
        Check(new Article("nested", string.Concat(Enumerable.Repeat("“‘\"'", 10_000)) + "Armenia said so." + string.Concat(Enumerable.Repeat("'\"’”", 10_000)), new DateOnly(2024, 11, 27)));
        Check(new Article("open", string.Concat(Enumerable.Repeat("“Armenia will not attend the CSTO summit, he said ", 5_000)), new DateOnly(2024, 11, 27)));
        Check(new Article("close", string.Concat(Enumerable.Repeat("he said.” ", 20_000)), new DateOnly(2024, 11, 27)));
    }

    [Fact]
    public void Text_without_sentence_ends_is_read()
    {
        Check(new Article("run-on", string.Join(' ', Enumerable.Repeat("Armenia will not attend the CSTO summit in Astana on Thursday and", 20_000)), new DateOnly(2024, 11, 27)));
    }

    [Fact]
    public void Fifty_megabytes_of_text_are_read_in_memory_proportional_to_the_text()
    {
        var one = Build(1 << 20);
        long small = Allocated(() => Check(new Article("1mb", one, new DateOnly(2024, 11, 27))));
        var fifty = Build(50 << 20);
        long large = Allocated(() => Check(new Article("50mb", fifty, new DateOnly(2024, 11, 27))));
        double perChar1 = small / (double)one.Length, perChar50 = large / (double)fifty.Length;
        output.WriteLine($"allocated per character: 1 MB {perChar1:F1} B, 50 MB {perChar50:F1} B");
        // linear: the 50 MB text costs per character about what the 1 MB text does (not 50 times more)
        Assert.True(perChar50 < perChar1 * 3, $"allocation grows faster than the text: {perChar1:F1} → {perChar50:F1} bytes per character");
        Assert.True(perChar50 < 400, $"{perChar50:F1} bytes allocated per character");
    }

    private static string Build(int chars)
    {
        var sb = new StringBuilder(chars + Seed.Length);
        var rng = new Random(7);
        string[] words = ["the", "minister", "said", "that", "Armenia", "will", "not", "attend", "summit", "in", "Astana", "on", "Thursday", "bloc", "CSTO", "“quoted words here”", "and", "Ushakov", "added", "2024", "Dec.", "10", "next", "month"];
        while (sb.Length < chars)
        {
            if (rng.Next(40) == 0) sb.Append(Seed).Append('\n');
            for (int i = rng.Next(5, 30); i > 0; i--) sb.Append(words[rng.Next(words.Length)]).Append(' ');
            sb.Append(rng.Next(10) == 0 ? "\n" : ". ");
        }
        return sb.ToString(0, chars);
    }

    private static long Allocated(Action action)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
