using Plenary.Core.Claims;
using Plenary.Core.Ids;
using Plenary.Core.Time;
using YamlDotNet.RepresentationModel;

namespace Plenary.Store.Curated;

/// <summary>
/// A typed, read-once view of one YAML mapping that remembers where it is, so every error names file, line and field,
/// and unknown fields are refused (a typo such as <c>staus:</c> must not silently drop a fact).
/// </summary>
internal sealed class YamlMap
{
    private readonly YamlMappingNode _node;
    private readonly HashSet<string> _read = [];
    public string File { get; }
    public int Line => (int)_node.Start.Line;

    public YamlMap(string file, YamlNode node, string what)
    {
        File = file;
        _node = node as YamlMappingNode ?? throw new DataFileException(file, (int)node.Start.Line, null, $"expected {what} (a mapping of field: value)");
    }

    private YamlNode? Get(string field)
    {
        _read.Add(field);
        return _node.Children.TryGetValue(new YamlScalarNode(field), out var v) ? v : null;
    }

    private int LineOf(string field) => _node.Children.FirstOrDefault(kv => kv.Key is YamlScalarNode k && k.Value == field).Key?.Start.Line is { } l ? (int)l : Line;

    public DataFileException Error(string field, string problem) => new(File, LineOf(field), field, problem);

    public string? Str(string field)
    {
        var v = Get(field);
        if (v is null) return null;
        if (v is not YamlScalarNode s) throw new DataFileException(File, (int)v.Start.Line, field, "expected a single value");
        if (s.Style == YamlDotNet.Core.ScalarStyle.Plain && s.Value is "~" or "null" or "") return null;
        return s.Value;
    }

    public string Req(string field) => Str(field) is { Length: > 0 } s ? s : throw Error(field, "is required");

    public int? Int(string field)
    {
        var s = Str(field);
        if (s is null) return null;
        return int.TryParse(s, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var i) ? i : throw Error(field, $"'{s}' is not a whole number");
    }

    public EdtfDate? Date(string field)
    {
        var s = Str(field);
        if (s is null) return null;
        return EdtfDate.TryParse(s, out var d, out var err) ? d : throw Error(field, err!);
    }

    public StateId State(string field) => OptState(field) ?? throw Error(field, "is required");

    public StateId? OptState(string field)
    {
        var s = Str(field);
        if (s is null) return null;
        return StateId.TryParse(s, out var id) ? id : throw Error(field, $"'{s}' is not a state id (three capital letters, ISO 3166-1 alpha-3)");
    }

    public OrgId Org(string field) => OptOrg(field) ?? throw Error(field, "is required");

    public OrgId? OptOrg(string field)
    {
        var s = Str(field);
        if (s is null) return null;
        return OrgId.TryParse(s, out var id) ? id : throw Error(field, $"'{s}' is not an organization id (lower-case letters, digits, hyphens)");
    }

    public BodyId? OptBody(string field)
    {
        var s = Str(field);
        if (s is null) return null;
        return BodyId.TryParse(s, out var id) ? id : throw Error(field, $"'{s}' is not a body id (org/body, e.g. csto/cfm)");
    }

    public TEnum Enum<TEnum>(string field, TEnum? fallback = null) where TEnum : struct, Enum
    {
        var s = Str(field);
        if (s is null) return fallback ?? throw Error(field, $"is required: one of {string.Join(", ", WireName.Names<TEnum>())}");
        return WireName.TryParse<TEnum>(s, out var v) ? v : throw Error(field, $"'{s}' is not one of {string.Join(", ", WireName.Names<TEnum>())}");
    }

    public List<string> Strings(string field)
    {
        var v = Get(field);
        if (v is null || (v is YamlScalarNode sc && sc.Value is null or "" or "~" or "null")) return [];
        if (v is not YamlSequenceNode seq) throw new DataFileException(File, (int)v.Start.Line, field, "expected a list");
        return seq.Children.Select(c => c is YamlScalarNode s && s.Value is not null ? s.Value
            : throw new DataFileException(File, (int)c.Start.Line, field, "expected a list of single values")).ToList();
    }

    public List<YamlMap> Maps(string field, string what)
    {
        var v = Get(field);
        if (v is null || (v is YamlScalarNode sc && sc.Value is null or "" or "~" or "null")) return [];
        if (v is not YamlSequenceNode seq) throw new DataFileException(File, (int)v.Start.Line, field, $"expected a list of {what}");
        return seq.Children.Select(c => new YamlMap(File, c, what)).ToList();
    }

    public YamlMap? Map(string field, string what)
    {
        var v = Get(field);
        if (v is null || (v is YamlScalarNode sc && sc.Value is null or "" or "~" or "null")) return null;
        return new YamlMap(File, v, what);
    }

    /// <summary>The mapping's entries as (key, value) — for keyed maps such as <c>sources:</c> and <c>attendance:</c>.</summary>
    public IEnumerable<(string Key, YamlNode Value, int Line)> Entries()
    {
        foreach (var kv in _node.Children)
        {
            var key = (kv.Key as YamlScalarNode)?.Value ?? throw new DataFileException(File, (int)kv.Key.Start.Line, null, "expected a plain key");
            _read.Add(key);
            yield return (key, kv.Value, (int)kv.Key.Start.Line);
        }
    }

    /// <summary>Fields the schema knows but this load does not read (so <see cref="NoOtherFields"/> accepts them unread).</summary>
    public void Skip(IEnumerable<string> fields) => _read.UnionWith(fields);

    /// <summary>Refuses fields the schema does not know.</summary>
    public void NoOtherFields()
    {
        foreach (var kv in _node.Children)
            if (kv.Key is YamlScalarNode k && k.Value is { } name && !_read.Contains(name))
                throw new DataFileException(File, (int)kv.Key.Start.Line, name, "is not a field of this schema (see data/README.md)");
    }

    public static YamlNode LoadDocument(string path, string displayName)
    {
        try
        {
            using var reader = new StreamReader(path);
            var scanner = new YamlDotNet.Core.Scanner(reader);
            var stream = new YamlStream();
            try
            {
                stream.Load(new YamlDotNet.Core.Parser(scanner));
            }
            catch (InvalidOperationException e)
            {
                // YamlDotNet's scanner throws this (with no position) on some malformed flow collections.
                throw new DataFileException(displayName, (int)scanner.CurrentPosition.Line, null, $"not valid YAML: {e.Message}");
            }
            if (stream.Documents.Count == 0) throw new DataFileException(displayName, 1, null, "the file is empty");
            return stream.Documents[0].RootNode;
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new DataFileException(displayName, (int)e.Start.Line, null, $"not valid YAML: {e.Message}");
        }
    }
}
