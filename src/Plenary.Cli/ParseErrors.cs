using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.RegularExpressions;

namespace Plenary.Cli;

/// <summary>
/// What the command line's parser refused (an unknown option, a value not among those allowed, a missing argument), as
/// one line with the closest option or the values allowed — not the whole help, which hides the one thing that was wrong.
/// </summary>
public static partial class ParseErrors
{
    /// <summary>Options people reach for that mean <c>--on</c> here.</summary>
    private static readonly string[] DateWords = ["--date", "--day", "--at", "--when", "--year", "--as-of", "--asof"];

    public static string OneLine(ParseResult parsed)
    {
        var command = parsed.CommandResult.Command;
        var path = CommandPath(command);
        if (parsed.UnmatchedTokens.Count > 0) return Unmatched(parsed.UnmatchedTokens[0], command, path);
        var error = parsed.Errors[0];
        var message = error.Message;
        if (AllowedValues().Match(message) is { Success: true } allowed)
        {
            var value = allowed.Groups["value"].Value;
            var values = Quoted().Matches(message[allowed.Length..]).Select(m => m.Groups[1].Value).ToList();
            var closest = Closest(value, values);
            return $"{NameOf(error.SymbolResult)}: '{value}' is not one of {string.Join(", ", values)}{(closest is not null ? $"; closest: {closest}" : "")}";
        }
        if (BadType().Match(message) is { Success: true } bad)
            return $"{bad.Groups["option"].Value}: '{bad.Groups["value"].Value}' is not {TypeWords(bad.Groups["type"].Value)}";
        if (RequiredOption().Match(message) is { Success: true } required)
            return $"`{path}` needs {required.Groups["option"].Value}: {Usage(command, path)}";
        if (error.SymbolResult is ArgumentResult { Argument: var argument } && message.Contains("missing", StringComparison.OrdinalIgnoreCase))
            return $"`{path}` needs {argument.Name.ToUpperInvariant()}: {Usage(command, path)}";
        if (command.Subcommands.Count > 0 && command.Action is null)
            return $"`{path}` needs a command: one of {string.Join(", ", command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name))} (see `{path} --help`)";
        // Whatever else the parser says, on one line.
        return $"{string.Join(" ", message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))} (see `{path} --help`)";
    }

    private static string Unmatched(string token, Command command, string path)
    {
        if (token.StartsWith('-'))
        {
            var options = Options(command).Where(o => !o.Hidden).SelectMany(o => o.Aliases.Prepend(o.Name)).Where(n => n.StartsWith("--", StringComparison.Ordinal)).Distinct().ToList();
            var closest = DateWords.Contains(token, StringComparer.OrdinalIgnoreCase) && options.Contains("--on") ? "--on" : Closest(token, options);
            return $"unknown option '{token}' for `{path}`{(closest is not null ? $"; closest: {closest}" : "")} (see `{path} --help`)";
        }
        if (command.Subcommands.Count > 0)
        {
            var closest = Closest(token, command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name).ToList());
            return $"unknown command '{token}' for `{path}`{(closest is not null ? $"; closest: {closest}" : "")} (see `{path} --help`)";
        }
        return $"unexpected argument '{token}': {Usage(command, path)}";
    }

    /// <summary>The command's options and the recursive ones of the commands above it (<c>--db</c>).</summary>
    private static IEnumerable<Option> Options(Command command)
    {
        foreach (var o in command.Options) yield return o;
        for (var parent = command.Parents.OfType<Command>().FirstOrDefault(); parent is not null; parent = parent.Parents.OfType<Command>().FirstOrDefault())
            foreach (var o in parent.Options.Where(o => o.Recursive)) yield return o;
    }

    private static string CommandPath(Command command)
    {
        var names = new List<string>();
        for (Command? c = command; c is not null; c = c.Parents.OfType<Command>().FirstOrDefault())
            names.Insert(0, c is RootCommand ? "plenary" : c.Name);
        return string.Join(' ', names);
    }

    private static string Usage(Command command, string path) =>
        $"usage: {path}{string.Concat(command.Arguments.Select(a => " " + a.Name.ToUpperInvariant() + (a.Arity.MaximumNumberOfValues > 1 ? "…" : "")))} [options]";

    private static string NameOf(SymbolResult? result) => result switch
    {
        OptionResult o => o.Option.Name,
        ArgumentResult a => a.Argument.Name.ToUpperInvariant(),
        _ => "value",
    };

    private static string TypeWords(string type) =>
        type.Contains("Int32", StringComparison.Ordinal) || type.Contains("Int64", StringComparison.Ordinal) ? "a whole number"
        : type.Contains("Boolean", StringComparison.Ordinal) ? "true or false"
        : "of the expected kind";

    /// <summary>The candidate nearest in edit distance, when near enough to be a likely slip (at most a third of its length).</summary>
    public static string? Closest(string typed, IReadOnlyList<string> candidates)
    {
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (var c in candidates)
        {
            int d = Distance(typed.ToLowerInvariant(), c.ToLowerInvariant());
            if (d < bestDistance) (best, bestDistance) = (c, d);
        }
        return best is not null && bestDistance <= Math.Max(2, best.Length / 3) ? best : null;
    }

    private static int Distance(string a, string b)
    {
        var row = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) row[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            int diagonal = row[0];
            row[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }
        return row[b.Length];
    }

    [GeneratedRegex(@"^Argument '(?<value>.*?)' not recognized\. Must be one of:")]
    private static partial Regex AllowedValues();

    [GeneratedRegex(@"^Option '(?<option>[^']+)' is required")]
    private static partial Regex RequiredOption();

    [GeneratedRegex(@"'([^']*)'")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"^Cannot parse argument '(?<value>.*?)' for option '(?<option>[^']+)' as expected type '(?<type>[^']+)'")]
    private static partial Regex BadType();
}
