using Plenary.Core.Claims;
using Plenary.Core.Ids;
using Plenary.Core.Standings;
using Plenary.Core.Time;

namespace Plenary.Store.Queries;

// The answers the registry gives, in the JSON shapes of the CLI's --format json and of the HTTP API (snake_case, DomainJson).

/// <summary>Where a claim comes from, as a reader sees it: a reference source, or the article it was read from.</summary>
public sealed record SourceView(string Id, SourceKind Kind, string Title, EdtfDate? Date, string? Publisher, string? Url);

public sealed record EvidenceView(int Start, int End, string? Text);

/// <summary>
/// A claim with its source and quoted evidence: the typed fact (written as claims.md's object), and <see cref="Says"/>,
/// the fact in words (<see cref="Core.Claims.ClaimDescription"/>, the one description the CLI, the web and the API show).
/// </summary>
public sealed record ClaimView(
    string Id,
    ClaimType Type,
    ClaimFact Fact,
    Modality Modality,
    ReviewState Review,
    SourceView Source,
    IReadOnlyList<EvidenceView> Evidence,
    string? Note,
    string? Corrects,
    DateTimeOffset RecordedAt,
    string RecordedBy,
    string Says);

public sealed record ConflictView(EdtfDate Date, string Reason, ClaimView Kept, ClaimView Contradicted);

public sealed record StatusReport(
    StateId State,
    OrgId Org,
    DateOnly On,
    DateTimeOffset? KnownAt,
    Standing Standing,
    EdtfDate? Since,
    bool SinceAsserted,
    bool Certain,
    bool DeJureMember,
    bool Participating,
    IReadOnlyList<ClaimView> Claims,
    IReadOnlyList<ConflictView> Conflicts,
    StandingBasis Basis);

/// <summary>One part of a period with one standing; <see cref="Whole"/>: it held the whole period (else part of it).</summary>
public sealed record PartView(Standing Standing, EdtfDate From, EdtfDate? Until, bool Whole, bool SinceAsserted, IReadOnlyList<ClaimView> Claims, StandingBasis Basis);

/// <summary>A state's standing during a year or a month (<see cref="RegistryQueries.StatusDuring"/>).</summary>
public sealed record StatusDuringReport(StateId State, OrgId Org, EdtfDate During, DateTimeOffset? KnownAt, IReadOnlyList<PartView> Parts, IReadOnlyList<ConflictView> Conflicts);

public sealed record MemberRow(StateId State, string Name, Standing Standing, EdtfDate? Since, bool Certain);

/// <summary>
/// Who belongs on a day. <see cref="Complete"/>: the organization's member list is complete that day (its coverage), so a
/// state not listed is not a member; otherwise a state not listed may be one the registry has no data about.
/// <see cref="Ended"/>: the organization had ended by then (dissolved or superseded by <see cref="Successors"/>).
/// </summary>
public sealed record MembersReport(OrgId Org, string Name, DateOnly On, DateTimeOffset? KnownAt, IReadOnlyList<MemberRow> Members, IReadOnlyList<MemberRow> Others,
    bool Complete, EdtfDate? Ended, IReadOnlyList<OrgId> Successors);

/// <summary>A state's membership during part (or, <see cref="Whole"/>, all) of a period.</summary>
public sealed record MemberPart(StateId State, string Name, Standing Standing, EdtfDate From, EdtfDate? Until, bool Whole);

/// <summary>The de jure members during a year or a month (<see cref="RegistryQueries.MembersDuring"/>).</summary>
public sealed record MembersDuringReport(OrgId Org, string Name, EdtfDate During, DateTimeOffset? KnownAt, IReadOnlyList<MemberPart> Members);

/// <summary>A state's standing in one organization during part (or, <see cref="Whole"/>, all) of a period.</summary>
public sealed record StandingPart(OrgId Org, string Name, Standing Standing, EdtfDate From, EdtfDate? Until, bool Whole);

/// <summary>A state's standings during a year or a month, in every organization some claim relates it to (<see cref="RegistryQueries.StandingsDuring"/>).</summary>
public sealed record StandingsDuringReport(StateId State, EdtfDate During, DateTimeOffset? KnownAt, IReadOnlyList<StandingPart> Standings);

public sealed record PeriodView(Standing Standing, EdtfDate From, EdtfDate? Until, bool SinceAsserted, IReadOnlyList<ClaimView> Claims, StandingBasis Basis);

public sealed record TimelineReport(StateId State, OrgId Org, DateTimeOffset? KnownAt, IReadOnlyList<PeriodView> Periods, IReadOnlyList<ConflictView> Conflicts);

public sealed record MeetingView(
    string Id,
    OrgId Org,
    EdtfDate? Date,
    EdtfDate? EndDate,
    string? Place,
    StateId? Country,
    IReadOnlyList<BodyId> Bodies,
    MeetingStatus Status,
    IReadOnlyDictionary<StateId, AttendanceKind> Attendance,
    IReadOnlyList<ClaimView> Claims);

public sealed record AttendanceReport(OrgId Org, DateOnly? From, DateOnly? To, DateTimeOffset? KnownAt, IReadOnlyList<MeetingView> Meetings);

public sealed record ChairView(OrgId Org, BodyId? Body, StateId State, string? Person, EdtfDate? From, EdtfDate? Until, ChairScope Scope, ClaimView Claim);
