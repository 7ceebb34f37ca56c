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
        Description = "The registry file (default: $PLENARY_DB, else $XDG_DATA_HOME/plenary/registry.db)",
        Recursive = true,
    };

    public static Option<string> Format(params string[] formats)
    {
        var o = new Option<string>("--format") { Description = $"Output format: {string.Join("|", formats)}", DefaultValueFactory = _ => formats[0] };
        o.AcceptOnlyFromAmong(formats);
        return o;
    }

    public static Option<string?> On() => new("--on") { Description = "The day to ask about (YYYY-MM-DD; default: today)" };

    public static Option<string?> During() => new("--on") { Description = "The day, month or year to ask about (YYYY-MM-DD, YYYY-MM or YYYY; default: today)" };

    public static Option<string?> KnownAt() => new("--known-at") { Description = "Read the registry as it was at this time (YYYY, YYYY-MM, YYYY-MM-DD meaning its end, or an ISO 8601 time; UTC)" };

    public static string DbPath(ParseResult r)
    {
        if (r.GetValue(Db) is { } path)
            // An empty --db is a mistake (an unset shell variable, say), never a quiet way to the default registry.
            return string.IsNullOrWhiteSpace(path) ? throw new UsageException("--db: empty; expected a registry file path or a postgresql:// address") : path;
        if (Environment.GetEnvironmentVariable("PLENARY_DB") is { Length: > 0 } env) return env;
        var xdg = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        if (string.IsNullOrEmpty(xdg)) xdg = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        return Path.Combine(xdg, "plenary", "registry.db");
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
