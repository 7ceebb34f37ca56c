using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Plenary.Web.Markup;

/// <summary>
/// A piece of HTML that is safe to send: built only by <see cref="H"/>, whose interpolation holes are HTML-encoded
/// unless they are themselves <see cref="Html"/>. Article text and names therefore cannot reach a page unencoded.
/// </summary>
public readonly struct Html
{
    private readonly string? _value;
    private Html(string value) => _value = value;

    public string Value => _value ?? "";
    public override string ToString() => Value;

    public static readonly Html Empty = new("");

    /// <summary>Encodes for text and attribute values (quotes included); keeps non-ASCII letters readable.</summary>
    public static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>For markup this program writes itself (never for data).</summary>
    internal static Html Trusted(string markup) => new(markup);

    public static Html Text(string? text) => new(Encoder.Encode(text ?? ""));

    public static Html H([InterpolatedStringHandlerArgument] ref HtmlHandler handler) => new(handler.ToStringAndClear());

    public static Html Join(IEnumerable<Html> parts)
    {
        var sb = new StringBuilder();
        foreach (var p in parts) sb.Append(p.Value);
        return new(sb.ToString());
    }

    public static Html Join<T>(IEnumerable<T> items, Func<T, Html> render) => Join(items.Select(render));

    public static Html If(bool condition, Html html) => condition ? html : Empty;
}

[InterpolatedStringHandler]
public ref struct HtmlHandler
{
    private StringBuilder _sb;

    public HtmlHandler(int literalLength, int formattedCount) => _sb = new StringBuilder(literalLength + formattedCount * 16);

    public void AppendLiteral(string s) => _sb.Append(s);
    public void AppendFormatted(Html html) => _sb.Append(html.Value);
    public void AppendFormatted(string? s) => _sb.Append(Html.Encoder.Encode(s ?? ""));
    public void AppendFormatted(int n) => _sb.Append(n.ToString(CultureInfo.InvariantCulture));
    public void AppendFormatted(long n) => _sb.Append(n.ToString(CultureInfo.InvariantCulture));
    public void AppendFormatted(double d, string? format = null) => _sb.Append(d.ToString(format ?? "0.##", CultureInfo.InvariantCulture));

    public void AppendFormatted<T>(T value, string? format = null)
    {
        // A list of fragments would print its type name: that is a bug to see at once, not a page to ship.
        if (value is IEnumerable<Html>) throw new InvalidOperationException("join Html fragments with Html.Join before interpolating them");
        var text = value is IFormattable f ? f.ToString(format, CultureInfo.InvariantCulture) : value?.ToString();
        _sb.Append(Html.Encoder.Encode(text ?? ""));
    }

    public string ToStringAndClear()
    {
        var s = _sb.ToString();
        _sb = null!;
        return s;
    }
}
