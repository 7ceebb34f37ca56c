using Plenary.Core.Claims;
using Plenary.Core.Ids;

namespace Plenary.Exchange.Panel;

/// <summary>An organization as a panel column or row: its registry id and, for COW's IGOs, its COW names.</summary>
public sealed record PanelOrg(OrgId Id, string Name, string? Ioname, int? Ionum)
{
    public bool IsCow => Ioname is not null;
    /// <summary>The state-year file's column name: the lower-case <c>ioname</c>, else the registry id.</summary>
    public string ColumnName => Ioname?.ToLowerInvariant() ?? Id.Value;
}

/// <summary>
/// A state as a panel row or column: its registry id and, for COW's states, its COW number and column name.
/// <see cref="RegistryCcode"/>: the COW number the registry's own state list gives a state outside the imported COW
/// data (the long layout shows it; the COW layouts keep to COW's states).
/// </summary>
public sealed record PanelState(StateId Id, string Name, int? Ccode, string? CowName, int? RegistryCcode = null)
{
    public bool IsCow => Ccode is not null;
}

/// <summary>
/// The registry's membership data as a dense organization × state × year cube, the one thing every table is written from.
/// A cell is blank (the source has no cell there: the state was not in the system, the IGO did not exist, or COW left it
/// empty) or holds the standing that held for the larger part of the year.
/// </summary>
public sealed class MembershipPanel
{
    /// <summary>Cell value for "no cell": written empty in the IGO-year layout and -1 in the state-year layout.</summary>
    public const byte Blank = 0;

    public required int FirstYear { get; init; }
    public required int LastYear { get; init; }
    public required IReadOnlyList<PanelOrg> Orgs { get; init; }
    public required IReadOnlyList<PanelState> States { get; init; }
    /// <summary>Index <c>(org * States.Count + state) * YearCount + y</c>: <see cref="Blank"/>, or <c>(byte)(standing + 1)</c>.</summary>
    public required byte[] Cells { get; init; }
    /// <summary>The organization existed that year (an IGO-year row): <c>org * YearCount + y</c>.</summary>
    public required bool[] OrgRows { get; init; }
    /// <summary>The state was in the state system that year (a state-year row): <c>state * YearCount + y</c>.</summary>
    public required bool[] StateRows { get; init; }
    /// <summary>The IGO-year file's own columns for a row (orgname, then <see cref="Cow.CowTable.IgoMetaColumns"/>), when known.</summary>
    public required Func<int, int, IReadOnlyList<string>?> RowMeta { get; init; }
    /// <summary>Meetings of the organization held in the year: <c>org * YearCount + y</c>.</summary>
    public required int[] MeetingsHeld { get; init; }
    /// <summary>Meetings of the organization the state attended in the year (present, lower-level or remote), by cell index.</summary>
    public required IReadOnlyDictionary<int, int> MeetingsAttended { get; init; }

    public int YearCount => LastYear - FirstYear + 1;

    public int CellIndex(int org, int state, int year) => (org * States.Count + state) * YearCount + (year - FirstYear);

    public bool HasCell(int org, int state, int year) => Cells[CellIndex(org, state, year)] != Blank;

    public Standing StandingAt(int org, int state, int year)
    {
        var b = Cells[CellIndex(org, state, year)];
        return b == Blank ? throw new InvalidOperationException("blank cell") : (Standing)(b - 1);
    }

    public bool HasOrgRow(int org, int year) => OrgRows[org * YearCount + (year - FirstYear)];
    public bool InSystem(int state, int year) => StateRows[state * YearCount + (year - FirstYear)];

    public static byte Encode(Standing s) => (byte)((int)s + 1);
    public static Standing Decode(byte b) => (Standing)(b - 1);
}
