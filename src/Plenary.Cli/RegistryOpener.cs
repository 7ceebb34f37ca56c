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
    /// <summary>
    /// The registry of a command other than <c>init</c>. Only the default place is created on first use (and says so on
    /// stderr); a registry file the user names must exist, so a mistyped <c>--db</c> creates nothing.
    /// </summary>
    public static RegistryStore Open(ParseResult r) => Open(ExistingPath(r));

    /// <summary>The registry path of a command other than <c>init</c>: a named file must hold a registry already.</summary>
    public static string ExistingPath(ParseResult r)
    {
        var path = CliOptions.DbPath(r);
        if (CliOptions.Named(r).Named && !StoreEngines.IsServer(path) && !(File.Exists(path) && new FileInfo(path).Length > 0))
            throw new UsageException($"no registry at {Path.GetFullPath(path)}; create one there with `plenary init --db {path}`");
        return path;
    }

    /// <summary>Opens (creating it when there is none) the registry at <paramref name="path"/>; a creation is said on stderr.</summary>
    public static RegistryStore Open(string path, bool empty = false, bool quiet = false)
    {
        var store = RegistryStore.Open(StoreEngines.For(path), empty, Seed);
        if (store.Created && !quiet) Console.Error.WriteLine($"plenary: created a new registry at {store.Address}");
        return store;
    }

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
