using Plenary.Core.Ids;

namespace Plenary.Exchange.Cow;

/// <summary>A registry organization's COW names (external ids): <c>ioname</c> as COW writes it, <c>ionum</c> when known.</summary>
public sealed record CowOrgLink(OrgId Org, string Ioname, int? Ionum, string? Orgname);

/// <summary>A registry state's COW names: <c>ccode</c>, the abbreviation, and the column name COW's IGO files use.</summary>
public sealed record CowStateLink(StateId State, int Ccode, string StateAbb, string CowName);

/// <summary>Years <c>From..To</c> (inclusive) in which a source holds an observed code (0, 1, 2, 3 or -9) for the cell.</summary>
public sealed record ObservedSpell(string SourceId, OrgId Org, StateId State, int From, int To);

/// <summary>A row of the IGO-year file: the organization existed that year. <see cref="Meta"/> is <c>orgname</c> and the trailing columns, as written (null when the row is inferred from the state-year file).</summary>
public sealed record IgoRow(string SourceId, OrgId Org, int Year, IReadOnlyList<string>? Meta);

/// <summary>A state in the state system in a year, according to one source (a state-year file's row, or inferred).</summary>
public sealed record StateRow(string SourceId, StateId State, int Year);

/// <summary>A spell of state-system membership with day precision (COW's <c>states2016.csv</c>).</summary>
public sealed record SystemSpell(string SourceId, StateId State, DateOnly Start, DateOnly End);
