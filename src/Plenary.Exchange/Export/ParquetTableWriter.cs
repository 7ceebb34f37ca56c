using Parquet;
using Parquet.Schema;

namespace Plenary.Exchange.Export;

/// <summary>Writes a <see cref="Table"/> as Parquet (Parquet.Net): nullable INT32 and UTF-8 string columns, row groups of up to a million rows.</summary>
public static class ParquetTableWriter
{
    private const int RowGroup = 1 << 20;

    public static async Task WriteAsync(Table table, string path, CancellationToken ct = default)
    {
        var fields = table.Columns.Select(c => c switch
        {
            IntColumn ic when ic.Present is null => (DataField)new DataField<int>(c.Name),
            IntColumn => new DataField<int?>(c.Name),
            _ => new DataField<string>(c.Name, true),
        }).ToArray();
        var schema = new ParquetSchema(fields);
        await using var f = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        var options = new ParquetOptions { CompressionMethod = CompressionMethod.Zstd };
        await using var writer = await ParquetWriter.CreateAsync(schema, f, options, cancellationToken: ct);
        for (int start = 0; start < Math.Max(table.RowCount, 1); start += RowGroup)
        {
            int n = Math.Min(RowGroup, table.RowCount - start);
            using var rg = writer.CreateRowGroup();
            for (int c = 0; c < table.Columns.Count; c++)
            {
                switch (table.Columns[c])
                {
                    case IntColumn { Present: null } ic:
                        await rg.WriteAsync<int>(fields[c], ic.Values.AsMemory(start, n), null, null, ct);
                        break;
                    case IntColumn ic:
                        var values = new int?[n];
                        for (int i = 0; i < n; i++) values[i] = ic.Present![start + i] ? ic.Values[start + i] : null;
                        await rg.WriteAsync<int>(fields[c], values.AsMemory(), null, null, ct);
                        break;
                    case TextColumn tc:
                        await rg.WriteAsync(fields[c], new ArraySegment<string>(tc.Values!, start, n), null);
                        break;
                }
            }
        }
    }

    public static void Write(Table table, string path) => WriteAsync(table, path).GetAwaiter().GetResult();
}
