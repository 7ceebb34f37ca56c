using System.CommandLine;
using System.Diagnostics;
using System.Text;
using Plenary.Core.Articles;
using Plenary.Core.Claims;
using Plenary.Core.Registry;
using Plenary.Reader;
using Plenary.Reader.Articles;
using Plenary.Reader.Patterns;
using Plenary.Store;
using Plenary.Store.Curated;
using Spectre.Console;

namespace Plenary.Cli.Commands;

/// <summary>
/// <c>plenary read PATH… [--published DATE] [--format jsonl|text] [--out FILE] [--explain] [--timings]</c>: articles in,
/// proposed claims out (spec/claims.md's JSON Lines), nothing stored. A folder is read in parallel and printed in input
/// order; a file that cannot be read is named on stderr, the others are still read, and the exit code is 1.
/// </summary>
public static class ReadCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("path") { Description = "Article files (.txt, .json, .html) or folders of them", Arity = ArgumentArity.OneOrMore };
        var published = new Option<string?>("--published") { Description = "Publication date (YYYY-MM-DD) of articles that do not carry one (.txt)" };
        var format = CliOptions.Format("jsonl", "text");
        var output = new Option<string?>("--out") { Description = "Write the claims to this file instead of standard output" };
        var explain = new Option<bool>("--explain") { Description = "Show, per claim, the rule and the words that fired it (on stderr with jsonl)" };
        var timings = new Option<bool>("--timings") { Description = "Print the time spent starting up (the registry's names, the reader's tables), loading the files and in each stage of the reader (on stderr)" };
        var cmd = new Command("read", "Read news articles and print the claims they state, with the words that support each (nothing is stored)")
        {
            paths, published, format, output, explain, timings,
        };
        cmd.SetAction(r =>
        {
            var pub = CliOptions.OptionalDay(r.GetValue(published), "--published");
            var stageTimes = r.GetValue(timings) ? new StageTimings() : null;
            var sw = Stopwatch.StartNew();
            var files = ArticleFiles.Expand(r.GetValue(paths)!);
            var catalog = LoadCatalog(r);
            stageTimes?.Add("startup:catalog", sw.ElapsedTicks);
            sw.Restart();
            var reader = new NewsReader(catalog);
            stageTimes?.Add("startup:reader", sw.ElapsedTicks);
            var results = ReadAll(files, pub, reader, stageTimes);

            sw.Restart();
            var text = r.GetValue(format) == "text";
            var sb = new StringBuilder();
            var failed = new List<string>();
            for (int i = 0; i < files.Count; i++)
            {
                var (result, error) = results[i];
                if (error is not null) { Console.Error.WriteLine($"plenary: {error}"); failed.Add(files[i]); continue; }
                if (text) WriteText(sb, files[i], result!, r.GetValue(explain), catalog);
                else
                    foreach (var c in result!.Claims)
                    {
                        sb.Append(ClaimJson.ToLine(result.Article.Id, c.Fact, c.Evidence, c.Modality)).Append('\n');
                        if (r.GetValue(explain)) Console.Error.WriteLine($"{result.Article.Id}: {WireName.Of(c.Fact.Type)} ← {c.Rule} [{c.Trigger}]");
                    }
            }
            ArticleInput.WarnUndated(
                results.Count(x => x.Result is { Article.Published: null, Document.DateEstimate: null }),
                results.Count(x => x.Result is not null),
                results.Count(x => x.Result is { Article.Published: null, Document.DateEstimate: not null }));
            if (r.GetValue(output) is { Length: > 0 } file) File.WriteAllText(file, sb.ToString(), new UTF8Encoding(false));
            else Console.Out.Write(sb.ToString());
            stageTimes?.Add("output", sw.ElapsedTicks);
            if (stageTimes is not null)
                foreach (var (stage, time) in stageTimes.Report()) Console.Error.WriteLine($"stage {stage,-20} {time.TotalMilliseconds,10:F1} ms");
            if (failed.Count > 0)
            {
                Console.Error.WriteLine($"plenary: {failed.Count} of {files.Count} article file(s) could not be read: {string.Join(", ", failed)}");
                return 1;
            }
            return 0;
        });
        return cmd;
    }

    /// <summary>
    /// The registry's names: the open registry's when there is one, else the curated data folder's names alone (no database
    /// is created, and the facts, which reading does not use, are not loaded).
    /// </summary>
    private static Catalog LoadCatalog(ParseResult r)
    {
        var db = CliOptions.DbPath(r);
        if (File.Exists(db))
        {
            using var store = RegistryOpener.Open(r);
            return store.Catalog;
        }
        return CuratedData.LoadCatalog(RegistryOpener.DataFolder);
    }

    private static (ReadResult? Result, string? Error)[] ReadAll(List<string> files, DateOnly? published, NewsReader reader, StageTimings? timings)
    {
        var results = new (ReadResult?, string?)[files.Count];
        void ReadOne(int i)
        {
            try
            {
                long start = Stopwatch.GetTimestamp();
                var article = ArticleInput.Load(files[i], published);
                timings?.Add("load", Stopwatch.GetTimestamp() - start);
                results[i] = (reader.Read(article, timings), null);
            }
            catch (ArticleFileException e) { results[i] = (null, e.Message); }
        }
        var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
        if (files.Count > 1 && !Console.IsErrorRedirected)
        {
            // the bar goes to stderr, so that claims on stdout stay clean
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            console.Progress().AutoClear(true).Start(ctx =>
            {
                var task = ctx.AddTask("reading articles", maxValue: files.Count);
                Parallel.For(0, files.Count, options, i => { ReadOne(i); task.Increment(1); });
            });
        }
        else Parallel.For(0, files.Count, options, ReadOne);
        return results;
    }

    private static readonly ClaimType[] TypeOrder = [ClaimType.Membership, ClaimType.Meeting, ClaimType.Attendance, ClaimType.Chair, ClaimType.Statement];

    private static void WriteText(StringBuilder sb, string file, ReadResult result, bool explain, Catalog catalog)
    {
        var a = result.Article;
        sb.Append($"# {a.Id}  ({file}; published {(a.Published is { } p ? p.ToString("yyyy-MM-dd") : result.Document.DateEstimate is { } estimate ? "unknown; " + estimate.Describe(a.Text) : "unknown")}; {result.Claims.Count} claims)\n");
        if (file.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".htm", StringComparison.OrdinalIgnoreCase))
            sb.Append("\n## text (evidence offsets refer to it)\n").Append(a.Text).Append('\n');
        foreach (var type in TypeOrder)
        {
            var claims = result.Claims.Where(c => c.Fact.Type == type).ToList();
            if (claims.Count == 0) continue;
            sb.Append($"\n## {WireName.Of(type)} ({claims.Count})\n");
            foreach (var c in claims)
            {
                sb.Append("- ").Append(ClaimDescription.Describe(c.Fact, catalog, modality: c.Modality)).Append('\n');
                foreach (var e in c.Evidence)
                    sb.Append($"    [{e.Start},{e.End}) “{OneLine(e.Quote(a.Text))}”\n");
                if (explain) sb.Append($"    rule {c.Rule}; fired by [{c.Trigger}]\n");
            }
        }
        sb.Append('\n');
    }

    private static string OneLine(string s) => s.Replace("\r", " ").Replace('\n', ' ');
}
