using Plenary.Core.Claims;
using Plenary.Core.Ids;
using Plenary.Core.Standings;
using Plenary.Core.Time;

namespace Plenary.Core.Tests;

public class StandingDerivationTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private int _seq;

    private Claim C(Standing s, string? date, string? asOf = null, string source = "src", string? effective = null, DateTimeOffset? recorded = null)
    {
        var fact = new MembershipFact(StateId.Parse("ARM"), OrgId.Parse("csto"), s, EdtfDate.ParseOptional(date), EdtfDate.ParseOptional(asOf), EdtfDate.ParseOptional(effective));
        return new Claim
        {
            Id = $"c{_seq}", Fact = fact, SourceId = source, RecordedAt = recorded ?? T0, RecordedBy = "test", Review = ReviewState.Accepted, Sequence = _seq++,
        };
    }

    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void No_claims_means_unknown_not_a_confident_no()
    {
        var on = StandingDerivation.Derive([]).On(D("2024-11-28"));
        Assert.Equal(Standing.Unknown, on.Standing);
        Assert.False(on.Certain);
        Assert.False(on.DeJureMember);
        Assert.Null(on.Since);
    }

    [Fact]
    public void Participation_frozen_keeps_de_jure_membership()
    {
        var h = StandingDerivation.Derive([C(Standing.Member, "2002-10-07"), C(Standing.ParticipationFrozen, "2024-02")]);
        var on = h.On(D("2024-11-28"));
        Assert.Equal(Standing.ParticipationFrozen, on.Standing);
        Assert.True(on.DeJureMember);
        Assert.False(on.Participating);
        Assert.Equal("2024-02", on.Since.ToString());
        var before = h.On(D("2023-06-01"));
        Assert.Equal(Standing.Member, before.Standing);
        Assert.True(before.Participating);
    }

    [Fact]
    public void Remains_a_member_confirms_a_freeze_rather_than_ending_it()
    {
        // The seed article: "De jure, Yerevan remains a full member" (as of 2024-11-26) while participation is frozen.
        var h = StandingDerivation.Derive([
            C(Standing.Member, "2002-10-07"),
            C(Standing.ParticipationFrozen, "2024-02", source: "asbarez"),
            C(Standing.Member, null, asOf: "2024-11-26", source: "seed"),
            C(Standing.ParticipationFrozen, null, asOf: "2024-11-26", source: "seed"),
        ]);
        var on = h.On(D("2024-11-28"));
        Assert.Equal(Standing.ParticipationFrozen, on.Standing);
        Assert.Equal("2024-02", on.Since.ToString());
        Assert.Equal(3, on.Claims.Count);
        Assert.Empty(h.Conflicts);
    }

    [Fact]
    public void Assertions_alone_start_a_standing_at_the_latest_on_their_date()
    {
        var h = StandingDerivation.Derive([C(Standing.Member, null, asOf: "2024-11-26"), C(Standing.ParticipationFrozen, null, asOf: "2024-11-26")]);
        var on = h.On(D("2024-11-28"));
        Assert.Equal(Standing.ParticipationFrozen, on.Standing);
        Assert.True(on.SinceAsserted);
        Assert.Equal(Standing.Unknown, h.On(D("2024-11-25")).Standing);
    }

    [Fact]
    public void Withdrawal_announced_becomes_withdrawn_at_its_effective_date()
    {
        var h = StandingDerivation.Derive([C(Standing.Member, "1975-05-28"), C(Standing.WithdrawalAnnounced, "2024-01-28", effective: "2025-01-29")]);
        var during = h.On(D("2024-06-01"));
        Assert.Equal(Standing.WithdrawalAnnounced, during.Standing);
        Assert.True(during.DeJureMember);
        var after = h.On(D("2025-01-29"));
        Assert.Equal(Standing.Withdrawn, after.Standing);
        Assert.False(after.DeJureMember);
        Assert.Equal("2025-01-29", after.Since.ToString());
    }

    [Fact]
    public void Suspension_by_the_organization_keeps_membership_and_lifting_it_restores()
    {
        var h = StandingDerivation.Derive([C(Standing.Member, "2006-08-16"), C(Standing.Suspended, "2012-12-19"), C(Standing.Withdrawn, "2012-12-20")]);
        var s = h.On(D("2012-12-19"));
        Assert.Equal(Standing.Suspended, s.Standing);
        Assert.True(s.DeJureMember);
        Assert.False(s.Participating);
        Assert.Equal(Standing.Withdrawn, h.On(D("2013-01-01")).Standing);
    }

    [Fact]
    public void A_later_fact_supersedes_an_earlier_one_from_its_date_on()
    {
        var h = StandingDerivation.Derive([C(Standing.Member, "1992-05-15"), C(Standing.Withdrawn, "1999-04-02"), C(Standing.Member, "2006-06-23")]);
        Assert.Equal(Standing.Member, h.On(D("1999-04-01")).Standing);
        Assert.Equal(Standing.Withdrawn, h.On(D("1999-04-02")).Standing);
        Assert.Equal(Standing.Withdrawn, h.On(D("2006-06-22")).Standing);
        Assert.Equal(Standing.Member, h.On(D("2006-06-23")).Standing);
        Assert.Equal(3, h.Periods.Count);
        Assert.Equal("1999-04-02", h.Periods[0].Until.ToString());
    }

    [Fact]
    public void Same_day_changes_apply_in_recorded_order()
    {
        var h = StandingDerivation.Derive([C(Standing.Member, "2024-03-01"), C(Standing.ParticipationFrozen, "2024-03-01")]);
        Assert.Equal(Standing.ParticipationFrozen, h.On(D("2024-03-01")).Standing);
        Assert.Single(h.Periods);

        // Recorded later wins even when listed first.
        var later = C(Standing.Member, "2024-03-01", recorded: T0.AddDays(1));
        var h2 = StandingDerivation.Derive([later, C(Standing.ParticipationFrozen, "2024-03-01")]);
        Assert.Equal(Standing.Member, h2.On(D("2024-03-05")).Standing);
    }

    [Fact]
    public void Imprecise_dates_are_uncertain_inside_their_span()
    {
        var h = StandingDerivation.Derive([C(Standing.Member, "2002-10-07"), C(Standing.ParticipationFrozen, "2024-02")]);
        var inside = h.On(D("2024-02-10"));
        Assert.Equal(Standing.ParticipationFrozen, inside.Standing);
        Assert.False(inside.Certain);
        Assert.True(h.On(D("2024-03-01")).Certain);
        Assert.Equal(Standing.Member, h.On(D("2024-01-31")).Standing);
    }

    [Fact]
    public void A_precise_date_inside_a_coarse_one_refines_it()
    {
        // COW says "member from 2002" (a year); the charter gives the day: the day is kept, both claims support it.
        var h = StandingDerivation.Derive([C(Standing.Member, "2002", source: "cow"), C(Standing.Member, "2002-10-07", source: "charter")]);
        Assert.Single(h.Periods);
        Assert.Equal("2002-10-07", h.Periods[0].From.ToString());
        Assert.Equal(2, h.Periods[0].Claims.Count);
        Assert.Empty(h.Conflicts);
    }

    [Fact]
    public void Month_against_day_in_the_same_month_from_different_sources_is_a_conflict()
    {
        var h = StandingDerivation.Derive([
            C(Standing.Member, "2002-10-07", source: "charter"),
            C(Standing.ParticipationFrozen, "2024-02", source: "a"),
            C(Standing.Suspended, "2024-02-22", source: "b"),
        ]);
        var conflict = Assert.Single(h.Conflicts);
        Assert.Equal("b", conflict.Kept.SourceId);
        Assert.Equal("a", conflict.Contradicted.SourceId);
        // The more precise claim is kept for the timeline, and the conflict is shown with the standing.
        var on = h.On(D("2024-11-28"));
        Assert.Equal(Standing.Suspended, on.Standing);
        Assert.NotEmpty(on.Conflicts);
    }

    [Fact]
    public void Contradictory_sources_on_the_same_date_are_reported_not_resolved_silently()
    {
        var h = StandingDerivation.Derive([C(Standing.Member, "2012-06-28", source: "tass"), C(Standing.Withdrawn, "2012-06-28", source: "reuters")]);
        var c = Assert.Single(h.Conflicts);
        Assert.Contains("tass", c.Reason);
        Assert.Contains("reuters", c.Reason);
    }

    [Fact]
    public void One_source_correcting_itself_is_no_conflict()
    {
        var h = StandingDerivation.Derive([C(Standing.Member, "2012-06"), C(Standing.Withdrawn, "2012-06-28")]);
        Assert.Empty(h.Conflicts);
    }

    [Fact]
    public void Undated_claims_are_kept_apart()
    {
        var h = StandingDerivation.Derive([C(Standing.Member, null)]);
        Assert.Single(h.Undated);
        Assert.Empty(h.Periods);
    }

    [Fact]
    public void Known_at_is_the_callers_filter_so_the_function_sees_only_what_was_known()
    {
        // The derivation is pure: the store passes the claims recorded by a time; earlier knowledge gives an earlier answer.
        var early = C(Standing.Member, "2002-10-07", recorded: T0);
        var late = C(Standing.ParticipationFrozen, "2024-02", recorded: T0.AddYears(1));
        var all = new[] { early, late };
        var knownThen = all.Where(c => c.RecordedAt <= T0);
        Assert.Equal(Standing.Member, StandingDerivation.Derive(knownThen).On(D("2024-11-28")).Standing);
        Assert.Equal(Standing.ParticipationFrozen, StandingDerivation.Derive(all).On(D("2024-11-28")).Standing);
    }

    [Theory]
    [InlineData(Standing.Member, true, true)]
    [InlineData(Standing.Associate, true, true)]
    [InlineData(Standing.ParticipationFrozen, true, false)]
    [InlineData(Standing.Suspended, true, false)]
    [InlineData(Standing.WithdrawalAnnounced, true, true)]
    [InlineData(Standing.Observer, false, true)]
    [InlineData(Standing.Withdrawn, false, false)]
    [InlineData(Standing.Expelled, false, false)]
    [InlineData(Standing.Applied, false, false)]
    public void Standing_rules(Standing s, bool deJure, bool participating)
    {
        Assert.Equal(deJure, s.IsDeJureMember());
        Assert.Equal(participating, s.IsParticipating());
    }
}
