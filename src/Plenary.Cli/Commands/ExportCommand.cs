using System.CommandLine;
using System.Globalization;
using Plenary.Exchange.Export;

namespace Plenary.Cli.Commands;

/// <summary><c>plenary export state-year|igo-year|dyad-year</c>: the panel tables researchers use, as CSV or Parquet.</summary>
public static class ExportCommand
{
    public static Command Create()
    {
        var table = new Argument<string>("table") { Description = "state-year, igo-year or dyad-year" };
        table.AcceptOnlyFromAmong("state-year", "igo-year", "dyad-year");
        var from = new Option<int?>("--from") { Description = "First year (default: the first year the registry covers, 1816 with COW)" };
        var to = new Option<int?>("--to") { Description = "Last year (default: the last year the registry has records for)" };
        var format = new Option<string>("--format") { Description = "csv or parquet", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "parquet");
        var layout = new Option<string>("--layout") { Description = "wide (COW's layout and codes) or long (one row per state, organization and year, with standing and meetings)", DefaultValueFactory = _ => "wide" };
        layout.AcceptOnlyFromAmong("wide", "long");
        var output = new Option<string>("--out") { Description = "Output file", Required = true };
        var knownAt = CliOptions.KnownAt();
        var cmd = new Command("export", "Export state-year, IGO-year (COW's layouts and codes, or long with Plenary's columns) or dyad-year tables")
            { table, from, to, format, layout, output, knownAt };
        cmd.SetAction(r =>
        {
            var which = r.GetValue(table) switch { "state-year" => ExportTable.StateYear, "igo-year" => ExportTable.IgoYear, _ => ExportTable.DyadYear };
            int? f = r.GetValue(from), t = r.GetValue(to);
            if (f is { } a && t is { } b && b < a) throw new UsageException($"--to {b} is before --from {a}");
            if (which == ExportTable.DyadYear && r.GetValue(layout) == "long") throw new UsageException("dyad-year has one layout: leave out --layout");
            var request = new ExportRequest(which, r.GetValue(output)!, f, t,
                r.GetValue(format) == "parquet" ? ExportFormat.Parquet : ExportFormat.Csv,
                r.GetValue(layout) == "long" ? ExportLayout.Long : ExportLayout.Wide,
                CliOptions.Time(r.GetValue(knownAt), "--known-at"));
            using var store = RegistryOpener.Open(r);
            ExportResult result;
            try { result = new ExchangeExport(store).Export(request); }
            catch (ArgumentException e) { throw new UsageException(e.Message); }
            Output.Line(string.Create(CultureInfo.InvariantCulture, $"{result.Rows} rows, {result.From}–{result.To}, written to {request.OutFile}"));
            if (result.WhyEmpty is { } why) Console.Error.WriteLine($"plenary: no rows: {why}");
            return 0;
        });
        return cmd;
    }
}
