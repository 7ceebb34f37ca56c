using Plenary.Core.Ids;
using Plenary.Core.Time;

namespace Plenary.Core.Claims;

/// <summary>What a claim says, one record per claim type of spec/claims.md.</summary>
public abstract record ClaimFact
{
    public abstract ClaimType Type { get; }

    /// <summary>The date the fact is about, for ordering and display.</summary>
    public abstract EdtfDate? ValidFrom { get; }
}

/// <summary>A state's standing in an organization; <see cref="Date"/> is when it began, <see cref="AsOf"/> when the text asserts it holds.</summary>
public sealed record MembershipFact(StateId State, OrgId Org, Standing Status, EdtfDate? Date = null, EdtfDate? AsOf = null, EdtfDate? Effective = null) : ClaimFact
{
    public override ClaimType Type => ClaimType.Membership;
    public override EdtfDate? ValidFrom => Date ?? AsOf;
}

/// <summary>A session of an organization or of some of its bodies.</summary>
public sealed record MeetingFact(OrgId Org, IReadOnlyList<BodyId> Bodies, string? Place, StateId? Country, EdtfDate? Date, EdtfDate? EndDate, MeetingStatus Status) : ClaimFact
{
    public override ClaimType Type => ClaimType.Meeting;
    public override EdtfDate? ValidFrom => Date;

    public bool Equals(MeetingFact? other) => other is not null && Org == other.Org && Bodies.SequenceEqual(other.Bodies)
        && Place == other.Place && Country == other.Country && Date == other.Date && EndDate == other.EndDate && Status == other.Status;

    public override int GetHashCode() => HashCode.Combine(Org, Place, Date, Status);
}

/// <summary>
/// Whether a member state took part in a meeting. <see cref="Bodies"/> (optional, not in claims.md's scoring) tells
/// two meetings of one day and city apart: the summit and the ministerial session.
/// </summary>
public sealed record AttendanceFact(StateId State, OrgId Org, EdtfDate? MeetingDate, string? Place, AttendanceKind Attendance, string? Person = null, IReadOnlyList<BodyId>? Bodies = null) : ClaimFact
{
    public override ClaimType Type => ClaimType.Attendance;
    public override EdtfDate? ValidFrom => MeetingDate;
    public IReadOnlyList<BodyId> Bodies { get; init; } = Bodies ?? [];

    public bool Equals(AttendanceFact? other) => other is not null && State == other.State && Org == other.Org && MeetingDate == other.MeetingDate
        && Place == other.Place && Attendance == other.Attendance && Person == other.Person && Bodies.SequenceEqual(other.Bodies);

    public override int GetHashCode() => HashCode.Combine(State, Org, MeetingDate, Place, Attendance, Person);
}

/// <summary>Who chairs an organization, a body or one session; <see cref="Until"/> ends a term when known.</summary>
public sealed record ChairFact(OrgId Org, BodyId? Body, StateId State, string? Person, EdtfDate? Date, ChairScope Scope, EdtfDate? Until = null) : ClaimFact
{
    public override ClaimType Type => ClaimType.Chair;
    public override EdtfDate? ValidFrom => Date;
}

/// <summary>A direct quotation by a named speaker; <see cref="About"/> holds state and organization ids.</summary>
public sealed record StatementFact(string Speaker, StateId? SpeakerState, string? SpeakerRole, EdtfDate? Date, string Quote, IReadOnlyList<string> About) : ClaimFact
{
    public override ClaimType Type => ClaimType.Statement;
    public override EdtfDate? ValidFrom => Date;

    public bool Equals(StatementFact? other) => other is not null && Speaker == other.Speaker && SpeakerState == other.SpeakerState
        && SpeakerRole == other.SpeakerRole && Date == other.Date && Quote == other.Quote && About.SequenceEqual(other.About);

    public override int GetHashCode() => HashCode.Combine(Speaker, Date, Quote);
}
