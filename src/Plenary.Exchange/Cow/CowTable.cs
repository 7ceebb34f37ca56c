namespace Plenary.Exchange.Cow;

public enum CowFileKind { IgoYear, StateYear }

/// <summary>An organization as a COW file names it: <c>ioname</c> (as written), and <c>ionum</c> / <c>orgname</c> where the file has them.</summary>
public sealed record CowOrg(string Ioname, int? Ionum, string? Orgname);

/// <summary>
/// One COW IGO v3 file read and checked, as a dense cube of cells (organization × state × year, one byte each; see
/// <see cref="CowCode"/>) plus which rows the file has: (organization, year) rows for the IGO-year file, (state, year)
/// rows for the state-year file. Nothing in it has touched the registry yet.
/// </summary>
public sealed class CowTable
{
    /// <summary>The IGO-year file's columns after the state columns, kept per row as written so the export can give them back.</summary>
    public static readonly string[] IgoMetaColumns =
    [
        "sdate", "deaddate", "dead", "integrated", "replaced", "longorgname", "ionum", "igocode", "version",
        "accuracyofpre1965membershipdates", "sourcesandnotes", "imputed", "political", "social", "economic",
    ];

    public required CowFileKind Kind { get; init; }
    public required string Path { get; init; }
    public required IReadOnlyList<CowOrg> Orgs { get; init; }
    public required IReadOnlyList<CowState> States { get; init; }
    public required int FirstYear { get; init; }
    public required int LastYear { get; init; }
    /// <summary>Cell codes, index <c>(org * States.Count + state) * YearCount + (year - FirstYear)</c>.</summary>
    public required sbyte[] Cells { get; init; }
    /// <summary>Rows present: IGO-year <c>org * YearCount + y</c>; state-year <c>state * YearCount + y</c>.</summary>
    public required bool[] Rows { get; init; }
    /// <summary>IGO-year only: per (org, year) row, <c>orgname</c> followed by the values of <see cref="IgoMetaColumns"/>.</summary>
    public IReadOnlyDictionary<(int Org, int Year), string[]> RowMeta { get; init; } = new Dictionary<(int, int), string[]>();

    public int YearCount => LastYear - FirstYear + 1;

    public sbyte Cell(int org, int state, int year) => Cells[(org * States.Count + state) * YearCount + (year - FirstYear)];

    public string SourceId => SourceIdOf(Kind);

    public static string SourceIdOf(CowFileKind kind) => kind == CowFileKind.IgoYear ? CowSources.IgoYear : CowSources.StateYear;
}

/// <summary>The source ids under which each COW file's claims are kept, so that the two files' disagreements are two claims.</summary>
public static class CowSources
{
    public const string IgoYear = "cow-igo-v3-igo-year";
    public const string StateYear = "cow-igo-v3-state-year";
    public const string StateSystem = "cow-states-v2016";
    public const string Title = "COW IGO v3";
}
