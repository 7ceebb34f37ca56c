using Plenary.Core.Claims;
using Plenary.Core.Ids;
using Plenary.Store.Curated;

namespace Plenary.Store.Tests;

public class CuratedDataTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Loads_states_organizations_and_facts_as_accepted_claims()
    {
        using var t = new TempFolder();
        var r = CuratedData.Load(MiniRegistry.Create(t), At);
        Assert.Equal(4, r.Catalog.States.Count);
        var csto = r.Catalog.FindOrganization(OrgId.Parse("csto"))!;
        Assert.Single(csto.Bodies);
        Assert.Equal(5, r.Claims.Count(c => c.Type == ClaimType.Membership));
        Assert.Equal(3, r.Claims.Count(c => c.Type == ClaimType.Attendance));
        Assert.All(r.Claims, c => Assert.Equal(ReviewState.Accepted, c.Review));
        Assert.Equal("rejoined", r.Claims.Single(c => c.Fact is MembershipFact { State.Value: "UZB" }).Note);
        Assert.Equal(ARM(r), r.Catalog.ResolveState("Republic of Armenia").Id);
        Assert.Equal(OrgId.Parse("csto"), r.Catalog.ResolveOrganization("Russia-led CSTO").Id);
    }

    private static StateId ARM(CuratedRegistry _) => StateId.Parse("ARM");

    public static TheoryData<string, string, string> BrokenOrganizations() => new()
    {
        { MiniRegistry.Csto.Replace("status: participation-frozen", "status: frozen"), "csto.yaml:36: field 'status'", "'frozen' is not one of" },
        { MiniRegistry.Csto.Replace("date: \"2024-02\"", "date: \"2024-13-45\""), "csto.yaml:37: field 'date'", "month 13" },
        { MiniRegistry.Csto.Replace("    source: freeze-report\nmeetings", "    source: nowhere\nmeetings"), "field 'source'", "'nowhere' is not defined" },
        { MiniRegistry.Csto.Replace("state: UZB", "state: XYZ"), "field 'state'", "XYZ is not in data/states.yaml" },
        { MiniRegistry.Csto.Replace("state: UZB", "state: uzb"), "field 'state'", "not a state id" },
        { MiniRegistry.Csto.Replace("    note: rejoined", "    nots: rejoined"), "field 'nots'", "is not a field" },
        { MiniRegistry.Csto.Replace("bodies: [csto/cfm]", "bodies: [csto/xyz]"), "field 'bodies'", "not a body of csto" },
        { MiniRegistry.Csto.Replace("id: csto\n", "id: cst\n"), "field 'id'", "does not match the file name" },
        { MiniRegistry.Csto.Replace("acronyms: [CSTO]", "acronyms: [CSTO"), "csto.yaml:", "not valid YAML" },
        { MiniRegistry.Csto.Replace("ARM: absent", "ARM: missing"), "field 'attendance'", "'missing' is not one of" },
    };

    [Theory]
    [MemberData(nameof(BrokenOrganizations))]
    public void A_malformed_file_is_refused_naming_file_line_and_field(string csto, string where, string what)
    {
        using var t = new TempFolder();
        var folder = MiniRegistry.Create(t, csto: csto.Replace("\r\n", "\n"));
        var e = Record.Exception(() => CuratedData.Load(folder, At));
        Assert.True(e is DataFileException, e?.ToString());
        Assert.True(e!.Message.Contains(where, StringComparison.Ordinal), e.Message);
        Assert.Contains(what, e.Message);
        Assert.StartsWith("data/organizations/csto.yaml:", e.Message);
    }

    [Fact]
    public void Duplicate_state_ids_are_refused_with_both_lines()
    {
        using var t = new TempFolder();
        var folder = MiniRegistry.Create(t, states: MiniRegistry.States + "\n- id: ARM\n  name: Armenia again\n");
        var e = Assert.Throws<DataFileException>(() => CuratedData.Load(folder, At));
        Assert.Contains("data/states.yaml:", e.Message);
        Assert.Contains("already defined at line 1", e.Message);
    }

    [Fact]
    public void A_missing_folder_is_an_error_not_an_empty_registry()
    {
        using var t = new TempFolder();
        Assert.Throws<DataFileException>(() => CuratedData.Load(t.File("nothing-here"), At));
    }
}
