using System.Text.Json;
using Plenary.Core.Claims;
using Plenary.Core.Json;
using Plenary.Core.Standings;
using Plenary.Core.Time;
using Spectre.Console;

namespace Plenary.Cli;

/// <summary>How commands print: JSON with the domain's shapes, or a readable table that also survives a pipe.</summary>
public static class Output
{
    private static readonly Lazy<IAnsiConsole> Console = new(() =>
    {
        var c = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(System.Console.Out) });
        // Piped output has no terminal width: a wide table must not be folded at 80 columns.
        if (System.Console.IsOutputRedirected) c.Profile.Width = 240;
        return c;
    });

    public static IAnsiConsole Terminal => Console.Value;

    public static void Json<T>(T value) => System.Console.Out.WriteLine(JsonSerializer.Serialize(value, DomainJson.Indented));

    public static void Line(string text) => Terminal.WriteLine(text);

    public static void Table(string? title, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string?>> rows)
    {
        var table = new Table().Border(TableBorder.Rounded);
        if (title is not null) table.Title(Markup.Escape(title));
        foreach (var h in headers) table.AddColumn(new TableColumn(Markup.Escape(h)));
        int n = 0;
        foreach (var row in rows)
        {
            table.AddRow(row.Select(c => (Spectre.Console.Rendering.IRenderable)new Text(c ?? "")).ToArray());
            n++;
        }
        if (n == 0) table.AddRow(headers.Select((_, i) => (Spectre.Console.Rendering.IRenderable)new Text(i == 0 ? "(none)" : "")).ToArray());
        Terminal.Write(table);
    }

    /// <summary>The table of standings during a year or a month: one row a part, with how much of the period it held.</summary>
    public static void During(string title, string what, EdtfDate period, IEnumerable<(string Id, string Name, Standing Standing, EdtfDate From, EdtfDate? Until, bool Whole)> parts) =>
        Table(title, [what, "name", "standing", "during"],
            parts.Select(p => (IReadOnlyList<string?>)[p.Id, p.Name, WireName.Of(p.Standing), StandingDuring.Span(period, p.From, p.Until, p.Whole)]));

    public static string Source(Plenary.Store.Queries.ClaimView c) =>
        c.Source.Date is { } d ? $"{c.Source.Title} ({(c.Source.Publisher is { } p ? p + ", " : "")}{d})" : c.Source.Title;
}
