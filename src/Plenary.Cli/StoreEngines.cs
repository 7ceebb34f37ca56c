using Plenary.Store;
using Plenary.Store.Sqlite;

namespace Plenary.Cli;

/// <summary>The composition root's one decision about storage: which engine a registry address names.</summary>
public static class StoreEngines
{
    public static StoreEngine For(string address) => new SqliteEngine(address);
}
