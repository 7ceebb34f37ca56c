namespace Plenary.Core.Ids;

/// <summary>A state: ISO 3166-1 alpha-3 (<c>ARM</c>), ISO 3166-3 for dissolved states (<c>SUN</c>, <c>YUG</c>), <c>XKX</c> for Kosovo.</summary>
public readonly record struct StateId : IComparable<StateId>
{
    public string Value { get; }

    private StateId(string value) => Value = value;

    public static bool TryParse(string? text, out StateId id)
    {
        id = default;
        if (text is not { Length: 3 } || !text.All(char.IsAsciiLetterUpper)) return false;
        id = new StateId(text);
        return true;
    }

    public static StateId Parse(string text) =>
        TryParse(text, out var id) ? id : throw new FormatException($"'{text}' is not a state id: expected three capital letters (ISO 3166-1 alpha-3)");

    public int CompareTo(StateId other) => string.CompareOrdinal(Value, other.Value);
    public override string ToString() => Value ?? "";
}
