using Plenary.Reader.Articles;
using Plenary.Store;
using Plenary.Store.Curated;

namespace Plenary.Editorial;

/// <summary>
/// The founding article ships with Plenary (data/articles/seed-article.json): a new registry reads it and accepts its
/// claims, so that the first thing a user sees is the story Plenary was made for, with its evidence.
/// </summary>
public static class SeedArticle
{
    public const string Editor = "seed";

    public static string DefaultPath => Path.Combine(CuratedData.DefaultFolder, "articles", "seed-article.json");

    public static IngestResult Ingest(RegistryStore store, string? path = null, DateTimeOffset? at = null)
    {
        var file = path ?? DefaultPath;
        if (!File.Exists(file)) throw new DataFileException(file, 0, null, "the seed article is missing");
        var article = ArticleFiles.Load(file);
        var desk = new Desk(store);
        var result = desk.Ingest(article, Editor, at);
        var proposed = result.Claims.Select(c => c.Id).ToList();
        if (result.NewArticle && proposed.Count > 0) desk.Accept(proposed, Editor, "the seed article, accepted when the registry was created", at);
        return result;
    }
}
