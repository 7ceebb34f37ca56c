using System.CommandLine;
using Plenary.Editorial;
using Plenary.Store;
using Plenary.Store.Curated;

namespace Plenary.Cli;

/// <summary>
/// Opens the registry a command names; a new one is filled with the curated data (the shipped data/ folder, or
/// $PLENARY_DATA for a registry of one's own) and the seed article, read and accepted.
/// </summary>
public static class RegistryOpener
{
    public static RegistryStore Open(ParseResult r, bool empty = false) => Open(CliOptions.DbPath(r), empty);

    public static RegistryStore Open(string path, bool empty = false) => RegistryStore.Open(StoreEngines.For(path), empty, Seed);

    /// <summary>The curated data folder: $PLENARY_DATA when set, else the data/ shipped next to the program.</summary>
    public static string DataFolder =>
        Environment.GetEnvironmentVariable("PLENARY_DATA") is { Length: > 0 } folder ? folder : CuratedData.DefaultFolder;

    public static void Seed(RegistryStore store)
    {
        var data = DataFolder;
        CuratedSeeding.Seed(store, data);
        SeedArticle.Ingest(store, Path.Combine(data, "articles", "seed-article.json"));
    }

    /// <summary>Who a write from the command line is recorded as: the operating-system account that ran it.</summary>
    public static string Editor => $"cli:{Environment.UserName}";
}
