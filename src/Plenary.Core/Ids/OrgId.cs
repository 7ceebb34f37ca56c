namespace Plenary.Core.Ids;

/// <summary>An organization id of claims.md: lower case letters, digits and hyphens (<c>csto</c>, <c>opec-plus</c>, <c>cis-ipa</c>).</summary>
public readonly record struct OrgId : IComparable<OrgId>
{
    public string Value { get; }

    private OrgId(string value) => Value = value;

    public static bool TryParse(string? text, out OrgId id)
    {
        id = default;
        if (!IdSyntax.IsSlug(text)) return false;
        id = new OrgId(text!);
        return true;
    }

    public static OrgId Parse(string text) =>
        TryParse(text, out var id) ? id : throw new FormatException($"'{text}' is not an organization id: expected lower-case letters, digits and hyphens");

    public int CompareTo(OrgId other) => string.CompareOrdinal(Value, other.Value);
    public override string ToString() => Value ?? "";
}

/// <summary>A body of an organization: <c>org/body</c>, e.g. <c>csto/cfm</c>.</summary>
public readonly record struct BodyId : IComparable<BodyId>
{
    public OrgId Org { get; }
    public string Name { get; }

    private BodyId(OrgId org, string name) { Org = org; Name = name; }

    public static bool TryParse(string? text, out BodyId id)
    {
        id = default;
        if (text is null) return false;
        int slash = text.IndexOf('/');
        if (slash <= 0 || !OrgId.TryParse(text[..slash], out var org) || !IdSyntax.IsSlug(text[(slash + 1)..])) return false;
        id = new BodyId(org, text[(slash + 1)..]);
        return true;
    }

    public static BodyId Parse(string text) =>
        TryParse(text, out var id) ? id : throw new FormatException($"'{text}' is not a body id: expected org/body, e.g. csto/cfm");

    public int CompareTo(BodyId other) => string.CompareOrdinal(ToString(), other.ToString());
    public override string ToString() => Name is null ? "" : $"{Org}/{Name}";
}

/// <summary>A person: a lower-case slug of the name as English-language news writes it (<c>nikol-pashinyan</c>).</summary>
public readonly record struct PersonId : IComparable<PersonId>
{
    public string Value { get; }

    private PersonId(string value) => Value = value;

    public static bool TryParse(string? text, out PersonId id)
    {
        id = default;
        if (!IdSyntax.IsSlug(text)) return false;
        id = new PersonId(text!);
        return true;
    }

    public static PersonId Parse(string text) =>
        TryParse(text, out var id) ? id : throw new FormatException($"'{text}' is not a person id: expected a lower-case slug such as nikol-pashinyan");

    /// <summary>The id a person's name gets: "Sergei Kopyrkin" → <c>sergei-kopyrkin</c>.</summary>
    public static PersonId FromName(string name)
    {
        var folded = Text.NameFolding.Fold(name);
        var slug = string.Join('-', folded.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return TryParse(slug, out var id) ? id : throw new FormatException($"'{name}' gives no person id");
    }

    public int CompareTo(PersonId other) => string.CompareOrdinal(Value, other.Value);
    public override string ToString() => Value ?? "";
}

internal static class IdSyntax
{
    public static bool IsSlug(string? s)
    {
        if (string.IsNullOrEmpty(s) || s.Length > 64 || s[0] == '-' || s[^1] == '-') return false;
        foreach (var c in s)
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')) return false;
        return true;
    }
}
