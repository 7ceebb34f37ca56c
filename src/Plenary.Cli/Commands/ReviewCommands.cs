using System.CommandLine;
using Plenary.Core.Claims;
using Plenary.Core.Time;
using Plenary.Editorial;
using Plenary.Reader.Articles;
using Plenary.Store;
using Plenary.Store.Queries;

namespace Plenary.Cli.Commands;

/// <summary><c>plenary ingest</c>, <c>review</c>, <c>accept</c>, <c>reject</c>: articles in, claims reviewed.</summary>
public static class ReviewCommands
{
    public static Command Ingest()
    {
        var paths = new Argument<string[]>("path") { Description = "Article files (.txt, .json, .html) or folders of them", Arity = ArgumentArity.OneOrMore };
        var published = new Option<string?>("--published") { Description = "Publication date of .txt articles (YYYY-MM-DD)" };
        var title = new Option<string?>("--title") { Description = "Title of a .txt article (default: its first line)" };
        var format = CliOptions.Format("table", "json");
        var cmd = new Command("ingest", "Store articles and the claims the reader finds in them, as proposed (ingesting again changes nothing)") { paths, published, title, format };
        cmd.SetAction(r =>
        {
            var pub = CliOptions.OptionalDay(r.GetValue(published), "--published");
            var files = ArticleFiles.Expand(r.GetValue(paths)!);
            if (r.GetValue(title) is not null && files.Count != 1) throw new UsageException($"--title names one article; {files.Count} files were given");
            int undated = 0;
            using var store = RegistryOpener.Open(r);
            var desk = new Desk(store);
            var results = new List<object>();
            var failed = new List<string>();
            foreach (var file in files)
            {
                IngestResult result;
                try
                {
                    var article = ArticleInput.Load(file, pub, r.GetValue(title));
                    if (article.Published is null) undated++;
                    result = desk.Ingest(article, RegistryOpener.Editor);
                }
                catch (ArticleFileException e) { Console.Error.WriteLine($"plenary: {e.Message}"); failed.Add(file); continue; }
                results.Add(new { file, article = result.ArticleId, new_article = result.NewArticle, claims = result.Claims.Count, added = result.Added });
                if (r.GetValue(format) != "json")
                    Output.Line(result.NewArticle
                        ? $"{file}: article {result.ArticleId}, {result.Added} claims proposed (review them with `plenary review`)"
                        : $"{file}: already ingested as {result.ArticleId}; nothing changed");
            }
            ArticleInput.WarnUndated(undated, results.Count);
            if (r.GetValue(format) == "json") Output.Json(new { ingested = results, failed });
            return failed.Count == 0 ? 0 : 1;
        });
        return cmd;
    }

    public static Command Review()
    {
        return new Reading(knownAt: false).Command("review", "The proposed claims waiting for a decision, with their evidence", [], (r, registry) =>
        {
            var views = new RegistryQueries.ViewCache(registry.Store);
            var queue = new Desk(registry.Store).Queue().Select(views.Of).ToList();
            if (registry.Json) { Output.Json(new { claims = queue }); return 0; }
            Output.Table("Proposed claims", ["claim", "says", "article", "evidence"], queue.Select(c => (IReadOnlyList<string?>)
                [c.Id, c.Says, $"{Output.Source(c)} [{c.Source.Id}]", string.Join(" … ", c.Evidence.Select(e => e.Text))]));
            return 0;
        });
    }

    public static Command Accept() => Decision("accept", "Accept proposed claims: they become part of the registry", ReviewState.Accepted);

    public static Command Reject() => Decision("reject", "Reject proposed claims (they stay recorded, as rejected)", ReviewState.Rejected);

    private static Command Decision(string name, string description, ReviewState decision)
    {
        var ids = new Argument<string[]>("id") { Description = "Claim ids (see `plenary review`)", Arity = ArgumentArity.OneOrMore };
        var note = new Option<string?>("--note") { Description = "Why (kept in the review history)" };
        var cmd = new Command(name, description) { ids, note };
        cmd.SetAction(r =>
        {
            using var store = RegistryOpener.Open(r);
            var list = r.GetValue(ids)!.Distinct().ToList();
            var desk = new Desk(store);
            if (decision == ReviewState.Accepted) desk.Accept(list, RegistryOpener.Editor, r.GetValue(note));
            else desk.Reject(list, RegistryOpener.Editor, r.GetValue(note));
            Output.Line($"{WireName.Of(decision)}: {string.Join(", ", list)}");
            return 0;
        });
        return cmd;
    }
}
