using System.CommandLine;
using Plenary.Core.Claims;
using Plenary.Store;

namespace Plenary.Cli.Commands;

public static class InitCommand
{
    public static Command Create()
    {
        var empty = new Option<bool>("--empty") { Description = "Create the registry with no curated data (for imports such as COW)" };
        var cmd = new Command("init", "Create the registry file (with the curated data and the seed article, unless --empty)") { empty };
        cmd.SetAction(r =>
        {
            var path = CliOptions.DbPath(r);
            using var store = RegistryOpener.Open(path, r.GetValue(empty), quiet: true);
            var claims = store.Claims(new ClaimFilter { Review = null }).Count;
            Output.Line(!store.Created
                ? $"{store.Address}: already a registry (schema {store.SchemaVersion}, {claims} claims); nothing changed"
                : $"{store.Address}: created (schema {store.SchemaVersion}, {store.Catalog.States.Count} states, {store.Catalog.Organizations.Count} organizations, {claims} claims)");
            return 0;
        });
        return cmd;
    }
}
