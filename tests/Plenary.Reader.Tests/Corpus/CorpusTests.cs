using System.Text.Json;
using Plenary.Core.Articles;
using Plenary.Core.Claims;
using Plenary.Reader.Articles;
using Plenary.Reader.Tests.Support;
using Xunit.Abstractions;

namespace Plenary.Reader.Tests.Corpus;

/// <summary>The acceptance figures on the shared corpus (../shared/corpus): the seed article exactly, the dev set above the bar.</summary>
public sealed class CorpusTests(ITestOutputHelper output)
{
    private static Scorer.Result ScoreArticle(string goldFile, out string id)
    {
        var gold = JsonDocument.Parse(File.ReadAllText(goldFile)).RootElement;
        id = gold.GetProperty("id").GetString()!;
        var articleFile = Path.Combine(Path.GetDirectoryName(goldFile)!, "..", "articles", Path.GetFileName(goldFile));
        var article = ArticleFiles.Load(articleFile);
        var claims = TestReader.Shipped.Propose(article);
        var lines = claims.Select(c => ClaimJson.ToLine(article.Id, c.Fact, c.Evidence, c.Modality));
        return Scorer.Score(gold, article.Text, lines);
    }

    [SkippableFact]
    public void Seed_article_comes_out_exactly_right()
    {
        var corpus = TestReader.CorpusFolder();
        Skip.If(corpus is null, "../shared/corpus is not present next to the repository");
        var r = ScoreArticle(Path.Combine(corpus!, "dev", "gold", "000-seed.json"), out _);
        output.WriteLine($"seed: F1 {r.F1:F3}, dates {r.DateAccuracy:F3}, evidence {r.EvidenceValidity:F3}");
        Assert.Equal(1.0, r.F1, 3);
        Assert.Equal(1.0, r.DateAccuracy, 3);
        Assert.Equal(1.0, r.EvidenceValidity, 3);
    }

    [SkippableFact]
    public void Seed_text_with_a_publication_date_reads_like_the_json()
    {
        var corpus = TestReader.CorpusFolder();
        Skip.If(corpus is null, "../shared/corpus is not present next to the repository");
        var text = ArticleFiles.Load(Path.Combine(corpus!, "seed-article.txt"), new DateOnly(2024, 11, 27));
        var json = ArticleFiles.Load(Path.Combine(corpus!, "dev", "articles", "000-seed.json"));
        var a = TestReader.Shipped.Propose(text).Select(c => ClaimJson.FactKey(c.Fact));
        var b = TestReader.Shipped.Propose(json with { Id = text.Id }).Select(c => ClaimJson.FactKey(c.Fact));
        Assert.Equal(b, a);
    }

    [SkippableFact]
    public void Dev_set_clears_the_bar()
    {
        var corpus = TestReader.CorpusFolder();
        Skip.If(corpus is null, "../shared/corpus is not present next to the repository");
        var total = new Scorer.Result(0, 0, 0, 0, 0, 0, 0);
        foreach (var gold in Directory.EnumerateFiles(Path.Combine(corpus!, "dev", "gold"), "*.json").Order(StringComparer.Ordinal))
        {
            var r = ScoreArticle(gold, out var id);
            output.WriteLine($"{id}: F1 {r.F1:F3} (gold {r.Gold}, predicted {r.Predicted}, matched {r.Matched})");
            total += r;
        }
        output.WriteLine($"dev: F1 {total.F1:F3}, dates {total.DateAccuracy:F3}, evidence {total.EvidenceValidity:F3}");
        Assert.True(total.F1 >= 0.75, $"dev F1 {total.F1:F3} < 0.75");
        Assert.True(total.DateAccuracy >= 0.90, $"dev date accuracy {total.DateAccuracy:F3} < 0.90");
        Assert.Equal(1.0, total.EvidenceValidity, 3);
    }

    [SkippableFact]
    public void Reading_is_deterministic()
    {
        var corpus = TestReader.CorpusFolder();
        Skip.If(corpus is null, "../shared/corpus is not present next to the repository");
        foreach (var file in ArticleFiles.Expand([Path.Combine(corpus!, "dev", "articles")]))
        {
            var article = ArticleFiles.Load(file);
            var once = TestReader.Reader.Propose(article).Select(c => ClaimJson.ToLine(article.Id, c.Fact, c.Evidence, c.Modality)).ToList();
            var twice = new NewsReader(TestReader.Catalog).Propose(article).Select(c => ClaimJson.ToLine(article.Id, c.Fact, c.Evidence, c.Modality)).ToList();
            Assert.Equal(once, twice);
        }
    }
}
