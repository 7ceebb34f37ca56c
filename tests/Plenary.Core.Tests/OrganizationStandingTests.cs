using Plenary.Core.Claims;
using Plenary.Core.Ids;
using Plenary.Core.Registry;
using Plenary.Core.Standings;
using Plenary.Core.Time;

namespace Plenary.Core.Tests;

public class OrganizationStandingTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private int _seq;

    private Claim C(string org, Standing s, string date, string state = "ARM") => new()
    {
        Id = $"c{_seq}", Fact = new MembershipFact(StateId.Parse(state), OrgId.Parse(org), s, EdtfDate.Parse(date)),
        SourceId = "src", RecordedAt = T0, RecordedBy = "test", Review = ReviewState.Accepted, Sequence = _seq++,
    };

    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    private static Organization Org(string id, string? founded = null, string? dissolved = null, string? superseded = null, params (string From, string? Until)[] coverage) =>
        new(OrgId.Parse(id), id.ToUpperInvariant(), [], [], EdtfDate.ParseOptional(founded), EdtfDate.ParseOptional(dissolved), null, [], [], [],
            Coverage: coverage.Select(c => new Coverage(new EdtfInterval(EdtfDate.Parse(c.From), EdtfDate.ParseOptional(c.Until)), "list")).ToList(),
            Superseded: EdtfDate.ParseOptional(superseded));

    [Fact]
    public void Without_a_claim_a_state_is_not_a_member_inside_coverage_and_unknown_outside_it()
    {
        // A made-up union whose member list is complete from 1990 to 2000 only.
        var org = Org("xu", founded: "1985", coverage: ("1990-01-01", "2000-12-31"));
        var none = StandingDerivation.Derive([]);

        var inside = OrganizationStanding.On(none, org, D("1995-06-01"));
        Assert.Equal(Standing.NotMember, inside.Standing);
        Assert.Equal(StandingBasis.CompleteList, inside.Basis);
        Assert.True(inside.Certain);

        var after = OrganizationStanding.On(none, org, D("2010-06-01"));
        Assert.Equal(Standing.Unknown, after.Standing);
        Assert.Equal(StandingBasis.NoData, after.Basis);
        Assert.False(after.Certain);

        var beforeCoverage = OrganizationStanding.On(none, org, D("1987-06-01"));
        Assert.Equal(Standing.Unknown, beforeCoverage.Standing);

        var beforeFounding = OrganizationStanding.On(none, org, D("1980-06-01"));
        Assert.Equal(Standing.NotMember, beforeFounding.Standing);
        Assert.Equal(StandingBasis.NotFounded, beforeFounding.Basis);
    }

    [Fact]
    public void A_claim_speaks_outside_coverage_too()
    {
        var org = Org("xu", founded: "1985", coverage: ("1990-01-01", "2000-12-31"));
        var h = StandingDerivation.Derive([C("xu", Standing.Member, "2003-04-05")]);
        Assert.Equal(Standing.Member, OrganizationStanding.On(h, org, D("2010-01-01")).Standing);
        Assert.Equal(Standing.Unknown, OrganizationStanding.On(h, org, D("2002-01-01")).Standing);
    }

    [Fact]
    public void Without_its_coverage_known_the_registry_knows_nothing()
    {
        var org = Org("xu", founded: "1985", coverage: ("1990-01-01", null));
        var on = OrganizationStanding.On(StandingDerivation.Derive([]), org, D("1995-06-01"), coverageKnown: false);
        Assert.Equal(Standing.Unknown, on.Standing);
    }

    [Fact]
    public void Every_membership_ends_with_the_organization()
    {
        var org = Org("xe", founded: "2000-10-10", dissolved: "2015-01-01");
        var h = StandingDerivation.Derive([C("xe", Standing.Member, "2000-10-10"), C("xe", Standing.ParticipationFrozen, "2008-11")]);
        Assert.Equal(Standing.ParticipationFrozen, OrganizationStanding.On(h, org, D("2014-12-31")).Standing);
        var after = OrganizationStanding.On(h, org, D("2024-11-28"));
        Assert.Equal(Standing.NotMember, after.Standing);
        Assert.Equal(StandingBasis.OrganizationEnded, after.Basis);
        Assert.Equal("2015-01-01", after.Since.ToString());
        Assert.True(after.Certain);
        Assert.False(after.DeJureMember);
    }

    [Fact]
    public void A_superseded_organization_ends_when_its_successor_takes_over()
    {
        var org = Org("xt", founded: "1992-05-15", superseded: "2002-10-07");
        var h = StandingDerivation.Derive([C("xt", Standing.Member, "1992-05-15")]);
        Assert.Equal(Standing.Member, OrganizationStanding.On(h, org, D("2002-10-06")).Standing);
        Assert.Equal(StandingBasis.OrganizationEnded, OrganizationStanding.On(h, org, D("2002-10-07")).Basis);
        Assert.Equal("2002-10-07", org.EndedOn().ToString());
    }

    [Fact]
    public void A_year_precise_end_is_uncertain_inside_its_year()
    {
        var org = Org("xy", founded: "1950", dissolved: "1991");
        var h = StandingDerivation.Derive([C("xy", Standing.Member, "1950")]);
        Assert.False(OrganizationStanding.On(h, org, D("1991-06-01")).Certain);
        Assert.True(OrganizationStanding.On(h, org, D("1992-01-01")).Certain);
    }

    [Fact]
    public void Periods_cover_the_whole_span_with_what_speaks_for_each()
    {
        var org = Org("xe", founded: "2000-10-10", dissolved: "2015-01-01", coverage: ("2000-10-10", "2014-12-31"));
        var h = StandingDerivation.Derive([C("xe", Standing.Member, "2006-01"), C("xe", Standing.ParticipationFrozen, "2008-11")]);
        var periods = OrganizationStanding.Periods(h, org, D("1995-01-01"), D("2025-01-01"));
        Assert.Equal(
            ["not-member 1995-01-01 2000-10-10 not-founded", "not-member 2000-10-10 2006-01 complete-list", "member 2006-01 2008-11 claims",
             "participation-frozen 2008-11 2015-01-01 claims", "not-member 2015-01-01 .. organization-ended"],
            periods.Select(p => $"{WireName.Of(p.Standing)} {p.From} {p.Until?.ToString() ?? ".."} {WireName.Of(p.Basis)}"));
    }

    [Fact]
    public void The_reason_is_given_in_words_with_the_source_of_the_complete_list_of_that_day()
    {
        var org = Org("xe", founded: "2000-10-10", dissolved: "2015-01-01", coverage: ("2000-10-10", "2014-12-31")) with { Name = "Example Community", Successors = [OrgId.Parse("xu")] };
        var catalog = new Catalog([], [org, Org("xu", founded: "2015-01-01") with { Name = "Example Union" }], [], [new Source("list", SourceKind.Reference, "The member list")]);
        Assert.Equal("not on the member list of the Example Community, which is complete then (The member list)",
            OrganizationStanding.Explain(StandingBasis.CompleteList, org, catalog, D("2010-01-01")));
        Assert.Equal("the Example Community ended on 2015-01-01 (dissolved; succeeded by the Example Union)",
            OrganizationStanding.Explain(StandingBasis.OrganizationEnded, org, catalog));
        Assert.StartsWith("no data:", OrganizationStanding.Explain(StandingBasis.NoData, org, catalog));
        Assert.Null(OrganizationStanding.Explain(StandingBasis.Claims, org, catalog));
    }

    [Fact]
    public void Periods_say_unknown_where_nothing_speaks()
    {
        var org = Org("xu", founded: "1990");
        var h = StandingDerivation.Derive([C("xu", Standing.Member, "2003-04-05")]);
        var periods = OrganizationStanding.Periods(h, org, D("1990-01-01"), D("2025-01-01"));
        Assert.Equal(["unknown 1990-01-01 2003-04-05 no-data", "member 2003-04-05 .. claims"],
            periods.Select(p => $"{WireName.Of(p.Standing)} {p.From} {p.Until?.ToString() ?? ".."} {WireName.Of(p.Basis)}"));
    }
}

public class ClaimDescriptionTests
{
    private static readonly Catalog Catalog = new(
        [new State(StateId.Parse("ARM"), "Armenia"), new State(StateId.Parse("UZB"), "Uzbekistan"), new State(StateId.Parse("KAZ"), "Kazakhstan")],
        [new Organization(OrgId.Parse("csto"), "Collective Security Treaty Organization", ["CSTO"], [], null, null, null, [], [],
            [new Body(BodyId.Parse("csto/csc"), "Collective Security Council", [], null), new Body(BodyId.Parse("csto/cfm"), "Council of Foreign Ministers", [], null)])],
        [], []);

    private static EdtfDate E(string s) => EdtfDate.Parse(s);

    [Fact]
    public void A_stated_standing_gives_the_day_it_was_stated_and_the_known_start_not_an_invented_from()
    {
        var fact = new MembershipFact(StateId.Parse("ARM"), OrgId.Parse("csto"), Standing.ParticipationFrozen, AsOf: E("2024-11-26"));
        Assert.Equal("Armenia: participation frozen in the CSTO (stated 2024-11-26; since 2024-02)", ClaimDescription.Describe(fact, Catalog, since: E("2024-02")));
        Assert.Equal("Armenia: participation frozen in the CSTO (stated 2024-11-26)", ClaimDescription.Describe(fact, Catalog));
        // A reader that copied the statement's day into the start date has not learnt when the freeze began.
        var copied = fact with { Date = E("2024-11-26") };
        Assert.Equal("Armenia: participation frozen in the CSTO (stated 2024-11-26; since 2024-02)", ClaimDescription.Describe(copied, Catalog, since: E("2024-02")));
    }

    [Fact]
    public void A_suspension_is_described_as_a_suspension()
    {
        var fact = new MembershipFact(StateId.Parse("UZB"), OrgId.Parse("csto"), Standing.Suspended, E("2012-12-19"));
        Assert.Equal("Uzbekistan: membership of the CSTO suspended (since 2012-12-19)", ClaimDescription.Describe(fact, Catalog));
    }

    [Fact]
    public void Meetings_and_attendance_name_the_organization_its_bodies_and_the_states()
    {
        var meeting = new MeetingFact(OrgId.Parse("csto"), [BodyId.Parse("csto/csc")], "Astana", StateId.Parse("KAZ"), E("2024-11-28"), null, MeetingStatus.Held);
        Assert.Equal("CSTO Collective Security Council in Astana, 2024-11-28: held", ClaimDescription.Describe(meeting, Catalog));
        var absent = new AttendanceFact(StateId.Parse("ARM"), OrgId.Parse("csto"), E("2024-11-28"), "Astana", AttendanceKind.Absent, Bodies: [BodyId.Parse("csto/cfm")]);
        Assert.Equal("Armenia stayed away from the CSTO Council of Foreign Ministers in Astana of 2024-11-28", ClaimDescription.Describe(absent, Catalog));
    }
}

public class CowBaselineTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly OrgId Oas = OrgId.Parse("oas"), Csto = OrgId.Parse("csto");
    private static readonly StateId Usa = StateId.Parse("USA"), Cub = StateId.Parse("CUB"), Arm = StateId.Parse("ARM"), Uzb = StateId.Parse("UZB");

    private static Organization Org(OrgId id, string founded, params Coverage[] coverage) =>
        new(id, id.Value, [], [], EdtfDate.Parse(founded), null, null, [], [], [], Coverage: coverage);

    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    private static StandingOnDay On(CowBaseline.Result r, OrgId org, StateId state, string day, IEnumerable<Claim>? curated = null) =>
        OrganizationStanding.On(StandingDerivation.Derive(r.Claims.Concat(curated ?? []).Where(c => c.Fact is MembershipFact m && m.Org == org && m.State == state)),
            r.Organizations.Single(o => o.Id == org), D(day));

    [Fact]
    public void Cow_answers_who_was_in_an_uncurated_organization_and_says_nothing_after_2014()
    {
        var r = CowBaseline.Apply([Org(Oas, "1948")], [],
            [new CowSpell(Oas, Usa, Standing.Member, 1951, 2014), new CowSpell(Oas, Cub, Standing.Member, 1951, 1961), new CowSpell(Oas, Cub, Standing.Member, 2009, 2014)],
            [new CowYears(Oas, 1948, 2014)], T0);
        Assert.Equal(Standing.Member, On(r, Oas, Usa, "1980-06-01").Standing);
        var cuba = On(r, Oas, Cub, "1980-06-01");
        Assert.Equal(Standing.NotMember, cuba.Standing);
        Assert.Equal(StandingBasis.Claims, cuba.Basis);
        Assert.Equal(Standing.NotMember, On(r, Oas, Arm, "1980-06-01").Standing); // no spell, inside COW's years: the list is complete
        Assert.Equal(Standing.Unknown, On(r, Oas, Usa, "2024-11-28").Standing);
        Assert.Equal(Standing.Unknown, On(r, Oas, Arm, "2024-11-28").Standing);
        Assert.Equal("1948/2014", Assert.Single(r.Organizations.Single().Coverage).Period.ToString());
        Assert.All(r.Claims, c => Assert.Equal(CowBaseline.SourceId, c.SourceId));
    }

    [Fact]
    public void Curated_facts_take_precedence_for_their_pair_and_curated_coverage_cuts_cow_off()
    {
        var curatedCoverage = new Coverage(new EdtfInterval(EdtfDate.Parse("2006-01-01"), null), "csto-ref");
        var curatedUzb = Claim.FromReference(new MembershipFact(Uzb, Csto, Standing.Member, EdtfDate.Parse("2006-06-23")), "csto-ref", T0, "curated-data");
        var r = CowBaseline.Apply([Org(Csto, "2002-10-07", curatedCoverage)], [curatedUzb],
            [new CowSpell(Csto, Uzb, Standing.Member, 2002, 2011), new CowSpell(Csto, Arm, Standing.Member, 2002, 2014)],
            [new CowYears(Csto, 2002, 2014)], T0);
        // Uzbekistan: the curated facts alone (COW's 2002-2011 membership is not used).
        Assert.DoesNotContain(r.Claims, c => ((MembershipFact)c.Fact).State == Uzb);
        Assert.Equal(Standing.NotMember, On(r, Csto, Uzb, "2004-06-01", [curatedUzb]).Standing);
        // Armenia (no curated fact in this made-up case): COW before the curated coverage, the complete list from then on.
        Assert.Equal(Standing.Member, On(r, Csto, Arm, "2004-06-01").Standing);
        Assert.Equal(Standing.NotMember, On(r, Csto, Arm, "2010-06-01").Standing);
        var org = r.Organizations.Single();
        Assert.Equal(["2006-01-01/..", "2002/2005"], org.Coverage.Select(c => c.Period.ToString()));
    }

    [Fact]
    public void An_organization_that_ended_ends_its_spells()
    {
        var org = Org(OrgId.Parse("comecon"), "1949") with { Dissolved = EdtfDate.OfYear(1991) };
        var r = CowBaseline.Apply([org], [], [new CowSpell(org.Id, StateId.Parse("POL"), Standing.Member, 1949, 1991)], [new CowYears(org.Id, 1949, 1991)], T0);
        Assert.Single(r.Claims);
        var during = On(r, org.Id, StateId.Parse("POL"), "1991-03-01");
        Assert.Equal(Standing.Member, during.Standing);
        Assert.False(during.Certain);
        Assert.Equal(StandingBasis.OrganizationEnded, On(r, org.Id, StateId.Parse("POL"), "1992-03-01").Basis);
    }
}
