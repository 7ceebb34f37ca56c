using System.Buffers.Text;
using System.Text;

namespace Plenary.Exchange.Export;

/// <summary>
/// Writes tables the way COW's CSV files are written (R's <c>write.csv</c>): comma-separated, <c>\n</c> line ends, a header
/// of quoted names, text always in double quotes with inner quotes doubled, numbers bare, missing values as an empty field.
/// Numbers are formatted straight into a UTF-8 buffer: a million-row table is written in a fraction of a second.
/// </summary>
public sealed class CsvTableWriter : IDisposable
{
    private readonly Stream _out;
    private readonly byte[] _buffer = new byte[1 << 16];
    private int _pos;

    public CsvTableWriter(Stream output) => _out = output;

    public static void Write(Table table, string path)
    {
        using var f = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        using var w = new CsvTableWriter(f);
        w.WriteTable(table);
    }

    public void WriteTable(Table table)
    {
        var cols = table.Columns;
        for (int c = 0; c < cols.Count; c++)
        {
            if (c > 0) Byte((byte)',');
            Text(cols[c].Name);
        }
        Byte((byte)'\n');
        for (int r = 0; r < table.RowCount; r++)
        {
            for (int c = 0; c < cols.Count; c++)
            {
                if (c > 0) Byte((byte)',');
                switch (cols[c])
                {
                    case IntColumn ic:
                        if (!ic.IsNull(r)) Int(ic.Values[r]);
                        break;
                    case TextColumn tc:
                        if (tc.Values[r] is { } s)
                        {
                            if (tc.Quoted) Text(s);
                            else if (s.Length > 0) Utf8(s);
                        }
                        break;
                }
            }
            Byte((byte)'\n');
        }
    }

    /// <summary>Writes one row of integers (the dyad-year fast path).</summary>
    public void IntRow(ReadOnlySpan<int> values)
    {
        if (_buffer.Length - _pos < values.Length * 12 + 1) Flush();
        for (int i = 0; i < values.Length; i++)
        {
            if (i > 0) _buffer[_pos++] = (byte)',';
            Utf8Formatter.TryFormat(values[i], _buffer.AsSpan(_pos), out int n);
            _pos += n;
        }
        _buffer[_pos++] = (byte)'\n';
    }

    public void HeaderRow(params string[] names)
    {
        for (int c = 0; c < names.Length; c++)
        {
            if (c > 0) Byte((byte)',');
            Text(names[c]);
        }
        Byte((byte)'\n');
    }

    private void Int(int v)
    {
        if (_buffer.Length - _pos < 12) Flush();
        Utf8Formatter.TryFormat(v, _buffer.AsSpan(_pos), out int n);
        _pos += n;
    }

    private void Text(string s)
    {
        Byte((byte)'"');
        Utf8(s.Contains('"') ? s.Replace("\"", "\"\"") : s);
        Byte((byte)'"');
    }

    private void Utf8(string s)
    {
        int max = Encoding.UTF8.GetMaxByteCount(s.Length);
        if (max > _buffer.Length) { Flush(); var bytes = Encoding.UTF8.GetBytes(s); _out.Write(bytes); return; }
        if (_buffer.Length - _pos < max) Flush();
        _pos += Encoding.UTF8.GetBytes(s, _buffer.AsSpan(_pos));
    }

    private void Byte(byte b)
    {
        if (_pos == _buffer.Length) Flush();
        _buffer[_pos++] = b;
    }

    public void Flush()
    {
        _out.Write(_buffer, 0, _pos);
        _pos = 0;
    }

    public void Dispose()
    {
        Flush();
        _out.Flush();
    }
}
