using Plenary.Core.Articles;
using Plenary.Core.Registry;

namespace Plenary.Reader.Tests.Support;

/// <summary>The reader over the test registry (Fixtures/registry), built once for all tests.</summary>
public static class TestReader
{
    private static readonly Lazy<Catalog> LazyCatalog = new(() => Plenary.Store.Curated.CuratedData.Load(Path.Combine(AppContext.BaseDirectory, "Fixtures", "registry"), DateTimeOffset.UtcNow).Catalog);
    private static readonly Lazy<NewsReader> LazyReader = new(() => new NewsReader(Catalog));

    public static Catalog Catalog => LazyCatalog.Value;

    /// <summary>The reader over the registry the project ships (the repository's data/), as `plenary read` uses it.</summary>
    public static NewsReader Shipped => LazyShipped.Value;

    private static readonly Lazy<NewsReader> LazyShipped = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Plenary.sln"))) dir = dir.Parent;
        var data = dir is null ? null : Path.Combine(dir.FullName, "data");
        return new NewsReader(data is not null && File.Exists(Path.Combine(data, "states.yaml"))
            ? Plenary.Store.Curated.CuratedData.Load(data, DateTimeOffset.UtcNow).Catalog
            : Catalog);
    });
    public static NewsReader Reader => LazyReader.Value;

    public static ReadResult Read(string text, string? published = "2024-11-27") =>
        Reader.Read(new Article("t", text, published is null ? null : DateOnly.Parse(published, System.Globalization.CultureInfo.InvariantCulture)));

    public static Document Doc(string text, string? published = "2024-11-27") => Read(text, published).Document;

    /// <summary>The folder <c>../shared/corpus</c> next to the repository root (the folder holding Plenary.sln), or null.</summary>
    public static string? CorpusFolder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Plenary.sln"))) dir = dir.Parent;
        if (dir?.Parent is null) return null;
        var corpus = Path.Combine(dir.Parent.FullName, "shared", "corpus");
        return Directory.Exists(corpus) ? corpus : null;
    }
}
