using Plenary.Core.Ids;
using Plenary.Core.Time;

namespace Plenary.Core.Registry;

/// <summary>A sovereign state, current or dissolved, with the names news uses for it and its government.</summary>
public sealed record State(
    StateId Id,
    string Name,
    int? CowCode = null,
    string? OfficialName = null,
    IReadOnlyList<string>? Aliases = null,
    IReadOnlyList<string>? Demonyms = null,
    string? Capital = null,
    IReadOnlyList<string>? Metonyms = null,
    EdtfDate? From = null,
    EdtfDate? Until = null,
    IReadOnlyList<StateId>? Successors = null)
{
    public IReadOnlyList<string> Aliases { get; init; } = Aliases ?? [];
    public IReadOnlyList<string> Demonyms { get; init; } = Demonyms ?? [];
    public IReadOnlyList<string> Metonyms { get; init; } = Metonyms ?? [];
    public IReadOnlyList<StateId> Successors { get; init; } = Successors ?? [];
}

/// <summary>
/// An intergovernmental organization. It ends when it is <see cref="Dissolved"/> or when its successors take over
/// (<see cref="Superseded"/>: the Collective Security Treaty became the CSTO, whose members are the treaty's parties);
/// every membership ends with it.
/// </summary>
public sealed record Organization(
    OrgId Id,
    string Name,
    IReadOnlyList<string> Acronyms,
    IReadOnlyList<string> Aliases,
    EdtfDate? Founded,
    EdtfDate? Dissolved,
    string? Headquarters,
    IReadOnlyList<OrgId> Predecessors,
    IReadOnlyList<OrgId> Successors,
    IReadOnlyList<Body> Bodies,
    CowIgo? Cow = null,
    IReadOnlyList<Coverage>? Coverage = null,
    EdtfDate? Superseded = null,
    string? EndSource = null,
    string? EndNote = null)
{
    public Body? FindBody(BodyId id) => Bodies.FirstOrDefault(b => b.Id == id);

    /// <summary>The periods for which the registry's member list of this organization is complete.</summary>
    public IReadOnlyList<Coverage> Coverage { get; init; } = Coverage ?? [];

    /// <summary>The day the organization ended (dissolved, or superseded by its successors), if it has.</summary>
    public EdtfDate? EndedOn() => (Dissolved, Superseded) switch
    {
        ({ } d, { } s) => d <= s ? d : s,
        ({ } d, null) => d,
        (null, var s) => s,
    };

    /// <summary>The coverage period that may include the day (its ends at their widest), if any.</summary>
    public Coverage? CoverageOn(DateOnly day) => Coverage.FirstOrDefault(c => c.Period.MayContain(day));
}

/// <summary>
/// A period for which an organization's member list is complete, and the source that makes it so: inside it, a state
/// with no membership fact is not a member; outside every such period, no fact means the standing is unknown.
/// </summary>
public sealed record Coverage(EdtfInterval Period, string SourceId, string? Note = null);

/// <summary>The organization's names in the Correlates of War IGO data.</summary>
public sealed record CowIgo(string Ioname, int Ionum);

/// <summary>A council, committee or assembly of an organization (the CSTO's Council of Foreign Ministers).</summary>
public sealed record Body(BodyId Id, string Name, IReadOnlyList<string> Aliases, string? Level);

/// <summary>A person and the offices held over time.</summary>
public sealed record Person(PersonId Id, string Name, IReadOnlyList<string> Aliases, StateId? State, IReadOnlyList<Office> Offices)
{
    /// <summary>The offices held on a day (an office whose dates may include the day).</summary>
    public IEnumerable<Office> OfficesOn(DateOnly day) => Offices.Where(o => o.Term.MayContain(day));
}

/// <summary>An office a person held: "Prime Minister" of ARM, "Secretary General" of csto.</summary>
public sealed record Office(string Role, StateId? State, OrgId? Org, EdtfInterval Term, string? SourceId);
