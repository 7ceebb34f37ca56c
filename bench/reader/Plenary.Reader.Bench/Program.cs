using System.Diagnostics;
using System.Text;
using Plenary.Core.Articles;
using Plenary.Core.Claims;
using Plenary.Reader;
using Plenary.Reader.Articles;
using Plenary.Store.Curated;

// plenary-reader-bench claims DATA PATH…      JSON Lines claims for the articles (for score_claims.py); DATA is a curated data folder
// plenary-reader-bench throughput DATA FILE [--repeat N] [--claims OUT]
//     read FILE (plain text) as one article; print bytes/s, peak memory and per-stage times. --repeat N reads it N
//     times after the warm-up and prints each run (for profiling; run.sh reads it once); --claims writes the claims of
//     the (last) read as JSON Lines, so that a speed change can be checked to leave the output byte-identical.
if (args.Length < 3)
{
    Console.Error.WriteLine("usage: claims REGISTRY PATH… | throughput REGISTRY TEXTFILE [--published YYYY-MM-DD]");
    return 2;
}
var catalog = CuratedData.LoadCatalog(args[1]);
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
    int repeat = Option("--repeat") is { } r ? int.Parse(r) : 1;
    ReadResult? result = null;
    var fastest = new Dictionary<string, double>();
    double fastestRun = double.MaxValue;
    for (int run = 0; run < repeat; run++)
    {
        result = null;
        GC.Collect();
        var timings = new StageTimings();
        var pause = GC.GetTotalPauseDuration();
        int[] collections = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        result = reader.Read(article, timings);
        sw.Stop();
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        pause = GC.GetTotalPauseDuration() - pause;
        long bytes = Encoding.UTF8.GetByteCount(text);
        var peak = Process.GetCurrentProcess().PeakWorkingSet64;
        Console.WriteLine($"plenary bytes={bytes} seconds={sw.Elapsed.TotalSeconds:F3} bytes_per_second={bytes / sw.Elapsed.TotalSeconds:F0} claims={result.Claims.Count} tokens={result.Document.Tokens.Count} sentences={result.Document.Sentences.Count} peak_working_set_mb={peak / 1048576.0:F1} cpu_seconds={cpu.TotalSeconds:F3} gc_pause_ms={pause.TotalMilliseconds:F0} gc_counts={GC.CollectionCount(0) - collections[0]}/{GC.CollectionCount(1) - collections[1]}/{GC.CollectionCount(2) - collections[2]}");
        foreach (var ((stage, time), (_, allocated)) in timings.Report().Zip(timings.Allocations()))
        {
            Console.WriteLine($"  stage {stage,-18} {time.TotalMilliseconds,6:F0} ms {allocated / 1048576.0,8:F1} MB allocated");
            fastest[stage] = Math.Min(fastest.GetValueOrDefault(stage, double.MaxValue), time.TotalMilliseconds);
        }
        fastestRun = Math.Min(fastestRun, sw.Elapsed.TotalSeconds);
    }
    if (repeat > 1)
    {
        // on a shared machine the fastest of several runs is the least disturbed one (per stage, too)
        Console.WriteLine($"fastest of {repeat}: {fastestRun:F3} s; per stage (ms): {string.Join(", ", fastest.Select(x => $"{x.Key} {x.Value:F0}"))}; sum of stage minima {fastest.Values.Sum():F0}");
    }
    if (Option("--claims") is { } claimsFile)
        File.WriteAllLines(claimsFile, result!.Claims.Select(c => ClaimJson.ToLine(article.Id, c.Fact, c.Evidence, c.Modality)));
    return 0;
}
Console.Error.WriteLine($"unknown mode '{args[0]}'");
return 2;

string? Option(string name) => Array.IndexOf(args, name) is int i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
