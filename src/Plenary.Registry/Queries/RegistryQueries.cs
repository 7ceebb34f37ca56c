using Plenary.Core.Claims;
using Plenary.Core.Ids;
using Plenary.Core.Meetings;
using Plenary.Core.Registry;
using Plenary.Core.Standings;
using Plenary.Core.Text;
using Plenary.Core.Time;

namespace Plenary.Store.Queries;

/// <summary>The registry's questions — standing on a day, members, timelines, meetings and attendance — answered from the store.</summary>
public sealed class RegistryQueries(RegistryStore store)
{
    public Catalog Catalog => store.Catalog;

    public StandingHistory History(StateId state, OrgId org, DateTimeOffset? knownAt) =>
        StandingDerivation.Derive(store.Claims(new ClaimFilter { Type = ClaimType.Membership, Org = org, State = state, KnownAt = knownAt }));

    /// <summary>
    /// The organization's coverage speaks only for a registry that knew it: read as it was before the curated data was
    /// recorded (<c>--known-at</c> earlier), the registry knew no complete member list.
    /// </summary>
    public bool CoverageKnown(DateTimeOffset? knownAt) =>
        knownAt is not { } at || store.GetMeta(CuratedRecordedAtKey) is not { } text || Sql.ParseTime(text) <= at;

    /// <summary>The meta key under which seeding records when the curated data (organizations and their coverage) came in.</summary>
    public const string CuratedRecordedAtKey = "curated-recorded-at";

    /// <summary>The standing on a day as the registry can vouch for it (see <see cref="OrganizationStanding"/>).</summary>
    public StandingOnDay StandingOn(StandingHistory history, OrgId org, DateOnly on, DateTimeOffset? knownAt) =>
        OrganizationStanding.On(history, Catalog.FindOrganization(org), on, CoverageKnown(knownAt));

    public StatusReport Status(StateId state, OrgId org, DateOnly on, DateTimeOffset? knownAt = null)
    {
        var day = StandingOn(History(state, org, knownAt), org, on, knownAt);
        var views = new ViewCache(store);
        return new StatusReport(state, org, on, knownAt, day.Standing, day.Since, day.SinceAsserted, day.Certain, day.DeJureMember, day.Participating,
            day.Claims.Select(c => views.Of(c, Supports(c, day.Standing) ? day.Since : null)).ToList(), day.Conflicts.Select(views.Of).ToList(), day.Basis);
    }

    /// <summary>
    /// The standing during a year or a month (<c>--on 2016</c>): each part of the period with its standing and the claims
    /// behind it; more than one part means it changed during the period.
    /// </summary>
    public StatusDuringReport StatusDuring(StateId state, OrgId org, EdtfDate period, DateTimeOffset? knownAt = null)
    {
        var history = History(state, org, knownAt);
        var during = OrganizationStanding.During(history, Catalog.FindOrganization(org), period, CoverageKnown(knownAt));
        var views = new ViewCache(store);
        var parts = during.Parts.Select(p => new PartView(p.Standing, p.From, p.Until, !during.Changed, p.SinceAsserted,
            p.Claims.Select(c => views.Of(c, Supports(c, p.Standing) ? p.From : null)).ToList(), p.Basis)).ToList();
        var conflicts = history.Conflicts.Where(c => c.Date.Overlaps(period)).Select(views.Of).ToList();
        return new StatusDuringReport(state, org, period, knownAt, parts, conflicts);
    }

    public MembersReport Members(OrgId org, DateOnly on, DateTimeOffset? knownAt = null)
    {
        var members = new List<MemberRow>();
        var others = new List<MemberRow>();
        foreach (var (state, history) in Histories(org, knownAt))
        {
            var day = StandingOn(history, org, on, knownAt);
            var row = new MemberRow(state, Catalog.StateName(state), day.Standing, day.Since, day.Certain);
            if (day.DeJureMember) members.Add(row);
            else if (day.Standing is Standing.Observer or Standing.Partner or Standing.Applied or Standing.Invited or Standing.WithdrawalAnnounced) others.Add(row);
        }
        var o = Catalog.FindOrganization(org);
        var ended = o?.EndedOn() is { } e && on >= e.Start ? e : (EdtfDate?)null;
        bool complete = ended is not null || (o?.CoverageOn(on) is { } c && c.Period.SurelyContains(on) && CoverageKnown(knownAt));
        return new MembersReport(org, Catalog.OrganizationName(org), on, knownAt, members, others, complete, ended, o?.Successors ?? []);
    }

    /// <summary>
    /// Who belonged during a year or a month (<c>members --on 2016</c>): each state that was a de jure member at some time
    /// in it, with every part of the period it was one (a part less than the whole period says the standing changed).
    /// </summary>
    public MembersDuringReport MembersDuring(OrgId org, EdtfDate period, DateTimeOffset? knownAt = null) =>
        new(org, Catalog.OrganizationName(org), period, knownAt, Histories(org, knownAt)
            .SelectMany(h => PartsDuring(h.History, org, period, knownAt).Where(x => x.Part.Standing.IsDeJureMember())
                .Select(x => new MemberPart(h.State, Catalog.StateName(h.State), x.Part.Standing, x.Part.From, x.Part.Until, x.Whole)))
            .ToList());

    /// <summary>The parts of a period with one standing each, and whether each held the whole period (it did not change).</summary>
    private IEnumerable<(KnownPeriod Part, bool Whole)> PartsDuring(StandingHistory history, OrgId org, EdtfDate period, DateTimeOffset? knownAt)
    {
        var during = OrganizationStanding.During(history, Catalog.FindOrganization(org), period, CoverageKnown(knownAt));
        return during.Parts.Select(p => (p, !during.Changed));
    }

    public TimelineReport Timeline(StateId state, OrgId org, DateTimeOffset? knownAt = null)
    {
        var history = History(state, org, knownAt);
        var views = new ViewCache(store);
        return new TimelineReport(state, org, knownAt,
            Periods(history, org, knownAt).Select(p => new PeriodView(p.Standing, p.From, p.Until, p.SinceAsserted, p.Claims.Select(c => views.Of(c, Supports(c, p.Standing) ? p.From : null)).ToList(), p.Basis)).ToList(),
            history.Conflicts.Select(views.Of).ToList());
    }

    /// <summary>A claim of the very standing of a period (not one that only confirms it): the period's start is its "since".</summary>
    private static bool Supports(Claim c, Standing standing) => c.Fact is MembershipFact m && m.Status == standing;

    /// <summary>The standing over time, from the organization's founding (or the first claim), with unknown stretches as such.</summary>
    public IReadOnlyList<KnownPeriod> Periods(StandingHistory history, OrgId org, DateTimeOffset? knownAt) =>
        OrganizationStanding.Periods(history, Catalog.FindOrganization(org), CoverageKnown(knownAt));

    /// <summary>A state's standing on a day in every organization some claim relates it to (the state page, <c>orgs --state</c>).</summary>
    public IReadOnlyList<(OrgId Org, StandingOnDay Day)> StandingsOf(StateId state, DateOnly on, DateTimeOffset? knownAt = null) =>
        Memberships(state, knownAt).Select(m => (m.Org, StandingOn(m.History, m.Org, on, knownAt))).ToList();

    /// <summary>
    /// A state's standings during a year or a month (<c>show STATE --on 2016</c>, the state page): each part of the period
    /// with its standing in each organization (not-member parts left out); a part less than the whole says it changed.
    /// </summary>
    public StandingsDuringReport StandingsDuring(StateId state, EdtfDate period, DateTimeOffset? knownAt = null) =>
        new(state, period, knownAt, Memberships(state, knownAt)
            .SelectMany(m => PartsDuring(m.History, m.Org, period, knownAt).Where(x => x.Part.Standing != Standing.NotMember)
                .Select(x => new StandingPart(m.Org, Catalog.OrganizationName(m.Org), x.Part.Standing, x.Part.From, x.Part.Until, x.Whole)))
            .ToList());

    /// <summary>Every organization's standing history for one state (the state page).</summary>
    public IReadOnlyList<(OrgId Org, StandingHistory History)> Memberships(StateId state, DateTimeOffset? knownAt = null) =>
        HistoriesBy(new ClaimFilter { Type = ClaimType.Membership, State = state, KnownAt = knownAt }, m => m.Org);

    /// <summary>Each state's standing history in one organization (the organization page's timeline chart).</summary>
    public IReadOnlyList<(StateId State, StandingHistory History)> Histories(OrgId org, DateTimeOffset? knownAt = null) =>
        HistoriesBy(new ClaimFilter { Type = ClaimType.Membership, Org = org, KnownAt = knownAt }, m => m.State);

    /// <summary>The membership claims the filter selects, as one standing history per key (the organization or the state), in key order.</summary>
    private List<(TKey, StandingHistory)> HistoriesBy<TKey>(ClaimFilter membership, Func<MembershipFact, TKey> key) =>
        store.Claims(membership).GroupBy(c => key((MembershipFact)c.Fact)).OrderBy(g => g.Key).Select(g => (g.Key, StandingDerivation.Derive(g))).ToList();

    public IReadOnlyList<MeetingRecord> Meetings(OrgId? org, DateOnly? from = null, DateOnly? to = null, DateTimeOffset? knownAt = null)
    {
        var claims = store.Claims(new ClaimFilter { Type = ClaimType.Meeting, Org = org, KnownAt = knownAt })
            .Concat(store.Claims(new ClaimFilter { Type = ClaimType.Attendance, Org = org, KnownAt = knownAt }));
        return MeetingAssembly.Assemble(claims)
            .Where(m => m.Date is not { } d || ((from is null || d.End >= from) && (to is null || d.Start <= to)))
            .ToList();
    }

    public AttendanceReport Attendance(OrgId org, DateOnly? from = null, DateOnly? to = null, DateTimeOffset? knownAt = null)
    {
        var views = new ViewCache(store);
        var meetings = Meetings(org, from, to, knownAt).Select(m => View(m, views)).ToList();
        return new AttendanceReport(org, from, to, knownAt, meetings);
    }

    public MeetingView View(MeetingRecord m, ViewCache? views = null)
    {
        views ??= new ViewCache(store);
        return new MeetingView(m.Id, m.Org, m.Date, m.EndDate, m.Place, m.Country, m.Bodies, m.Status,
            m.Attendance.OrderBy(kv => kv.Key).ToDictionary(kv => kv.Key, kv => kv.Value.Attendance),
            m.Claims.Concat(m.Attendance.Values.SelectMany(a => a.Claims)).Select(views.Of).ToList());
    }

    public IReadOnlyList<ChairView> Chairs(OrgId org, DateTimeOffset? knownAt = null)
    {
        var views = new ViewCache(store);
        return store.Claims(new ClaimFilter { Type = ClaimType.Chair, Org = org, KnownAt = knownAt })
            .Select(c => (c, f: (ChairFact)c.Fact))
            .OrderBy(x => x.f.Date?.Start ?? DateOnly.MinValue)
            .Select(x => new ChairView(x.f.Org, x.f.Body, x.f.State, x.f.Person, x.f.Date, x.f.Until, x.f.Scope, views.Of(x.c)))
            .ToList();
    }

    /// <summary>Accepted statements, all or one person's (the speaker's name or alias resolves to the person), oldest first.</summary>
    public IReadOnlyList<ClaimView> Statements(Person? person, DateTimeOffset? knownAt = null)
    {
        var views = new ViewCache(store);
        return store.Claims(new ClaimFilter { Type = ClaimType.Statement, KnownAt = knownAt })
            .Where(c => person is null || SpeakerIs((StatementFact)c.Fact, person))
            .OrderBy(c => c.Fact.ValidFrom?.Start ?? DateOnly.MinValue)
            .Select(views.Of)
            .ToList();
    }

    private bool SpeakerIs(StatementFact f, Person person)
    {
        if (Catalog.ResolvePerson(f.Speaker).Id == person.Id) return true;
        // "Ushakov" or "Yuri V. Ushakov" for Yuri Ushakov: the same surname, and the same initial when a first name is given.
        var said = NameFolding.Fold(f.Speaker).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var name = NameFolding.Fold(person.Name).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (said.Length == 0 || name.Length == 0 || said[^1] != name[^1]) return false;
        return said.Length == 1 || said[0][0] == name[0][0];
    }

    /// <summary>Builds claim views, reading each source or article once.</summary>
    public sealed class ViewCache(RegistryStore store)
    {
        private readonly Dictionary<string, (SourceView View, string? Text)> _sources = new(StringComparer.Ordinal);

        /// <param name="since">The start of the standing period the claim supports (for its description), when known.</param>
        public ClaimView Of(Claim c, EdtfDate? since = null)
        {
            var (source, text) = SourceOf(c.SourceId);
            var evidence = c.Evidence.Select(e => new EvidenceView(e.Start, e.End, text is not null && e.FitsIn(text.Length) ? e.Quote(text) : null)).ToList();
            return new ClaimView(c.Id, c.Type, c.Fact, c.Modality, c.Review, source, evidence, c.Note, c.Corrects, c.RecordedAt, c.RecordedBy,
                ClaimDescription.Describe(c.Fact, store.Catalog, since, c.Modality));
        }

        public ConflictView Of(StandingConflict c) => new(c.Date, c.Reason, Of(c.Kept), Of(c.Contradicted));

        public ClaimView Of(Claim c) => Of(c, null);

        private (SourceView, string?) SourceOf(string id)
        {
            if (_sources.TryGetValue(id, out var cached)) return cached;
            (SourceView, string?) result;
            if (store.Catalog.FindSource(id) is { } s)
                result = (new SourceView(s.Id, s.Kind, s.Title, s.Date, s.Publisher, s.Url), null);
            else if (store.FindArticle(id) is { } a)
                result = (new SourceView(a.Id, SourceKind.Article, a.Title ?? a.Id, a.Published is { } p ? EdtfDate.Of(p) : null, a.Outlet, a.Url), a.Text);
            else
                result = (new SourceView(id, SourceKind.Reference, id, null, null, null), null);
            _sources[id] = result;
            return result;
        }
    }
}
