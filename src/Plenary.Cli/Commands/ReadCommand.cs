using System.Buffers;
using System.CommandLine;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
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
            var text = r.GetValue(format) == "text";
            var explained = r.GetValue(explain);
            var results = ReadAll(files, pub, reader, stageTimes, (file, result) => Format(file, result, text, explained, catalog));

            sw.Restart();
            var all = new MemoryStream();
            var failed = new List<string>();
            for (int i = 0; i < files.Count; i++)
            {
                var one = results[i];
                if (one.Error is not null) { Console.Error.WriteLine($"plenary: {one.Error}"); failed.Add(files[i]); continue; }
                all.Write(one.Output);
                if (one.Explain is { Length: > 0 } lines) Console.Error.Write(lines);
            }
            ArticleInput.WarnUndated(results.Count(x => x.Undated), results.Count(x => x.Error is null), results.Count(x => x.Estimated));
            if (r.GetValue(output) is { Length: > 0 } file) File.WriteAllBytes(file, all.GetBuffer().AsSpan(0, (int)all.Length));
            else if (Console.OutputEncoding.CodePage == Encoding.UTF8.CodePage)
            {
                using var stdout = Console.OpenStandardOutput();
                stdout.Write(all.GetBuffer().AsSpan(0, (int)all.Length));
            }
            else Console.Out.Write(Utf8.GetString(all.GetBuffer().AsSpan(0, (int)all.Length)));
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

    /// <summary>
    /// What one file gave: its claims as they are printed and its <c>--explain</c> lines for stderr (jsonl), or why it
    /// could not be read. Only this is kept of a file once read, not its annotated document, so a folder of thousands
    /// of articles holds one document at a time per thread.
    /// </summary>
    private sealed record FileResult(byte[]? Output, string? Explain, string? Error, bool Undated = false, bool Estimated = false);

    /// <summary>A file's claims as printed (UTF-8), and its <c>--explain</c> lines when they go to stderr.</summary>
    private static (byte[] Output, string? Explain) Format(string file, ReadResult result, bool text, bool explain, Catalog catalog)
    {
        if (text)
        {
            var sb = new StringBuilder();
            WriteText(sb, file, result, explain, catalog);
            return (Utf8.GetBytes(sb.ToString()), null);
        }
        // JSON Lines: every claim of the file through one writer, straight to UTF-8
        var buffer = new ArrayBufferWriter<byte>(512 * Math.Max(1, result.Claims.Count));
        using var w = new Utf8JsonWriter(buffer, ClaimJson.WriterOptions);
        var lines = explain ? new StringBuilder() : null;
        foreach (var c in result.Claims)
        {
            ClaimJson.WriteLine(w, result.Article.Id, c.Fact, c.Evidence, c.Modality);
            w.Flush();
            w.Reset();
            buffer.Write("\n"u8);
            lines?.Append($"{result.Article.Id}: {WireName.Of(c.Fact.Type)} ← {c.Rule} [{c.Trigger}]").Append(Environment.NewLine);
        }
        return (buffer.WrittenSpan.ToArray(), lines?.ToString());
    }

    private static readonly UTF8Encoding Utf8 = new(false);

    private static FileResult[] ReadAll(List<string> files, DateOnly? published, NewsReader reader, StageTimings? timings,
        Func<string, ReadResult, (byte[] Output, string? Explain)> format)
    {
        var results = new FileResult[files.Count];
        void ReadOne(int i)
        {
            try
            {
                long start = Stopwatch.GetTimestamp();
                var article = ArticleInput.Load(files[i], published);
                timings?.Add("load", Stopwatch.GetTimestamp() - start);
                var result = reader.Read(article, timings);
                start = Stopwatch.GetTimestamp();
                var (output, explain) = format(files[i], result);
                timings?.Add("output", Stopwatch.GetTimestamp() - start);
                results[i] = new FileResult(output, explain, null,
                    Undated: result is { Article.Published: null, Document.DateEstimate: null },
                    Estimated: result is { Article.Published: null, Document.DateEstimate: not null });
            }
            catch (ArticleFileException e) { results[i] = new FileResult(null, null, e.Message); }
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
