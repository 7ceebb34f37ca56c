namespace Plenary.Store.Curated;

/// <summary>A curated data file that is not what the schema expects: names the file, the line and the field.</summary>
public sealed class DataFileException(string file, int line, string? field, string problem)
    : Exception($"{file}:{line}: {(field is null ? "" : $"field '{field}': ")}{problem}")
{
    public string File { get; } = file;
    public int Line { get; } = line;
    public string? Field { get; } = field;
}
