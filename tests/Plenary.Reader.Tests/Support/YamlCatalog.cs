using Plenary.Core.Ids;
using Plenary.Core.Registry;
using YamlDotNet.RepresentationModel;

namespace Plenary.Reader.Tests.Support;

/// <summary>
/// Reads the test registry (Fixtures/registry, in data/README.md's shape but without sources or facts) into a
/// <see cref="Catalog"/>: only the names the reader needs. The stage tests use it so that they do not move when the
/// curated data does; the corpus tests use the shipped registry through Plenary.Store's loader.
/// </summary>
public static class YamlCatalog
{
    public static Catalog Load(string folder)
    {
        var states = new List<State>();
        var statesFile = Path.Combine(folder, "states.yaml");
        if (File.Exists(statesFile))
            foreach (var n in Seq(Root(statesFile)))
            {
                if (n is not YamlMappingNode m || !StateId.TryParse(S(m, "id"), out var id)) continue;
                states.Add(new State(id, S(m, "name") ?? id.Value, null, S(m, "official_name"), L(m, "aliases"), L(m, "demonyms"), S(m, "capital"), L(m, "metonyms")));
            }
        var orgs = new List<Organization>();
        var orgDir = Path.Combine(folder, "organizations");
        if (Directory.Exists(orgDir))
            foreach (var f in Directory.EnumerateFiles(orgDir, "*.yaml").Order(StringComparer.Ordinal))
            {
                if (Root(f) is not YamlMappingNode m || !OrgId.TryParse(S(m, "id"), out var id)) continue;
                var bodies = new List<Body>();
                foreach (var b in Seq(Get(m, "bodies")))
                    if (b is YamlMappingNode bm && BodyId.TryParse(S(bm, "id"), out var bid))
                        bodies.Add(new Body(bid, S(bm, "name") ?? bid.Name, L(bm, "aliases"), S(bm, "level")));
                orgs.Add(new Organization(id, S(m, "name") ?? id.Value, L(m, "acronyms"), L(m, "aliases"), null, null, S(m, "headquarters"), [], [], bodies));
            }
        var persons = new List<Person>();
        var personsFile = Path.Combine(folder, "persons.yaml");
        if (File.Exists(personsFile))
            foreach (var n in Seq(Root(personsFile)))
            {
                if (n is not YamlMappingNode m || !PersonId.TryParse(S(m, "id"), out var id)) continue;
                StateId? st = StateId.TryParse(S(m, "state"), out var s) ? s : null;
                persons.Add(new Person(id, S(m, "name") ?? id.Value, L(m, "aliases"), st, []));
            }
        return new Catalog(states, orgs, persons, []);
    }

    private static YamlNode? Root(string file)
    {
        var ys = new YamlStream();
        using var r = new StreamReader(file);
        ys.Load(r);
        return ys.Documents.Count > 0 ? ys.Documents[0].RootNode : null;
    }

    private static YamlNode? Get(YamlMappingNode m, string key) => m.Children.TryGetValue(new YamlScalarNode(key), out var v) ? v : null;
    private static string? S(YamlMappingNode m, string key) => Get(m, key) is YamlScalarNode s && !string.IsNullOrEmpty(s.Value) && s.Value != "null" && s.Value != "~" ? s.Value : null;
    private static List<string> L(YamlMappingNode m, string key) => Get(m, key) is YamlSequenceNode q ? q.Children.OfType<YamlScalarNode>().Select(x => x.Value ?? "").Where(x => x.Length > 0).ToList() : [];
    private static IEnumerable<YamlNode> Seq(YamlNode? n) => n is YamlSequenceNode s ? s.Children : [];
}
