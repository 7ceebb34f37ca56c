using Plenary.Core.Claims;

namespace Plenary.Exchange.Cow;

/// <summary>
/// COW IGO v3's membership codes and how they map to Plenary's <see cref="Standing"/>. A cell is one byte:
/// the codes 0, 1, 2, 3 and -9 are observations; <see cref="NoCell"/> is a cell the source leaves structurally blank
/// (the IGO-year file's empty cell, "state not in the system"; the state-year file's -1, "IGO not in existence").
/// </summary>
public static class CowCode
{
    public const sbyte None = 0, Full = 1, Associate = 2, Observer = 3, Missing = -9;
    /// <summary>Not an observation: an empty IGO-year cell or a -1 state-year cell.</summary>
    public const sbyte NoCell = sbyte.MinValue;

    public static bool IsObservation(sbyte code) => code is None or Full or Associate or Observer or Missing;

    /// <summary>Parses a cell's text; false for anything that is not an exact code (leading zeros, spaces, decimals).</summary>
    public static bool TryParse(string text, out sbyte code)
    {
        code = text switch
        {
            "0" => None, "1" => Full, "2" => Associate, "3" => Observer, "-9" => Missing,
            _ => NoCell,
        };
        return code != NoCell;
    }

    public static Standing ToStanding(sbyte code) => code switch
    {
        None => Standing.NotMember,
        Full => Standing.Member,
        Associate => Standing.Associate,
        Observer => Standing.Observer,
        Missing => Standing.Unknown,
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "not a COW membership code"),
    };

    /// <summary>
    /// The COW code of a standing. A frozen, suspended or leaving member is still a member in law, so COW's code is 1;
    /// the long layout's <c>standing</c> column says which. A partner, an applicant or an invitee is not a member (0).
    /// </summary>
    public static sbyte FromStanding(Standing s) => s switch
    {
        Standing.Member or Standing.ParticipationFrozen or Standing.Suspended or Standing.WithdrawalAnnounced => Full,
        Standing.Associate => Associate,
        Standing.Observer => Observer,
        Standing.Unknown => Missing,
        _ => None,
    };

    public static string Text(sbyte code) => code switch
    {
        None => "0", Full => "1", Associate => "2", Observer => "3", Missing => "-9",
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "not a COW membership code"),
    };
}
