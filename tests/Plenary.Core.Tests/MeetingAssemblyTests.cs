using Plenary.Core.Claims;
using Plenary.Core.Ids;
using Plenary.Core.Meetings;
using Plenary.Core.Time;

namespace Plenary.Core.Tests;

public class MeetingAssemblyTests
{
    private static readonly OrgId Csto = OrgId.Parse("csto");
    private int _seq;

    private Claim C(ClaimFact f, int day = 0, Modality modality = Modality.Reported) => new()
    {
        Id = $"c{_seq}", Fact = f, SourceId = "s", RecordedAt = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(day),
        RecordedBy = "t", Review = ReviewState.Accepted, Sequence = _seq++, Modality = modality,
    };

    [Fact]
    public void Claims_about_one_meeting_merge_and_attendance_joins_it()
    {
        var meetings = MeetingAssembly.Assemble([
            C(new MeetingFact(Csto, [BodyId.Parse("csto/cfm")], "Astana", StateId.Parse("KAZ"), EdtfDate.Parse("2024-11-28"), null, MeetingStatus.Scheduled)),
            C(new MeetingFact(Csto, [BodyId.Parse("csto/cfm"), BodyId.Parse("csto/cdm")], "Astana", null, EdtfDate.Parse("2024-11"), null, MeetingStatus.Held), day: 1),
            C(new AttendanceFact(StateId.Parse("ARM"), Csto, EdtfDate.Parse("2024-11-28"), "Astana", AttendanceKind.Absent)),
            C(new AttendanceFact(StateId.Parse("BLR"), Csto, EdtfDate.Parse("2024-11-28"), null, AttendanceKind.Present)),
        ]);
        var m = Assert.Single(meetings);
        Assert.Equal("csto-2024-11-28-astana", m.Id);
        Assert.Equal(MeetingStatus.Held, m.Status);
        Assert.Equal(2, m.Bodies.Count);
        Assert.Equal(AttendanceKind.Absent, m.Attendance[StateId.Parse("ARM")].Attendance);
        Assert.Equal(AttendanceKind.Present, m.Attendance[StateId.Parse("BLR")].Attendance);
    }

    [Fact]
    public void Different_places_or_dates_are_different_meetings()
    {
        var meetings = MeetingAssembly.Assemble([
            C(new MeetingFact(Csto, [], "Astana", null, EdtfDate.Parse("2024-11-28"), null, MeetingStatus.Held)),
            C(new MeetingFact(Csto, [], "Minsk", null, EdtfDate.Parse("2024-11-28"), null, MeetingStatus.Held)),
            C(new MeetingFact(Csto, [], "Astana", null, EdtfDate.Parse("2023-11-23"), null, MeetingStatus.Held)),
        ]);
        Assert.Equal(3, meetings.Count);
        Assert.Equal("2023-11-23", meetings[0].Date.ToString());
    }

    [Fact]
    public void Attendance_without_a_known_meeting_makes_one_and_the_latest_record_wins()
    {
        var meetings = MeetingAssembly.Assemble([
            C(new AttendanceFact(StateId.Parse("ARM"), OrgId.Parse("eaeu"), EdtfDate.Parse("2024-12"), "Saint Petersburg", AttendanceKind.Present), modality: Modality.Planned),
            C(new AttendanceFact(StateId.Parse("ARM"), OrgId.Parse("eaeu"), EdtfDate.Parse("2024-12"), "St. Petersburg", AttendanceKind.Remote), day: 2),
        ]);
        var m = Assert.Single(meetings);
        Assert.Equal(MeetingStatus.Scheduled, m.Status);
        Assert.Equal(AttendanceKind.Remote, m.Attendance[StateId.Parse("ARM")].Attendance);
        Assert.Equal(2, m.Attendance[StateId.Parse("ARM")].Claims.Count);
    }

    [Fact]
    public void A_summit_and_a_ministerial_in_one_city_on_one_day_are_two_meetings()
    {
        var meetings = MeetingAssembly.Assemble([
            C(new MeetingFact(Csto, [BodyId.Parse("csto/cfm"), BodyId.Parse("csto/cdm")], "Astana", null, EdtfDate.Parse("2024-11-28"), null, MeetingStatus.Held)),
            C(new MeetingFact(Csto, [BodyId.Parse("csto/csc")], "Astana", null, EdtfDate.Parse("2024-11-28"), null, MeetingStatus.Held)),
            C(new MeetingFact(Csto, [BodyId.Parse("csto/cdm")], "Astana", null, EdtfDate.Parse("2024-11-28"), null, MeetingStatus.Held)),
        ]);
        Assert.Equal(2, meetings.Count);
        Assert.Equal(2, meetings.Single(m => m.Bodies.Contains(BodyId.Parse("csto/cfm"))).Claims.Count);
    }

    [Fact]
    public void Attendance_that_names_its_bodies_joins_that_meeting()
    {
        var csc = BodyId.Parse("csto/csc");
        var meetings = MeetingAssembly.Assemble([
            C(new MeetingFact(Csto, [BodyId.Parse("csto/cfm")], "Astana", null, EdtfDate.Parse("2024-11-28"), null, MeetingStatus.Held)),
            C(new MeetingFact(Csto, [csc], "Astana", null, EdtfDate.Parse("2024-11-28"), null, MeetingStatus.Held)),
            C(new AttendanceFact(StateId.Parse("RUS"), Csto, EdtfDate.Parse("2024-11-28"), "Astana", AttendanceKind.Present, null, [csc])),
            C(new AttendanceFact(StateId.Parse("ARM"), Csto, EdtfDate.Parse("2024-11-28"), "Astana", AttendanceKind.Absent)),
        ]);
        var summit = meetings.Single(m => m.Bodies.Contains(csc));
        Assert.Equal([StateId.Parse("RUS")], summit.Attendance.Keys);
        Assert.Equal([StateId.Parse("ARM")], meetings.Single(m => !m.Bodies.Contains(csc)).Attendance.Keys);
    }

    [Fact]
    public void Meetings_of_different_bodies_on_one_day_and_place_get_distinct_ids()
    {
        var meetings = MeetingAssembly.Assemble([
            C(new MeetingFact(Csto, [BodyId.Parse("csto/cfm"), BodyId.Parse("csto/cdm"), BodyId.Parse("csto/cssc")], "Astana", StateId.Parse("KAZ"), EdtfDate.Parse("2024-11-28"), null, MeetingStatus.Scheduled)),
            C(new MeetingFact(Csto, [BodyId.Parse("csto/csc")], "Astana", StateId.Parse("KAZ"), EdtfDate.Parse("2024-11-28"), null, MeetingStatus.Held)),
            C(new AttendanceFact(StateId.Parse("ARM"), Csto, EdtfDate.Parse("2024-11-28"), "Astana", AttendanceKind.Absent, Bodies: [BodyId.Parse("csto/csc")])),
        ]);
        Assert.Equal(2, meetings.Count);
        Assert.Equal(["csto-2024-11-28-astana-cdm-cfm-cssc", "csto-2024-11-28-astana-csc"], meetings.Select(m => m.Id).Order(StringComparer.Ordinal));
        Assert.Equal(AttendanceKind.Absent, meetings.Single(m => m.Id.EndsWith("-csc", StringComparison.Ordinal)).Attendance[StateId.Parse("ARM")].Attendance);
    }

    [Fact]
    public void A_scheduled_meeting_that_a_later_source_reports_held_is_held_and_an_older_plan_does_not_undo_it()
    {
        var cfm = BodyId.Parse("csto/cfm");
        var meetings = MeetingAssembly.Assemble([
            C(new MeetingFact(Csto, [cfm], "Astana", null, EdtfDate.Parse("2024-11-28"), null, MeetingStatus.Scheduled), day: 0, modality: Modality.Planned),
            C(new MeetingFact(Csto, [cfm], "Astana", null, EdtfDate.Parse("2024-11-28"), null, MeetingStatus.Held), day: 2),
            C(new MeetingFact(Csto, [cfm], "Astana", null, EdtfDate.Parse("2024-11-28"), null, MeetingStatus.Scheduled), day: 3, modality: Modality.Planned),
        ]);
        Assert.Equal(MeetingStatus.Held, Assert.Single(meetings).Status);
    }

    [Fact]
    public void A_postponed_meeting_scheduled_again_is_scheduled()
    {
        var cfm = BodyId.Parse("csto/cfm");
        var meetings = MeetingAssembly.Assemble([
            C(new MeetingFact(Csto, [cfm], "Astana", null, EdtfDate.Parse("2024-11-28"), null, MeetingStatus.Postponed), day: 1),
            C(new MeetingFact(Csto, [cfm], "Astana", null, EdtfDate.Parse("2024-11-28"), null, MeetingStatus.Scheduled), day: 2, modality: Modality.Planned),
        ]);
        Assert.Equal(MeetingStatus.Scheduled, Assert.Single(meetings).Status);
    }
}
