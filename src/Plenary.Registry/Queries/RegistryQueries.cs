using System.Text.Json;
using Plenary.Core.Claims;
using Plenary.Core.Ids;
using Plenary.Core.Meetings;
using Plenary.Core.Registry;
using Plenary.Core.Standings;
using Plenary.Core.Time;

namespace Plenary.Store.Queries;

/// <summary>The registry's questions — standing on a day, members, timelines, meetings and attendance — answered from the store.</summary>
public sealed class RegistryQueries(RegistryStore store)
{
    private Catalog Catalog => store.Catalog;

    public StandingHistory History(StateId state, OrgId org, DateTimeOffset? knownAt) =>
        StandingDerivation.Derive(store.Claims(new ClaimFilter { Type = ClaimType.Membership, Org = org, State = state, KnownAt = knownAt }));

    public StatusReport Status(StateId state, OrgId org, DateOnly on, DateTimeOffset? knownAt = null)
    {
        var day = History(state, org, knownAt).On(on);
        var views = new ViewCache(store);
        return new StatusReport(state, org, on, knownAt, day.Standing, day.Since, day.SinceAsserted, day.Certain, day.DeJureMember, day.Participating,
            day.Claims.Select(views.Of).ToList(), day.Conflicts.Select(views.Of).ToList());
    }

    public MembersReport Members(OrgId org, DateOnly on, DateTimeOffset? knownAt = null)
    {
        var members = new List<MemberRow>();
        var others = new List<MemberRow>();
        foreach (var (state, history) in Histories(org, knownAt))
        {
            var day = history.On(on);
            var row = new MemberRow(state, Catalog.StateName(state), day.Standing, day.Since, day.Certain);
            if (day.DeJureMember) members.Add(row);
            else if (day.Standing is Standing.Observer or Standing.Partner or Standing.Applied or Standing.Invited or Standing.WithdrawalAnnounced) others.Add(row);
        }
        return new MembersReport(org, Catalog.OrganizationName(org), on, knownAt, members, others);
    }

    public TimelineReport Timeline(StateId state, OrgId org, DateTimeOffset? knownAt = null)
    {
        var history = History(state, org, knownAt);
        var views = new ViewCache(store);
        return new TimelineReport(state, org, knownAt,
            history.Periods.Select(p => new PeriodView(p.Standing, p.From, p.Until, p.SinceAsserted, p.Claims.Select(views.Of).ToList())).ToList(),
            history.Conflicts.Select(views.Of).ToList());
    }

    /// <summary>Every organization's standing history for one state (the state page).</summary>
    public IReadOnlyList<(OrgId Org, StandingHistory History)> Memberships(StateId state, DateTimeOffset? knownAt = null) =>
        store.Claims(new ClaimFilter { Type = ClaimType.Membership, State = state, KnownAt = knownAt })
            .GroupBy(c => ((MembershipFact)c.Fact).Org)
            .OrderBy(g => g.Key)
            .Select(g => (g.Key, StandingDerivation.Derive(g)))
            .ToList();

    /// <summary>Each state's standing history in one organization (the organization page's timeline chart).</summary>
    public IReadOnlyList<(StateId State, StandingHistory History)> Histories(OrgId org, DateTimeOffset? knownAt = null) =>
        store.Claims(new ClaimFilter { Type = ClaimType.Membership, Org = org, KnownAt = knownAt })
            .GroupBy(c => ((MembershipFact)c.Fact).State)
            .OrderBy(g => g.Key)
            .Select(g => (g.Key, StandingDerivation.Derive(g)))
            .ToList();

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

    /// <summary>Builds claim views, reading each source or article once.</summary>
    public sealed class ViewCache(RegistryStore store)
    {
        private readonly Dictionary<string, (SourceView View, string? Text)> _sources = new(StringComparer.Ordinal);

        public ClaimView Of(Claim c)
        {
            var (source, text) = SourceOf(c.SourceId);
            using var doc = JsonDocument.Parse(Core.Claims.ClaimJson.FactToJson(c.Fact));
            var evidence = c.Evidence.Select(e => new EvidenceView(e.Start, e.End, text is not null && e.FitsIn(text.Length) ? e.Quote(text) : null)).ToList();
            return new ClaimView(c.Id, c.Type, doc.RootElement.Clone(), c.Modality, c.Review, source, evidence, c.Note, c.Corrects, c.RecordedAt, c.RecordedBy);
        }

        public ConflictView Of(StandingConflict c) => new(c.Date, c.Reason, Of(c.Kept), Of(c.Contradicted));

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
