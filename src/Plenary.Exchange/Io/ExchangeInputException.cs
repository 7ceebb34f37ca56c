namespace Plenary.Exchange.Io;

/// <summary>
/// Input the exchange refuses, with the place that is wrong: <c>file:line:column: what</c>. Lines and columns count
/// from 1 as an editor shows them; the column also carries its header name when there is one.
/// </summary>
public sealed class ExchangeInputException : Exception
{
    public string File { get; }
    public long? Line { get; }
    public int? Column { get; }
    public string? ColumnName { get; }
    public string Problem { get; }

    public ExchangeInputException(string file, long? line, int? column, string? columnName, string problem, Exception? inner = null)
        : base(Format(file, line, column, columnName, problem), inner)
    {
        File = file; Line = line; Column = column; ColumnName = columnName; Problem = problem;
    }

    private static string Format(string file, long? line, int? column, string? columnName, string problem)
    {
        var where = file;
        if (line is { } l) where += $", line {l}";
        if (column is { } c) where += columnName is null ? $", column {c}" : $", column {c} ({columnName})";
        return $"{where}: {problem}";
    }
}
