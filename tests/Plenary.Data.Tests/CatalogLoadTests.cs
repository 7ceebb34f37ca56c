using Plenary.Core.Registry;
using Plenary.Store.Curated;

namespace Plenary.Data.Tests;

/// <summary>
/// <see cref="CuratedData.LoadCatalog"/>, the names-only load that <c>plenary read</c> uses: the same names as the full
/// load of the shipped data, and a folder whose facts are wrong still gives its names (the facts are not read), while
/// a wrong name or an unknown field is still an error naming file, line and field.
/// </summary>
public class CatalogLoadTests
{
    [Fact]
    public void The_names_only_catalog_of_the_shipped_data_holds_the_same_names_as_the_full_load()
    {
        var full = CuratedData.Load(CuratedData.DefaultFolder, DateTimeOffset.UnixEpoch).Catalog;
        var names = CuratedData.LoadCatalog(CuratedData.DefaultFolder);

        Assert.NotEmpty(full.States);
        Assert.Equal(full.States.Select(Describe), names.States.Select(Describe));   // COW's states (data/cow/states.csv) included
        Assert.Equal(full.Persons.Select(Describe), names.Persons.Select(Describe));
        Assert.Equal(full.Sources.Keys.Order(StringComparer.Ordinal), names.Sources.Keys.Order(StringComparer.Ordinal));
        // Organizations: every name, acronym, alias and body alike (COW's organizations included); only the coverage
        // COW's years add differs, since the names-only load does not apply COW's membership spells.
        Assert.Equal(full.Organizations.Select(Describe), names.Organizations.Select(Describe));
        Assert.Contains(full.Organizations, o => o.Coverage.Count > 0);
    }

    [Fact]
    public void The_names_only_load_does_not_read_the_facts()
    {
        using var folder = new Folder();
        folder.Write("states.yaml", "- id: ARM\n  name: Armenia\n");
        folder.Write("organizations/xyz.yaml",
            "id: xyz\nname: Example Union\nacronyms: [EXU]\nmemberships:\n  - state: ARM\n    status: not-a-status\n    date: \"2001\"\n    source: nowhere\n");

        var names = CuratedData.LoadCatalog(folder.Path);
        var org = Assert.Single(names.Organizations);
        Assert.Equal("Example Union", org.Name);
        Assert.Equal(["EXU"], org.Acronyms);
        var e = Assert.Throws<DataFileException>(() => CuratedData.Load(folder.Path, DateTimeOffset.UnixEpoch));
        Assert.Contains("xyz.yaml", e.Message);
    }

    [Fact]
    public void The_names_only_load_still_refuses_an_unknown_field_and_a_missing_name()
    {
        using var folder = new Folder();
        folder.Write("states.yaml", "- id: ARM\n  name: Armenia\n");
        folder.Write("organizations/xyz.yaml", "id: xyz\nname: Example Union\nacronym: [EXU]\n");
        var e = Assert.Throws<DataFileException>(() => CuratedData.LoadCatalog(folder.Path));
        Assert.Contains("acronym", e.Message);
        Assert.Contains("xyz.yaml", e.Message);

        folder.Write("organizations/xyz.yaml", "id: xyz\nacronyms: [EXU]\n");
        e = Assert.Throws<DataFileException>(() => CuratedData.LoadCatalog(folder.Path));
        Assert.Contains("name", e.Message);
    }

    private static string Describe(State s) =>
        $"{s.Id} {s.Name} {s.CowCode} {s.OfficialName} [{string.Join('|', s.Aliases)}] [{string.Join('|', s.Demonyms)}] {s.Capital} "
        + $"[{string.Join('|', s.Metonyms)}] {s.From} {s.Until} [{string.Join('|', s.Successors)}]";

    private static string Describe(Person p) => $"{p.Id} {p.Name} [{string.Join('|', p.Aliases)}] {p.State} {p.Offices.Count}";

    private static string Describe(Organization o) =>
        $"{o.Id} {o.Name} [{string.Join('|', o.Acronyms)}] [{string.Join('|', o.Aliases)}] {o.Founded} {o.Dissolved} {o.Headquarters} {o.Cow} "
        + $"[{string.Join('|', o.Predecessors)}] [{string.Join('|', o.Successors)}] {o.Superseded} {o.EndSource} "
        + string.Join(";", o.Bodies.Select(b => $"{b.Id} {b.Name} [{string.Join('|', b.Aliases)}] {b.Level}"));

    private sealed class Folder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("plenary-catalog-").FullName;

        public void Write(string name, string text)
        {
            var file = System.IO.Path.Combine(Path, name);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
            File.WriteAllText(file, text);
        }

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
