using System.CommandLine;
using Plenary.Core.Ids;
using Plenary.Core.Registry;
using Plenary.Core.Time;
using Plenary.Store;

namespace Plenary.Cli;

/// <summary>An error the user can fix: printed as one line, exit code 2, never a stack trace.</summary>
public sealed class UsageException(string message) : Exception(message);

/// <summary>The options many commands share, and how they turn into values (parsing at the edge: the core never sees raw strings).</summary>
public static class CliOptions
{
    public static readonly Option<string?> Db = new("--db")
    {
        Description = "The registry: a file or a postgresql:// address (default: $PLENARY_DB, else $XDG_DATA_HOME/plenary/registry.db); one elsewhere than the default is created with `plenary init --db`",
        Recursive = true,
    };

    public static Option<string> Format(params string[] formats)
    {
        var o = new Option<string>("--format") { Description = $"Output format: {string.Join("|", formats)}", DefaultValueFactory = _ => formats[0] };
        o.AcceptOnlyFromAmong(formats);
        return o;
    }

    /// <summary>The STATE argument (resolved by <see cref="State"/>).</summary>
    public static Argument<string> StateArgument() => new("state") { Description = "State: id (ARM) or name (Armenia)" };

    /// <summary>The ORG argument (resolved by <see cref="Org"/>).</summary>
    public static Argument<string> OrgArgument() => new("org") { Description = "Organization: id (csto) or name" };

    /// <summary>The STATE ORG pair of the commands about one state in one organization, resolved together.</summary>
    public sealed class StateInOrg
    {
        private readonly Argument<string> _state = StateArgument();
        private readonly Argument<string> _org = OrgArgument();

        public Argument[] Arguments => [_state, _org];

        public (StateId State, OrgId Org) Resolve(ParseResult r, Catalog catalog) =>
            (State(catalog, r.GetValue(_state)!), Org(catalog, r.GetValue(_org)!));
    }

    public static Option<string?> During() => new("--on") { Description = "The day, month or year to ask about (YYYY-MM-DD, YYYY-MM or YYYY; default: today)" };

    public static Option<string?> KnownAt() => new("--known-at") { Description = "Read the registry as it was at this time (YYYY, YYYY-MM, YYYY-MM-DD meaning its end, or an ISO 8601 time; UTC)" };

    /// <summary>
    /// The registry the command names: <c>--db</c>, else <c>$PLENARY_DB</c>, else the default place. An address that can be
    /// neither a file nor a PostgreSQL address (empty, a folder, <c>postgres:/…</c>) is refused before anything is opened.
    /// </summary>
    public static string DbPath(ParseResult r)
    {
        var (path, named) = Named(r);
        return named ? CheckAddress(path) : path;
    }

    /// <summary>The registry's address, and whether the user named it (<c>--db</c> or <c>$PLENARY_DB</c>) rather than the default place.</summary>
    public static (string Path, bool Named) Named(ParseResult r)
    {
        if (r.GetValue(Db) is { } path) return (path, true);
        if (Environment.GetEnvironmentVariable("PLENARY_DB") is { Length: > 0 } env) return (env, true);
        return (DefaultDb, false);
    }

    public static string DefaultDb
    {
        get
        {
            var xdg = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
            if (string.IsNullOrEmpty(xdg)) xdg = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
            return Path.Combine(xdg, "plenary", "registry.db");
        }
    }

    private static string CheckAddress(string path)
    {
        // An empty --db is a mistake (an unset shell variable, say), never a quiet way to the default registry.
        if (string.IsNullOrWhiteSpace(path)) throw new UsageException("--db: empty; expected a registry file path or a postgresql:// address");
        if (StoreEngines.IsServer(path)) return path;
        // "postgres:/host/db", "postgresql:host": meant for a server, so never a folder named "postgresql:" holding a file.
        if (path.Contains("://", StringComparison.Ordinal) || path.StartsWith("postgres", StringComparison.OrdinalIgnoreCase) && path.Contains(':'))
            throw new UsageException($"--db: '{path}' is not a PostgreSQL address (postgresql://user@host:5432/database) nor a file path");
        if (Directory.Exists(path))
            throw new UsageException($"--db: {path} is a folder; expected a registry file, such as {Path.Combine(path, "registry.db")}");
        return path;
    }

    // The parsing is Core's (AskedTime), shared with the API; here its error becomes a usage error naming the option.
    public static DateOnly Day(string? text, string option) =>
        text is null ? DateOnly.FromDateTime(DateTime.UtcNow) : AskedTime.TryDay(text, out var d, out var e) ? d : throw new UsageException($"{option}: {e}");

    public static DateOnly? OptionalDay(string? text, string option) => text is null ? null : Day(text, option);

    /// <summary>A day, a month or a year (default: today).</summary>
    public static EdtfDate Period(string? text, string option) =>
        text is null ? EdtfDate.Of(DateOnly.FromDateTime(DateTime.UtcNow)) : AskedTime.TryPeriod(text, out var p, out var e) ? p : throw new UsageException($"{option}: {e}");

    public static DateTimeOffset? Time(string? text, string option) =>
        text is null ? null : AskedTime.TryKnownAt(text, out var t, out var e) ? t : throw new UsageException($"{option}: {e}");

    public static StateId State(Catalog catalog, string text)
    {
        var r = catalog.ResolveState(text);
        return r.Id ?? throw new UsageException(r.Error!);
    }

    public static OrgId Org(Catalog catalog, string text)
    {
        var r = catalog.ResolveOrganization(text);
        return r.Id ?? throw new UsageException(r.Error!);
    }
}
