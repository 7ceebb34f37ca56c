using System.CommandLine;
using Plenary.Store;
using Plenary.Store.Curated;

namespace Plenary.Cli;

/// <summary>Opens the registry a command names; a new one is filled with the curated data (and the seed article).</summary>
public static class RegistryOpener
{
    /// <summary>What a new registry is seeded with beyond the curated data; the reader's composition adds the seed article here.</summary>
    public static Action<RegistryStore>? AfterCurated { get; set; }

    public static RegistryStore Open(ParseResult r, bool empty = false) => Open(CliOptions.DbPath(r), empty);

    public static RegistryStore Open(string path, bool empty = false) =>
        RegistryStore.Open(path, empty, store =>
        {
            CuratedSeeding.Seed(store);
            AfterCurated?.Invoke(store);
        });
}
