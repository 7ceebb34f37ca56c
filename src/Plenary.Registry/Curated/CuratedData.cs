using Plenary.Core.Claims;
using Plenary.Core.Ids;
using Plenary.Core.Registry;
using Plenary.Core.Time;
using YamlDotNet.RepresentationModel;

namespace Plenary.Store.Curated;

/// <summary>The curated registry as loaded from <c>data/</c>: the named things, and every fact as an accepted claim.</summary>
/// <param name="CowBaseline">COW IGO v3's memberships where the curated facts do not speak (<see cref="Core.Standings.CowBaseline"/>).</param>
public sealed record CuratedRegistry(Catalog Catalog, IReadOnlyList<Claim> Claims, IReadOnlyList<Claim>? CowBaseline = null);

/// <summary>
/// Loads and validates the curated registry (schema: data/README.md). Every error names file, line and field;
/// nothing is half-loaded: either the whole folder is valid, or the load fails.
/// </summary>
public static class CuratedData
{
    public const string RecordedBy = "curated-data";

    /// <summary>The data folder shipped next to the program (copied at build time from the repository's <c>data/</c>).</summary>
    public static string DefaultFolder => Path.Combine(AppContext.BaseDirectory, "data");

    public static CuratedRegistry Load(string folder, DateTimeOffset recordedAt) => Load(folder, recordedAt, facts: true);

    /// <summary>
    /// The registry's named things alone — states, organizations with their bodies, persons, sources — without its facts:
    /// what reading an article needs. The same load as <see cref="Load(string, DateTimeOffset)"/> and the same names
    /// (COW's organizations and states included), but the organizations' memberships, chairs and meetings are neither
    /// read nor checked, and COW's membership spells are not applied (so no organization gets COW's years as coverage).
    /// </summary>
    public static Catalog LoadCatalog(string folder) => Load(folder, DateTimeOffset.UnixEpoch, facts: false).Catalog;

    private static CuratedRegistry Load(string folder, DateTimeOffset recordedAt, bool facts)
    {
        if (!Directory.Exists(folder)) throw new DataFileException(folder, 0, null, "the curated data folder does not exist");
        var loader = new Loader(folder, recordedAt, facts);
        return loader.Run();
    }

    /// <param name="facts">Whether to read the facts (curated claims and COW's baseline) or the names alone.</param>
    private sealed class Loader(string folder, DateTimeOffset recordedAt, bool facts)
    {
        /// <summary>The fields of an organization file that hold facts, not names.</summary>
        private static readonly string[] FactFields = ["memberships", "chairs", "meetings"];

        private readonly Dictionary<string, (Source Source, string Where)> _sources = new(StringComparer.Ordinal);
        private readonly List<State> _states = [];
        private readonly List<Organization> _orgs = [];
        private readonly List<Person> _persons = [];
        private readonly List<Claim> _claims = [];
        // References are checked once everything is read, so files may refer to each other in any order.
        private readonly List<(string Key, YamlMap At, string Field)> _sourceRefs = [];
        private readonly List<(StateId Id, YamlMap At, string Field)> _stateRefs = [];
        private readonly List<(string Id, YamlMap At, string Field)> _personRefs = [];
        private readonly List<(OrgId Id, YamlMap At, string Field)> _orgRefs = [];

        private string Display(string path) => Path.GetRelativePath(Path.GetDirectoryName(Path.GetFullPath(folder))!, path);

        public CuratedRegistry Run()
        {
            var sourcesFile = Path.Combine(folder, "sources.yaml");
            if (File.Exists(sourcesFile)) ReadSources(sourcesFile, new YamlMap(Display(sourcesFile), YamlMap.LoadDocument(sourcesFile, Display(sourcesFile)), "a mapping of source keys"));
            var statesFile = Path.Combine(folder, "states.yaml");
            if (!File.Exists(statesFile)) throw new DataFileException(Display(statesFile), 0, null, "missing: the registry needs its states");
            ReadStates(statesFile);
            var personsFile = Path.Combine(folder, "persons.yaml");
            if (File.Exists(personsFile)) ReadPersons(personsFile);
            var orgDir = Path.Combine(folder, "organizations");
            if (Directory.Exists(orgDir))
                foreach (var f in Directory.GetFiles(orgDir, "*.yaml").Order(StringComparer.Ordinal)) ReadOrganization(f);
            var cowOrgs = Path.Combine(folder, "cow", "organizations.csv");
            if (File.Exists(cowOrgs)) _orgs.AddRange(CowBaselineFiles.Organizations(cowOrgs, Display, _orgs));
            CheckReferences();
            // after the check: the curated files refer only to the states of data/states.yaml
            var cowStates = Path.Combine(folder, "cow", "states.csv");
            if (File.Exists(cowStates)) CowBaselineFiles.AddStates(cowStates, Display, _states);
            var baseline = facts ? CowBaselineFiles.Apply(Path.Combine(folder, "cow"), Display, _states, _orgs, _claims, recordedAt)
                : new Core.Standings.CowBaseline.Result(_orgs, []);
            if (baseline.Claims.Count > 0 && !_sources.ContainsKey(Core.Standings.CowBaseline.SourceId))
                throw new DataFileException(Display(Path.Combine(folder, "sources.yaml")), 0, null, $"source '{Core.Standings.CowBaseline.SourceId}' is needed by data/cow/memberships.csv");
            var catalog = new Catalog(_states, baseline.Organizations, _persons, _sources.Values.Select(s => s.Source));
            return new CuratedRegistry(catalog, _claims, baseline.Claims);
        }

        private static IEnumerable<YamlNode> Sequence(string display, YamlNode root, string what) =>
            root is YamlSequenceNode seq ? seq.Children : throw new DataFileException(display, (int)root.Start.Line, null, $"expected a list of {what}");

        private void ReadSources(string path, YamlMap map)
        {
            foreach (var (key, node, line) in map.Entries())
            {
                var s = new YamlMap(map.File, node, "a source");
                var source = new Source(key, s.Enum<SourceKind>("kind"), s.Req("title"), s.Date("date"), s.Str("publisher"), s.Str("url"), s.Str("note"));
                s.NoOtherFields();
                var where = $"{map.File}:{line}";
                if (_sources.TryGetValue(key, out var prior))
                    throw new DataFileException(map.File, line, null, $"source key '{key}' is already defined at {prior.Where}");
                _sources[key] = (source, where);
            }
        }

        private void ReadStates(string path)
        {
            var display = Display(path);
            var seen = new Dictionary<StateId, int>();
            foreach (var node in Sequence(display, YamlMap.LoadDocument(path, display), "states"))
            {
                var m = new YamlMap(display, node, "a state");
                var id = m.State("id");
                if (seen.TryGetValue(id, out var prior)) throw m.Error("id", $"{id} is already defined at line {prior}");
                seen[id] = m.Line;
                var state = new State(id, m.Req("name"), m.Int("cow"), m.Str("official_name"), m.Strings("aliases"), m.Strings("demonyms"),
                    m.Str("capital"), m.Strings("metonyms"), m.Date("from"), m.Date("until"),
                    m.Strings("successors").Select(s => StateId.TryParse(s, out var sid) ? sid : throw m.Error("successors", $"'{s}' is not a state id")).ToList());
                foreach (var succ in state.Successors) _stateRefs.Add((succ, m, "successors"));
                m.Str("source"); m.Str("note");
                m.NoOtherFields();
                _states.Add(state);
            }
        }

        private void ReadPersons(string path)
        {
            var display = Display(path);
            var seen = new HashSet<PersonId>();
            foreach (var node in Sequence(display, YamlMap.LoadDocument(path, display), "persons"))
            {
                var m = new YamlMap(display, node, "a person");
                var idText = m.Req("id");
                if (!PersonId.TryParse(idText, out var id)) throw m.Error("id", $"'{idText}' is not a person id (a lower-case slug such as nikol-pashinyan)");
                if (!seen.Add(id)) throw m.Error("id", $"{id} is defined twice");
                var state = m.OptState("state");
                if (state is { } st) _stateRefs.Add((st, m, "state"));
                var offices = new List<Office>();
                foreach (var o in m.Maps("offices", "offices"))
                {
                    var office = new Office(o.Req("role"), o.OptState("state"), o.OptOrg("org"), new EdtfInterval(o.Date("from"), o.Date("until")), o.Str("source"));
                    if (office.State is { } os) _stateRefs.Add((os, o, "state"));
                    if (office.Org is { } oo) _orgRefs.Add((oo, o, "org"));
                    if (office.SourceId is { } src) _sourceRefs.Add((src, o, "source"));
                    o.Str("note");
                    o.NoOtherFields();
                    offices.Add(office);
                }
                var person = new Person(id, m.Req("name"), m.Strings("aliases"), state, offices);
                m.Str("note");
                m.NoOtherFields();
                _persons.Add(person);
            }
        }

        private void ReadOrganization(string path)
        {
            var display = Display(path);
            var m = new YamlMap(display, YamlMap.LoadDocument(path, display), "an organization");
            var id = m.Org("id");
            var expected = Path.GetFileNameWithoutExtension(path);
            if (id.Value != expected) throw m.Error("id", $"'{id}' does not match the file name '{expected}.yaml'");
            if (_orgs.Any(o => o.Id == id)) throw m.Error("id", $"{id} is defined twice");
            if (m.Map("sources", "a mapping of source keys") is { } local) ReadSources(path, local);

            var bodies = new List<Body>();
            foreach (var b in m.Maps("bodies", "bodies"))
            {
                var bidText = b.Req("id");
                if (!BodyId.TryParse(bidText, out var bid) || bid.Org != id) throw b.Error("id", $"'{bidText}' is not a body id of {id} ({id}/name)");
                if (bodies.Any(x => x.Id == bid)) throw b.Error("id", $"{bid} is defined twice");
                bodies.Add(new Body(bid, b.Req("name"), b.Strings("aliases"), b.Str("level")));
                b.Str("note");
                b.NoOtherFields();
            }
            CowIgo? cow = null;
            if (m.Map("cow", "COW names { ioname, ionum }") is { } c)
            {
                cow = new CowIgo(c.Req("ioname"), c.Int("ionum") ?? throw c.Error("ionum", "is required"));
                c.NoOtherFields();
            }
            var preds = m.Strings("predecessors").Select(p => OrgId.TryParse(p, out var o) ? o : throw m.Error("predecessors", $"'{p}' is not an organization id")).ToList();
            var succs = m.Strings("successors").Select(p => OrgId.TryParse(p, out var o) ? o : throw m.Error("successors", $"'{p}' is not an organization id")).ToList();
            foreach (var p in preds) _orgRefs.Add((p, m, "predecessors"));
            foreach (var p in succs) _orgRefs.Add((p, m, "successors"));
            var coverage = new List<Coverage>();
            foreach (var x in m.Maps("coverage", "periods of a complete member list"))
            {
                var from = x.Date("from") ?? throw x.Error("from", "is required: the first day the member list is complete");
                var period = new EdtfInterval(from, x.Date("until"));
                var source = x.Req("source");
                _sourceRefs.Add((source, x, "source"));
                coverage.Add(new Coverage(period, source, x.Str("note")));
                x.NoOtherFields();
            }
            var superseded = m.Date("superseded");
            if (superseded is not null && succs.Count == 0) throw m.Error("superseded", "names the day the successors took over: list them in successors");
            var endSource = m.Str("end_source");
            if (endSource is not null) _sourceRefs.Add((endSource, m, "end_source"));
            var org = new Organization(id, m.Req("name"), m.Strings("acronyms"), m.Strings("aliases"), m.Date("founded"), m.Date("dissolved"),
                m.Str("headquarters"), preds, succs, bodies, cow, coverage, superseded, endSource, m.Str("end_note"));

            if (facts) ReadFacts(m, id, bodies, display);
            else m.Skip(FactFields);
            foreach (var field in new[] { "note", "source" }) m.Str(field);
            m.NoOtherFields();
            _orgs.Add(org);
        }

        /// <summary>An organization's memberships, chairs and meetings (with who attended them), as claims.</summary>
        private void ReadFacts(YamlMap m, OrgId id, List<Body> bodies, string display)
        {
            foreach (var x in m.Maps("memberships", "membership changes"))
            {
                var state = x.State("state");
                _stateRefs.Add((state, x, "state"));
                var fact = new MembershipFact(state, id, x.Enum<Standing>("status"), x.Date("date") ?? throw x.Error("date", "is required: when this standing began"),
                    x.Date("as_of"), x.Date("effective"));
                if (fact.Effective is not null && fact.Status != Standing.WithdrawalAnnounced)
                    throw x.Error("effective", "only a withdrawal-announced standing has an effective date");
                AddClaim(fact, x);
            }
            foreach (var x in m.Maps("chairs", "chairs"))
            {
                var body = x.OptBody("body");
                if (body is { } bd && !bodies.Any(b => b.Id == bd)) throw x.Error("body", $"{bd} is not a body of {id}");
                var state = x.State("state");
                _stateRefs.Add((state, x, "state"));
                string? personName = null;
                if (x.Str("person") is { } pid)
                {
                    _personRefs.Add((pid, x, "person"));
                    personName = pid;
                }
                var fact = new ChairFact(id, body, state, personName, x.Date("from") ?? throw x.Error("from", "is required"), x.Enum<ChairScope>("scope", ChairScope.Term), x.Date("until"));
                AddClaim(fact, x);
            }
            foreach (var x in m.Maps("meetings", "meetings"))
            {
                var bodyIds = x.Strings("bodies").Select(s => BodyId.TryParse(s, out var b) && bodies.Any(bb => bb.Id == b) ? b
                    : throw x.Error("bodies", $"'{s}' is not a body of {id}")).ToList();
                var country = x.OptState("country");
                if (country is { } ct) _stateRefs.Add((ct, x, "country"));
                var date = x.Date("date") ?? throw x.Error("date", "is required");
                var place = x.Str("place");
                var meeting = new MeetingFact(id, bodyIds, place, country, date, x.Date("end_date"), x.Enum<MeetingStatus>("status", MeetingStatus.Held));
                var source = AddClaim(meeting, x, readNote: false);
                if (x.Map("attendance", "a mapping of state: attendance") is { } att)
                {
                    foreach (var (key, node, line) in att.Entries())
                    {
                        if (!StateId.TryParse(key, out var st)) throw new DataFileException(display, line, "attendance", $"'{key}' is not a state id");
                        _stateRefs.Add((st, att, "attendance"));
                        AttendanceKind kind;
                        string? person = null;
                        if (node is YamlScalarNode sc)
                        {
                            if (!WireName.TryParse(sc.Value, out kind))
                                throw new DataFileException(display, line, "attendance", $"'{sc.Value}' is not one of {string.Join(", ", WireName.Names<AttendanceKind>())}");
                        }
                        else
                        {
                            var a = new YamlMap(display, node, "an attendance");
                            kind = a.Enum<AttendanceKind>("attendance");
                            if (a.Str("person") is { } p) { _personRefs.Add((p, a, "person")); person = p; }
                            a.NoOtherFields();
                        }
                        var fact = new AttendanceFact(st, id, date, place, kind, person, bodyIds);
                        _claims.Add(NewClaim(fact, source, x.Str("note")));
                    }
                }
                x.Str("note");
                x.NoOtherFields();
            }
        }

        private string AddClaim(ClaimFact fact, YamlMap x, bool readNote = true)
        {
            var source = x.Req("source");
            _sourceRefs.Add((source, x, "source"));
            string? note = readNote ? x.Str("note") : null;
            if (readNote) x.NoOtherFields();
            _claims.Add(NewClaim(fact, source, note));
            return source;
        }

        private Claim NewClaim(ClaimFact fact, string source, string? note) =>
            Claim.FromReference(fact, source, recordedAt, RecordedBy, note, _claims.Count);

        private void CheckReferences()
        {
            foreach (var (key, at, field) in _sourceRefs)
                if (!_sources.ContainsKey(key)) throw at.Error(field, $"source '{key}' is not defined in data/sources.yaml or the file's sources:");
            var states = _states.Select(s => s.Id).ToHashSet();
            foreach (var (id, at, field) in _stateRefs)
                if (!states.Contains(id)) throw at.Error(field, $"state {id} is not in data/states.yaml");
            var orgs = _orgs.Select(o => o.Id).ToHashSet();
            foreach (var (id, at, field) in _orgRefs)
                if (!orgs.Contains(id)) throw at.Error(field, $"organization '{id}' has no file in data/organizations/");
            var persons = _persons.ToDictionary(p => p.Id.Value, p => p.Name);
            foreach (var (id, at, field) in _personRefs)
                if (!persons.ContainsKey(id)) throw at.Error(field, $"person '{id}' is not in data/persons.yaml");
            // Claims name persons as news does ("Nikol Pashinyan"); the curated files refer to them by id.
            for (int i = 0; i < _claims.Count; i++)
            {
                var c = _claims[i];
                ClaimFact? named = c.Fact switch
                {
                    ChairFact ch when ch.Person is { } p => ch with { Person = persons[p] },
                    AttendanceFact a when a.Person is { } p => a with { Person = persons[p] },
                    _ => null,
                };
                if (named is not null) _claims[i] = c with { Fact = named, Id = Claim.IdFor(c.SourceId, named, []) };
            }
        }
    }
}
