using Plenary.Core.Claims;
using Plenary.Core.Ids;
using Plenary.Core.Text;

namespace Plenary.Core.Registry;

/// <summary>
/// The named things of the registry — states, organizations, persons, sources — found by id or by any of their names.
/// A name that matches nothing gets the closest known names, so a typo is answered with a suggestion.
/// </summary>
public sealed class Catalog
{
    public IReadOnlyList<State> States { get; }
    public IReadOnlyList<Organization> Organizations { get; }
    public IReadOnlyList<Person> Persons { get; }
    public IReadOnlyDictionary<string, Source> Sources { get; }

    private readonly Dictionary<StateId, State> _states;
    private readonly Dictionary<OrgId, Organization> _orgs;
    private readonly Dictionary<PersonId, Person> _persons;
    private readonly NameIndex<StateId> _stateNames = new();
    private readonly NameIndex<OrgId> _orgNames = new();
    private readonly NameIndex<PersonId> _personNames = new();

    public Catalog(IEnumerable<State> states, IEnumerable<Organization> organizations, IEnumerable<Person> persons, IEnumerable<Source> sources)
    {
        States = states.OrderBy(s => s.Id).ToList();
        Organizations = organizations.OrderBy(o => o.Id).ToList();
        Persons = persons.OrderBy(p => p.Id).ToList();
        Sources = sources.ToDictionary(s => s.Id, StringComparer.Ordinal);
        _states = States.ToDictionary(s => s.Id);
        _orgs = Organizations.ToDictionary(o => o.Id);
        _persons = Persons.ToDictionary(p => p.Id);
        foreach (var s in States)
        {
            _stateNames.Add(s.Id.Value, s.Id);
            _stateNames.Add(s.Name, s.Id);
            if (s.OfficialName is not null) _stateNames.Add(s.OfficialName, s.Id);
            foreach (var a in s.Aliases) _stateNames.Add(a, s.Id);
        }
        foreach (var o in Organizations)
        {
            _orgNames.Add(o.Id.Value, o.Id);
            _orgNames.Add(o.Name, o.Id);
            foreach (var a in o.Acronyms.Concat(o.Aliases)) _orgNames.Add(a, o.Id);
        }
        foreach (var p in Persons)
        {
            _personNames.Add(p.Id.Value, p.Id);
            _personNames.Add(p.Name, p.Id);
            foreach (var a in p.Aliases) _personNames.Add(a, p.Id);
        }
    }

    public static Catalog Empty { get; } = new([], [], [], []);

    public State? FindState(StateId id) => _states.GetValueOrDefault(id);
    public Organization? FindOrganization(OrgId id) => _orgs.GetValueOrDefault(id);
    public Person? FindPerson(PersonId id) => _persons.GetValueOrDefault(id);
    public Source? FindSource(string id) => Sources.GetValueOrDefault(id);

    public string StateName(StateId id) => FindState(id)?.Name ?? id.Value;
    public string OrganizationName(OrgId id) => FindOrganization(id)?.Name ?? id.Value;

    // An exact id wins over any name: "opec" is OPEC even though OPEC+ folds close to it.
    public Resolution<StateId> ResolveState(string nameOrId) =>
        StateId.TryParse(nameOrId, out var id) && _states.ContainsKey(id) ? new(id, null) : _stateNames.Resolve(nameOrId, "state");

    public Resolution<OrgId> ResolveOrganization(string nameOrId) =>
        OrgId.TryParse(nameOrId, out var id) && _orgs.ContainsKey(id) ? new(id, null) : _orgNames.Resolve(nameOrId, "organization");

    public Resolution<PersonId> ResolvePerson(string nameOrId) =>
        PersonId.TryParse(nameOrId, out var id) && _persons.ContainsKey(id) ? new(id, null) : _personNames.Resolve(nameOrId, "person");
}

/// <summary>What a name resolved to, or why it did not: unknown (with the closest names) or ambiguous.</summary>
public sealed record Resolution<TId>(TId? Id, string? Error) where TId : struct
{
    public bool Found => Id is not null;
    public TId Value => Id ?? throw new InvalidOperationException(Error);
}

/// <summary>Folded names → ids; a name shared by two ids is ambiguous, and unknown names get near matches.</summary>
public sealed class NameIndex<TId> where TId : struct
{
    private readonly Dictionary<string, HashSet<TId>> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _display = new(StringComparer.Ordinal);

    public void Add(string name, TId id)
    {
        var key = NameFolding.Fold(name);
        if (key.Length == 0) return;
        if (!_byName.TryGetValue(key, out var set)) _byName[key] = set = [];
        set.Add(id);
        _display.TryAdd(key, name);
    }

    public Resolution<TId> Resolve(string text, string what)
    {
        var key = NameFolding.Fold(text);
        if (_byName.TryGetValue(key, out var ids))
        {
            if (ids.Count == 1) return new(ids.First(), null);
            return new(null, $"'{text}' names more than one {what}: {string.Join(", ", ids.Select(i => i.ToString()).Order())}");
        }
        var near = _byName.Keys
            .Select(k => (k, d: NameFolding.Distance(key, k, 8) - (k.StartsWith(key, StringComparison.Ordinal) && key.Length >= 2 ? 4 : 0)))
            .Where(x => x.d <= Math.Max(2, key.Length / 3))
            .OrderBy(x => x.d).ThenBy(x => x.k, StringComparer.Ordinal)
            .Select(x => $"{_display[x.k]} ({_byName[x.k].First()})")
            .Distinct().Take(5).ToList();
        var hint = near.Count > 0 ? $"; closest: {string.Join(", ", near)}" : "";
        return new(null, $"unknown {what} '{text}'{hint}");
    }
}
