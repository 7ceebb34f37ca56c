namespace Plenary.Exchange.Export;

/// <summary>A column of an export table: integers (nullable) or text, held as arrays so that CSV and Parquet write the same data.</summary>
public abstract record Column(string Name)
{
    public abstract int Count { get; }
}

/// <summary>Integers; a row whose <see cref="Present"/> is false is missing (CSV: empty, Parquet: null).</summary>
public sealed record IntColumn(string Name, int[] Values, bool[]? Present = null) : Column(Name)
{
    public override int Count => Values.Length;
    public bool IsNull(int row) => Present is not null && !Present[row];
}

/// <summary>
/// Text; null is missing (CSV: empty, unquoted), "" is an empty text (CSV: <c>""</c>). A column that is not
/// <see cref="Quoted"/> holds numbers kept as written (COW's <c>version</c>, 2.1) and is written bare, as R writes numbers.
/// </summary>
public sealed record TextColumn(string Name, string?[] Values, bool Quoted = true) : Column(Name)
{
    public override int Count => Values.Length;
}

/// <summary>A table to export: named columns of equal length.</summary>
public sealed class Table
{
    public IReadOnlyList<Column> Columns { get; }
    public int RowCount { get; }

    public Table(IReadOnlyList<Column> columns)
    {
        Columns = columns;
        RowCount = columns.Count == 0 ? 0 : columns[0].Count;
        foreach (var c in columns)
            if (c.Count != RowCount) throw new ArgumentException($"column {c.Name} has {c.Count} rows, not {RowCount}");
    }
}
