namespace Plenary.Core.Claims;

/// <summary>The five kinds of fact an article can state (spec/claims.md).</summary>
public enum ClaimType { Membership, Meeting, Attendance, Chair, Statement }

/// <summary>
/// A state's standing in an organization. The first twelve are claims.md's statuses; <see cref="NotMember"/> is the
/// absence of any relation (COW's code 0) and <see cref="Unknown"/> is a source that says it does not know (COW's -9).
/// </summary>
public enum Standing
{
    Applied, Invited, InvitationDeclined, Member, Associate, Observer, Partner,
    Suspended, ParticipationFrozen, WithdrawalAnnounced, Withdrawn, Expelled,
    NotMember, Unknown,
}

public enum MeetingStatus { Scheduled, Held, Cancelled, Postponed }

public enum AttendanceKind { Present, Absent, LowerLevel, Remote }

public enum ChairScope { Session, Term }

/// <summary><c>reported</c>: the text states it as fact; <c>planned</c>: it speaks of the future.</summary>
public enum Modality { Reported, Planned }

/// <summary>Where a claim is in review: proposed by the reader, or decided by a person.</summary>
public enum ReviewState { Proposed, Accepted, Rejected }

public static class StandingRules
{
    /// <summary>True while the state is, in law, a member (full or associate): frozen, suspended and leaving members still are.</summary>
    public static bool IsDeJureMember(this Standing s) => s is Standing.Member or Standing.Associate
        or Standing.ParticipationFrozen or Standing.Suspended or Standing.WithdrawalAnnounced;

    /// <summary>True while the state takes part in the organization's work (members, observers and partners who have not stepped back).</summary>
    public static bool IsParticipating(this Standing s) => s is Standing.Member or Standing.Associate
        or Standing.WithdrawalAnnounced or Standing.Observer or Standing.Partner;

    /// <summary>
    /// True when a claim that a state stands at <paramref name="asserted"/> is already true of <paramref name="current"/>:
    /// "Yerevan remains a full member" confirms a frozen membership, it does not end the freeze.
    /// </summary>
    public static bool IsConfirmedBy(this Standing current, Standing asserted) =>
        current == asserted || (asserted == Standing.Member && current.IsDeJureMember() && current != Standing.Associate);
}

/// <summary>The kebab-case names the wire formats use (claims.md): <c>participation-frozen</c>, <c>lower-level</c>.</summary>
public static class WireName
{
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum => Cache<TEnum>.ToWire[value];

    public static bool TryParse<TEnum>(string? text, out TEnum value) where TEnum : struct, Enum =>
        Cache<TEnum>.FromWire.TryGetValue(text ?? "", out value);

    public static TEnum Parse<TEnum>(string text, string what) where TEnum : struct, Enum =>
        TryParse<TEnum>(text, out var v) ? v
            : throw new FormatException($"'{text}' is not a {what}: expected one of {string.Join(", ", Names<TEnum>())}");

    public static IEnumerable<string> Names<TEnum>() where TEnum : struct, Enum => Cache<TEnum>.ToWire.Values;

    private static class Cache<TEnum> where TEnum : struct, Enum
    {
        // System.Text.Json's kebab-case policy names them; reading stays ordinal (JsonStringEnumConverter would take
        // "ParticipationFrozen" or other spellings too, so data with a typo would pass).
        public static readonly Dictionary<TEnum, string> ToWire = Enum.GetValues<TEnum>().ToDictionary(v => v, v => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(v.ToString()));
        public static readonly Dictionary<string, TEnum> FromWire = ToWire.ToDictionary(kv => kv.Value, kv => kv.Key, StringComparer.Ordinal);
    }
}
