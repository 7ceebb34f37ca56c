using Plenary.Core.Registry;
using Plenary.Core.Time;

namespace Plenary.Core.Claims;

/// <summary>
/// A claim in words, the same in the CLI, the web and the API: the state's and the organization's names (not their ids),
/// and only the dates the claim gives. A standing asserted as of a day says "stated" then; when the registry knows from
/// other claims since when it held, that comes as "since" — never as a start date the source did not give.
/// </summary>
public static class ClaimDescription
{
    /// <param name="since">The start of the standing this claim supports, when the caller knows it from the derived period.</param>
    public static string Describe(ClaimFact fact, Catalog catalog, EdtfDate? since = null, Modality modality = Modality.Reported)
    {
        var planned = modality == Modality.Planned ? " (planned)" : "";
        return fact switch
        {
            MembershipFact m => Membership(m, catalog, since) + planned,
            MeetingFact m => $"{Short(catalog, m.Org)} {Bodies(catalog, m.Org, m.Bodies, "meeting")}{(m.Place is { } pl ? $" in {pl}" : "")}, "
                + $"{m.Date?.ToString() ?? "date unknown"}{(m.EndDate is { } e ? $" to {e}" : "")}: {WireName.Of(m.Status)}{planned}",
            AttendanceFact a => $"{catalog.StateName(a.State)}{(a.Person is { } p ? $" ({p})" : "")} {AttendanceWords(a.Attendance)} the {Short(catalog, a.Org)} "
                + $"{Bodies(catalog, a.Org, a.Bodies, "meeting")}{(a.Place is { } pl ? $" in {pl}" : "")} of {a.MeetingDate?.ToString() ?? "an unknown date"}{planned}",
            ChairFact c => $"{catalog.StateName(c.State)}{(c.Person is { } p ? $" ({p})" : "")} chairs the "
                + $"{(c.Body is { } b ? catalog.FindOrganization(c.Org)?.FindBody(b)?.Name ?? b.ToString() : Short(catalog, c.Org))}"
                + $"{(c.Body is not null ? $" of the {Short(catalog, c.Org)}" : "")}{(c.Scope == ChairScope.Session ? " (one session)" : "")}"
                + $"{(c.Date is { } d ? (c.Until is { } u && u != d ? $", {d} to {u}" : $", {d}") : "")}{planned}",
            StatementFact s => $"{s.Speaker}{(s.SpeakerRole is { } r ? $" ({r})" : "")}, {s.Date?.ToString() ?? "date unknown"}: “{s.Quote.Replace('\n', ' ').Replace("\r", "")}”",
            _ => WireName.Of(fact.Type),
        };
    }

    /// <summary>"Armenia: participation frozen in the CSTO (stated 2024-11-26; since 2024-02)".</summary>
    private static string Membership(MembershipFact m, Catalog catalog, EdtfDate? since)
    {
        var org = Short(catalog, m.Org);
        var what = m.Status switch
        {
            Standing.Applied => $"applied to join the {org}",
            Standing.Invited => $"invited to join the {org}",
            Standing.InvitationDeclined => $"declined the invitation to join the {org}",
            Standing.Member => $"member of the {org}",
            Standing.Associate => $"associate member of the {org}",
            Standing.Observer => $"observer in the {org}",
            Standing.Partner => $"partner of the {org}",
            Standing.Suspended => $"membership of the {org} suspended",
            Standing.ParticipationFrozen => $"participation frozen in the {org}",
            Standing.WithdrawalAnnounced => $"announced its withdrawal from the {org}",
            Standing.Withdrawn => $"withdrew from the {org}",
            Standing.Expelled => $"expelled from the {org}",
            Standing.NotMember => $"not a member of the {org}",
            _ => $"standing in the {org} unknown",
        };
        // A date equal to the day the text asserts the standing is that day, not the day the standing began.
        var began = m.Date is { } d0 && d0 != m.AsOf ? d0 : (EdtfDate?)null;
        var dates = new List<string>();
        if (m.AsOf is { } asOf) dates.Add($"stated {asOf}");
        if ((began ?? since) is { } d && d != m.AsOf)
            dates.Add(m.Status is Standing.Withdrawn or Standing.Expelled or Standing.WithdrawalAnnounced ? $"on {d}" : $"since {d}");
        if (m.Effective is { } e) dates.Add($"effective {e}");
        return $"{catalog.StateName(m.State)}: {what}{(dates.Count > 0 ? $" ({string.Join("; ", dates)})" : "")}";
    }

    /// <summary>The organization as news says it: its first acronym, else its name.</summary>
    public static string Short(Catalog catalog, Ids.OrgId org) =>
        catalog.FindOrganization(org) is { } o ? (o.Acronyms.Count > 0 ? o.Acronyms[0] : o.Name) : org.Value;

    private static string Bodies(Catalog catalog, Ids.OrgId org, IReadOnlyList<Ids.BodyId> bodies, string fallback)
    {
        if (bodies.Count == 0) return fallback;
        var o = catalog.FindOrganization(org);
        var names = bodies.Select(b => o?.FindBody(b)?.Name ?? b.ToString()).ToList();
        return names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1];
    }

    private static string AttendanceWords(AttendanceKind a) => a switch
    {
        AttendanceKind.Present => "attended",
        AttendanceKind.Absent => "stayed away from",
        AttendanceKind.LowerLevel => "was represented at a lower level at",
        _ => "took part remotely in",
    };
}
