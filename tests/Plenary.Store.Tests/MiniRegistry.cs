namespace Plenary.Store.Tests;

/// <summary>A small curated data folder in the schema of data/README.md, for tests that must not depend on the shipped data.</summary>
public static class MiniRegistry
{
    public const string States = """
        - id: ARM
          cow: 371
          name: Armenia
          aliases: [Republic of Armenia]
          demonyms: [Armenian]
          capital: Yerevan
        - id: RUS
          cow: 365
          name: Russia
          capital: Moscow
          metonyms: [the Kremlin]
        - id: KAZ
          cow: 705
          name: Kazakhstan
          capital: Astana
        - id: UZB
          cow: 704
          name: Uzbekistan
          capital: Tashkent
        """;

    public const string Sources = """
        cst-1992:
          kind: treaty
          title: Collective Security Treaty
          date: "1992-05-15"
        csto-charter:
          kind: treaty
          title: Charter of the Collective Security Treaty Organization
          date: "2002-10-07"
        """;

    public const string Csto = """
        id: csto
        name: Collective Security Treaty Organization
        acronyms: [CSTO]
        aliases: [Russia-led CSTO]
        founded: "2002-10-07"
        headquarters: Moscow
        sources:
          freeze-report:
            kind: news
            title: Armenia has frozen participation in CSTO
            date: "2024-02-23"
            publisher: Asbarez
        bodies:
          - id: csto/cfm
            name: Council of Foreign Ministers
            level: ministers
        memberships:
          - state: ARM
            status: member
            date: "2002-10-07"
            source: csto-charter
          - state: RUS
            status: member
            date: "2002-10-07"
            source: csto-charter
          - state: KAZ
            status: member
            date: "2002-10-07"
            source: csto-charter
          - state: UZB
            status: member
            date: "2006-06-23"
            source: csto-charter
            note: rejoined
          - state: ARM
            status: participation-frozen
            date: "2024-02"
            source: freeze-report
        meetings:
          - bodies: [csto/cfm]
            place: Astana
            country: KAZ
            date: "2024-11-28"
            source: freeze-report
            attendance:
              ARM: absent
              RUS: present
              KAZ: { attendance: lower-level }
        """;

    public static string Create(TempFolder t, string? csto = null, string? states = null)
    {
        t.Write("data/states.yaml", states ?? States);
        t.Write("data/sources.yaml", Sources);
        t.Write("data/organizations/csto.yaml", csto ?? Csto);
        return t.File("data");
    }
}
