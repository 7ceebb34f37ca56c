using System.Diagnostics;
using System.Text;
using Plenary.Core.Articles;
using Plenary.Core.Claims;
using Plenary.Reader;
using Plenary.Reader.Articles;
using Plenary.Store.Curated;

// plenary-reader-bench claims DATA PATH…      JSON Lines claims for the articles (for score_claims.py); DATA is a curated data folder
// plenary-reader-bench throughput DATA FILE   read FILE (plain text) as one article; print bytes/s, peak memory and per-stage times
if (args.Length < 3)
{
    Console.Error.WriteLine("usage: claims REGISTRY PATH… | throughput REGISTRY TEXTFILE [--published YYYY-MM-DD]");
    return 2;
}
var catalog = CuratedData.Load(args[1], DateTimeOffset.UtcNow).Catalog;
var reader = new NewsReader(catalog);
if (args[0] == "claims")
{
    var timings = new StageTimings();
    var output = new StringBuilder();
    foreach (var file in ArticleFiles.Expand(args.Skip(2)))
    {
        var article = ArticleFiles.Load(file);
        var result = reader.Read(article, timings);
        foreach (var c in result.Claims)
            output.AppendLine(ClaimJson.ToLine(article.Id, c.Fact, c.Evidence, c.Modality));
        if (Environment.GetEnvironmentVariable("DUMP") == article.Id) Console.Error.WriteLine(result.Document.Describe());
        if (Environment.GetEnvironmentVariable("EXPLAIN") == "1")
            foreach (var c in result.Claims) Console.Error.WriteLine($"{article.Id}\t{c.Rule}\t[{c.Trigger}]\t{ClaimJson.FactToJson(c.Fact)}");
    }
    Console.Write(output);
    return 0;
}
if (args[0] == "throughput")
{
    var text = File.ReadAllText(args[2]);
    var article = new Article("bench", text, new DateOnly(2024, 11, 27));
    reader.Read(new Article("warmup", text[..Math.Min(text.Length, 200_000)], new DateOnly(2024, 11, 27)));
    GC.Collect();
    var timings = new StageTimings();
    var sw = Stopwatch.StartNew();
    var result = reader.Read(article, timings);
    sw.Stop();
    long bytes = Encoding.UTF8.GetByteCount(text);
    var peak = Process.GetCurrentProcess().PeakWorkingSet64;
    Console.WriteLine($"plenary bytes={bytes} seconds={sw.Elapsed.TotalSeconds:F3} bytes_per_second={bytes / sw.Elapsed.TotalSeconds:F0} claims={result.Claims.Count} tokens={result.Document.Tokens.Count} sentences={result.Document.Sentences.Count} peak_working_set_mb={peak / 1048576.0:F1}");
    foreach (var (stage, time) in timings.Report()) Console.WriteLine($"  stage {stage,-10} {time.TotalMilliseconds,8:F0} ms");
    return 0;
}
Console.Error.WriteLine($"unknown mode '{args[0]}'");
return 2;
