using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Plenary.Core.Claims;
using Plenary.Store;
using Plenary.Store.Accounts;
using Plenary.Web;
using Plenary.Web.Accounts;

namespace Plenary.Cli.Commands;

/// <summary>
/// <c>plenary serve</c> and <c>plenary user</c>: the web app and its accounts, given the CLI's way of finding and opening
/// the registry (<c>--db</c>, <c>$PLENARY_DB</c>, seeding a new one), so the web app opens exactly what the CLI opens.
/// </summary>
public static class WebCommands
{
    public static Command Serve(Func<ParseResult, string> dbPath, Func<string, RegistryStore> open)
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen (semicolon-separated)", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var verbose = new Option<bool>("--verbose") { Description = "Log every request" };
        var cmd = new Command("serve", "Start the web app and the HTTP API (/api/v1, docs at /docs) on the registry") { urls, verbose };
        cmd.SetAction(async (r, cancel) =>
        {
            var path = dbPath(r);
            var app = WebApp.Build(new WebSettings(path, open)
            {
                Urls = r.GetValue(urls)!.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                LogLevel = r.GetValue(verbose) ? LogLevel.Information : LogLevel.Warning,
            });
            // Open (and, when new, seed) the registry before listening, so the first request finds it ready.
            var registry = app.Services.GetRequiredService<RegistryService>();
            var listen = string.Join(", ", r.GetValue(urls)!.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            try
            {
                await app.StartAsync(cancel);
            }
            catch (Exception e) when (e is IOException or InvalidOperationException)
            {
                // A port in use or an https address without a certificate: the user's to fix, so one line, no trace.
                var first = e.Message.Split(". ", 2)[0].TrimEnd('.');
                Console.Error.WriteLine($"plenary: cannot listen on {listen}: {first}");
                return 2;
            }
            // Where to point the browser (the addresses the server really got, port 0 resolved) and what it will find.
            var where = app.Urls.Count > 0 ? string.Join(", ", app.Urls) : listen;
            Console.Error.WriteLine(registry.Read(s => string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"plenary: serving {s.Address} ({s.Catalog.Organizations.Count} organizations, {s.Catalog.States.Count} states, {s.Claims(new ClaimFilter { Review = null }).Count} claims) at {where} — open it in a browser; the API's docs are at /docs")));
            await app.WaitForShutdownAsync(cancel);
            return 0;
        });
        return cmd;
    }

    public static Command User(Func<ParseResult, string> dbPath, Func<string, RegistryStore> open)
    {
        var cmd = new Command("user", "Accounts for the web app and the API: reading is public, writing needs an editor");

        var name = new Argument<string>("name") { Description = "The account name" };
        var role = new Option<string>("--role") { Description = "reader | editor | admin", DefaultValueFactory = _ => "editor" };
        role.AcceptOnlyFromAmong("reader", "editor", "admin");
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read a password for browser sign-in from standard input (one line)" };
        var add = new Command("add", "Create an account; prints its API key once (it is stored hashed)") { name, role, passwordStdin };
        add.SetAction(r => Run(() =>
        {
            using var registry = new RegistryService(dbPath(r), open);
            AccountStore.TryParseRole(r.GetValue(role), out var accountRole);
            var password = r.GetValue(passwordStdin) ? ReadPassword() : null;
            var created = new AccountService(registry).Add(r.GetValue(name)!, accountRole, password, RegistryOpener.Editor);
            Console.Out.WriteLine(created.ApiKey);
            Console.Error.WriteLine($"plenary: account '{created.Account.Name}' ({AccountStore.RoleName(created.Account.Role)}) created; the line above is its API key, shown only now." +
                (password is null ? " Give it a password for browser sign-in with: plenary user password NAME --password-stdin" : ""));
        }));
        cmd.Subcommands.Add(add);

        var pname = new Argument<string>("name") { Description = "The account name" };
        var password = new Command("password", "Set an account's password for browser sign-in (read from standard input); ends its browser sessions") { pname };
        password.SetAction(r => Run(() =>
        {
            using var registry = new RegistryService(dbPath(r), open);
            new AccountService(registry).SetPassword(r.GetValue(pname)!, ReadPassword(), RegistryOpener.Editor);
            Console.Error.WriteLine("plenary: password set");
        }));
        cmd.Subcommands.Add(password);

        var kname = new Argument<string>("name") { Description = "The account name" };
        var revoke = new Option<bool>("--revoke-others") { Description = "Revoke the account's earlier keys" };
        var key = new Command("key", "Issue a new API key for an account (printed once)") { kname, revoke };
        key.SetAction(r => Run(() =>
        {
            using var registry = new RegistryService(dbPath(r), open);
            Console.Out.WriteLine(new AccountService(registry).NewApiKey(r.GetValue(kname)!, r.GetValue(revoke), RegistryOpener.Editor));
        }));
        cmd.Subcommands.Add(key);

        foreach (var (verb, disable) in new[] { ("disable", true), ("enable", false) })
        {
            var dname = new Argument<string>("name") { Description = "The account name" };
            var toggle = new Command(verb, disable
                ? "Disable an account: it cannot sign in, its API keys are refused and its browser sessions end at their next request"
                : "Enable a disabled account again: its unrevoked API keys work again, and it may sign in") { dname };
            toggle.SetAction(r => Run(() =>
            {
                using var registry = new RegistryService(dbPath(r), open);
                var account = r.GetValue(dname)!;
                var changed = new AccountService(registry).SetDisabled(account, disable, RegistryOpener.Editor);
                Console.Error.WriteLine(changed ? $"plenary: account '{account}' {verb}d" : $"plenary: account '{account}' was already {verb}d; nothing changed");
            }));
            cmd.Subcommands.Add(toggle);
        }

        var list = new Command("list", "The accounts");
        list.SetAction(r => Run(() =>
        {
            using var registry = new RegistryService(dbPath(r), open);
            foreach (var a in new AccountService(registry).All())
                Console.Out.WriteLine($"{a.Name}\t{AccountStore.RoleName(a.Role)}\t{(a.PasswordHash is null ? "no password" : "password")}\t{(a.Disabled ? "disabled" : "enabled")}\t{Sql.TimeText(a.CreatedAt)}");
        }));
        cmd.Subcommands.Add(list);
        return cmd;
    }

    private static string ReadPassword() => Console.In.ReadLine()?.TrimEnd('\r', '\n') is { Length: > 0 } p ? p : throw new ArgumentException("no password on standard input");

    private static int Run(Action action)
    {
        try
        {
            action();
            return 0;
        }
        catch (Exception e) when (e is ArgumentException or AccountExistsException or KeyNotFoundException)
        {
            // The message as it is: trimming quotes off it cut the quotes around names ("no account named 'x").
            Console.Error.WriteLine($"plenary: {e.Message}");
            return 2;
        }
    }
}
