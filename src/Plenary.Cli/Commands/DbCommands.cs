using System.CommandLine;
using System.Text.Json.Serialization;
using Plenary.Store;

namespace Plenary.Cli.Commands;

/// <summary><c>plenary db copy</c>: moves a registry between files and servers, and shows that nothing changed on the way.</summary>
public static class DbCommands
{
    public static Command Create()
    {
        var from = new Option<string>("--from") { Description = "The registry to copy (a file path or a PostgreSQL address)", Required = true };
        var to = new Option<string>("--to") { Description = "The new registry (a file that does not exist yet, or an empty PostgreSQL database)", Required = true };
        var format = CliOptions.Format("table", "json");
        var copy = new Command("copy", "Copy everything but browser sessions into a new registry, in one transaction, and compare rows and a content hash per table")
        {
            from, to, format,
        };
        copy.SetAction(r =>
        {
            IReadOnlyList<TableComparison> tables;
            using (var source = StoreEngines.For(r.GetValue(from)!))
            using (var target = StoreEngines.For(r.GetValue(to)!))
            {
                tables = RegistryCopy.Copy(source, target);
                if (r.GetValue(format) == "json")
                {
                    Output.Json(new CopyReport(source.Address, target.Address,
                        tables.Select(t => new CopiedTable(t.Table, t.SourceRows, t.TargetRows, t.SourceHash, t.TargetHash, t.Same)).ToArray()));
                    return 0;
                }
                Output.Table($"{source.Address} -> {target.Address}", ["table", "rows from", "rows to", "sha-256 (from)", "same"],
                    tables.Select(t => (IReadOnlyList<string?>)[t.Table, t.SourceRows.ToString(), t.TargetRows.ToString(), t.SourceHash, t.Same ? "yes" : "NO"]));
                Output.Line($"copied {tables.Sum(t => t.TargetRows)} rows in {tables.Count} tables; every table's rows and hash match");
            }
            return 0;
        });
        return new Command("db", "Registry maintenance") { copy };
    }

    private sealed record CopyReport(
        [property: JsonPropertyName("from")] string From,
        [property: JsonPropertyName("to")] string To,
        [property: JsonPropertyName("tables")] IReadOnlyList<CopiedTable> Tables);

    private sealed record CopiedTable(
        [property: JsonPropertyName("table")] string Table,
        [property: JsonPropertyName("source_rows")] long SourceRows,
        [property: JsonPropertyName("target_rows")] long TargetRows,
        [property: JsonPropertyName("source_hash")] string SourceHash,
        [property: JsonPropertyName("target_hash")] string TargetHash,
        [property: JsonPropertyName("same")] bool Same);
}
