using Plenary.Exchange.Dyads;
using Plenary.Exchange.Panel;
using Plenary.Exchange.Storage;
using Plenary.Store;
using Plenary.Store.Queries;

namespace Plenary.Exchange.Export;

public enum ExportTable { StateYear, IgoYear, DyadYear }
public enum ExportLayout { Wide, Long }
public enum ExportFormat { Csv, Parquet }

public sealed record ExportRequest(ExportTable Table, string OutFile, int? From = null, int? To = null,
    ExportFormat Format = ExportFormat.Csv, ExportLayout Layout = ExportLayout.Wide, DateTimeOffset? KnownAt = null);

/// <summary>What an export wrote; <see cref="WhyEmpty"/> says why when it wrote no row.</summary>
public sealed record ExportResult(long Rows, int From, int To, string? WhyEmpty = null);

/// <summary><c>plenary export</c>: the registry's membership panel, cut into the table asked for and written as CSV or Parquet.</summary>
public sealed class ExchangeExport(RegistryStore store)
{
    /// <summary>Reads what the registry holds (as known at <paramref name="knownAt"/>) into the panel every table is cut from.</summary>
    public MembershipPanel Panel(int? from = null, int? to = null, DateTimeOffset? knownAt = null)
    {
        // Four independent reads: the membership claims, by far the largest, are read while the others are.
        var claims = Task.Run(() => store.MembershipClaims(knownAt));
        var catalog = store.Catalog;
        var data = new ExchangeRepository(store).Load();
        var meetings = new RegistryQueries(store).Meetings(null, knownAt: knownAt);
        return PanelBuilder.Build(catalog, claims.GetAwaiter().GetResult(), data, meetings, from, to);
    }

    public ExportResult Export(ExportRequest request)
    {
        var panel = Panel(request.From, request.To, request.KnownAt);
        return Write(panel, request);
    }

    public static ExportResult Write(MembershipPanel panel, ExportRequest request)
    {
        int from = request.From ?? panel.FirstYear, to = request.To ?? panel.LastYear;
        if (request.Table == ExportTable.DyadYear && request.Format == ExportFormat.Csv)
            return Result(DyadYears.WriteCsv(panel, from, to, request.OutFile));
        var table = request.Table switch
        {
            ExportTable.DyadYear => DyadYears.ToTable(panel, from, to),
            ExportTable.IgoYear when request.Layout == ExportLayout.Wide => PanelTables.IgoYearWide(panel, from, to),
            ExportTable.StateYear when request.Layout == ExportLayout.Wide => PanelTables.StateYearWide(panel, from, to),
            _ => PanelTables.Long(panel, from, to, byState: request.Table == ExportTable.StateYear),
        };
        if (request.Format == ExportFormat.Parquet) ParquetTableWriter.Write(table, request.OutFile);
        else CsvTableWriter.Write(table, request.OutFile);
        return Result(table.RowCount);

        ExportResult Result(long rows) => new(rows, from, to, rows > 0 ? null : WhyEmpty(panel, request, from, to));
    }

    /// <summary>Why a table has no row: no COW states for COW's layouts, years outside the registry's, or no record then.</summary>
    private static string WhyEmpty(MembershipPanel panel, ExportRequest request, int from, int to)
    {
        bool cowLayout = request.Table == ExportTable.DyadYear || request.Layout == ExportLayout.Wide;
        if (cowLayout && !panel.States.Any(s => s.IsCow))
            return "COW's layouts (wide, dyad-year) list COW's states, and this registry holds no imported COW data: import it with `plenary import cow`, or export --layout long (every state the registry has records for)";
        if (from > panel.LastYear || to < panel.FirstYear)
            return $"the years asked, {from}–{to}, are outside the registry's, {panel.FirstYear}–{panel.LastYear}";
        return $"no state and organization has a record in {from}–{to}";
    }
}
