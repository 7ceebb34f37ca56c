using Plenary.Core.Articles;
using Plenary.Core.Claims;
using Plenary.Reader.Tests.Support;

namespace Plenary.Reader.Tests.Stages;

/// <summary>The date of an article that carries none, estimated from its own words, and the dates that default to the reported day.</summary>
public sealed class DocumentDateTests
{
    private static Document Undated(string text, string? url = null) => TestReader.Reader.Read(new Article("t", text, null, url)).Document;

    private static string? ValueOf(Document doc, string expression) =>
        doc.Times.Single(x => doc.Text[x.Start..x.EndChar] == expression).Value?.ToString();

    [Fact]
    public void A_dateline_with_a_bare_month_abbreviation_takes_the_year_in_which_the_leads_weekday_falls_on_it()
    {
        // 1 January is a Sunday in 2023 (the latest year named) and a Monday in 2024: "took effect on Monday" picks 2024
        var doc = Undated("ASTANA, Jan 1 (Wire): Kazakhstan's new customs code took effect on Monday.\nThe parliament passed it in May 2023 after a long debate.");
        Assert.Equal(new DateOnly(2024, 1, 1), doc.Published);
        Assert.Equal("dateline", doc.DateEstimate!.Rule);
        Assert.Equal("2024-01-01", ValueOf(doc, "Monday"));
    }

    [Fact]
    public void A_dateline_takes_the_latest_year_named_unless_a_later_past_date_rules_it_out()
    {
        var doc = Undated("MINSK, 3 March – Belarus will host the next round of talks.\nThe plan was adopted in January 2025 by the cabinet.");
        Assert.Equal(new DateOnly(2025, 3, 3), doc.Published);
        // 3 March 2024 comes before the October 2024 it reports as past, and nothing says which later year: no day is invented
        Assert.Null(Undated("MINSK, March 3. /Wire/. Belarus will host the next round of talks.\nThe plan was adopted in October 2024 by the cabinet.").Published);
    }

    [Fact]
    public void The_leads_dated_reporting_event_dates_the_article_and_relative_months_follow_it()
    {
        var doc = Undated("YEREVAN -- Armenia said on June 12 that it had stopped paying its share of the 2025 budget.\nThe foreign minister complained in March that nothing had changed.");
        Assert.Equal(new DateOnly(2025, 6, 12), doc.Published);
        Assert.Equal("the lead's dated event", doc.DateEstimate!.Rule);
        Assert.Equal("2025-03", ValueOf(doc, "March"));
    }

    [Fact]
    public void A_day_dated_without_a_year_and_a_weekday_that_falls_on_it_anchor_the_leads_weekday()
    {
        // 14 March is a Friday only in 2025 of the years 2024-2025; the lead's Sunday is the one after it
        var doc = Undated("Kyrgyzstan announced on Sunday it had left the talks.\nThe round held in Minsk on Friday ended without agreement.\nOn Mar. 14, the delegations met in Minsk for the last time.\nThe talks began after a ceasefire of Oct. 2, 2024.");
        Assert.Equal(new DateOnly(2025, 3, 16), doc.Published);
        Assert.Equal("2025-03-14", ValueOf(doc, "Friday"));
    }

    [Fact]
    public void A_date_in_the_url_dates_the_article()
    {
        var doc = Undated("Armenia said on Monday that it would stay away from the CSTO summit.", "https://news.example/world/2021/06/30/armenia-csto");
        Assert.Equal(new DateOnly(2021, 6, 30), doc.Published);
        Assert.Equal("url", doc.DateEstimate!.Rule);
        Assert.Equal("2021-06-28", ValueOf(doc, "Monday"));
    }

    [Fact]
    public void Without_a_year_or_a_day_in_the_text_there_is_no_estimate()
    {
        Assert.Null(Undated("Armenia said on Monday it would leave the CSTO.").Published);
        Assert.Null(Undated("Armenia said on June 12 that it would leave the CSTO.").Published);
    }

    [Fact]
    public void A_deadline_year_is_not_the_year_of_the_report()
    {
        var doc = Undated("ASTANA, May 5 (Wire): Kazakhstan plans to double its trade with the bloc by 2030.\nIts trade grew in 2024 by a tenth.");
        Assert.Equal(new DateOnly(2024, 5, 5), doc.Published);
    }

    [Fact]
    public void A_given_publication_date_is_never_replaced_by_an_estimate()
    {
        var doc = TestReader.Doc("ASTANA, Jan 1 (Wire): Kazakhstan's new customs code took effect on Monday.\nIt was passed in May 2023.", "2024-01-03");
        Assert.Null(doc.DateEstimate);
        Assert.Equal(new DateOnly(2024, 1, 3), doc.Published);
    }

    [Fact]
    public void Undated_quotations_take_the_day_of_the_event_the_lead_reports()
    {
        // published on a Wednesday; the lead reports Sunday's step
        var r = TestReader.Read("Armenia on Sunday froze its participation in the CSTO.\n“We will not pay for the bloc any longer,” Prime Minister Nikol Pashinyan said.", "2024-11-27");
        Assert.Equal(new DateOnly(2024, 11, 24), r.Document.ReportDay);
        Assert.Equal("2024-11-24", Assert.Single(r.Claims.Select(c => c.Fact).OfType<StatementFact>()).Date?.ToString());
    }

    [Fact]
    public void An_undated_quotation_takes_the_day_of_an_earlier_sentence_naming_its_speaker()
    {
        var r = TestReader.Read("The CSTO council met in Minsk on Wednesday.\nEarlier on Monday, Nikol Pashinyan wrote to the secretariat of the bloc.\n“There is nothing more to discuss with the bloc,” Pashinyan said.", "2024-11-27");
        Assert.Equal("2024-11-25", Assert.Single(r.Claims.Select(c => c.Fact).OfType<StatementFact>()).Date?.ToString());
    }

    [Fact]
    public void A_time_in_a_since_clause_does_not_date_a_quotation()
    {
        var r = TestReader.Read("Marking forty years since its founding in 1984, Pashinyan said: “The bloc must change its ways now or lose us.”", "2024-11-27");
        Assert.Equal("2024-11-27", Assert.Single(r.Claims.Select(c => c.Fact).OfType<StatementFact>()).Date?.ToString());
    }

    [Fact]
    public void A_participle_of_speech_before_its_time_dates_the_assertion()
    {
        var r = TestReader.Read("Speaking late Tuesday, the Armenian foreign minister said Armenia had frozen its participation in the CSTO.", "2024-11-27");
        var m = Assert.Single(r.Claims.Select(c => c.Fact).OfType<MembershipFact>());
        Assert.Equal("2024-11-26", m.AsOf?.ToString());
    }

    [Fact]
    public void A_month_without_a_year_in_a_past_narrative_follows_the_month_dated_just_before()
    {
        var doc = TestReader.Doc("The treaty was signed in May 2023 in Minsk. The parliament of Kazakhstan ratified it in June.", "2025-11-20");
        Assert.Equal("2023-06", ValueOf(doc, "June"));
        // a month named further away, or before the dated one, is resolved against publication as before
        Assert.Equal("2025-03", ValueOf(TestReader.Doc("The treaty was signed in May 2023 in Minsk. It was ratified in March.", "2025-11-20"), "March"));
    }

    [Fact]
    public void A_past_report_without_a_time_goes_on_in_the_time_the_sentence_before_opened_with()
    {
        var r = TestReader.Read("In April 2023, Armenia stopped paying for the bloc. The secretariat said it regretted the step but insisted that Armenia remains a CSTO member.", "2025-11-20");
        var m = Assert.Single(r.Claims.Select(c => c.Fact).OfType<MembershipFact>(), f => f.Status == Standing.Member);
        Assert.Equal("2023-04", m.AsOf?.ToString());
    }

    [Fact]
    public void A_standing_stated_in_the_past_holds_at_the_latest_time_of_its_sentence()
    {
        var r = TestReader.Read("Nicaragua was kept out of all OAS meetings from 1980 to 1994, but remained a member of the OAS.", "2025-11-20");
        var m = Assert.Single(r.Claims.Select(c => c.Fact).OfType<MembershipFact>(), f => f.Status == Standing.Member);
        Assert.Equal("1994", m.AsOf?.ToString());
        var now = TestReader.Read("Nicaragua remains a member of the OAS, the ministry said in 1994.", "2025-11-20");
        Assert.NotEqual("1994", Assert.Single(now.Claims.Select(c => c.Fact).OfType<MembershipFact>()).AsOf?.ToString());
    }

    [Fact]
    public void A_day_the_text_speaks_of_as_future_bounds_the_year_and_a_since_year_does_not_set_it()
    {
        // the latest year named is 2026, but the report comes before "will join on 1 March 2026": 10 November 2025
        var doc = Undated("Georgia said on November 10 that it will join the agreement on 1 March 2026.\nThe talks on its 2026 budget opened in August 2025 in Tbilisi.");
        Assert.Equal(new DateOnly(2025, 11, 10), doc.Published);
        // "a member since 2007" says nothing of the report's year: with no other year, no estimate
        Assert.Null(Undated("Angola said on December 4 that it would leave OPEC, a member since 2007.").Published);
    }

    [Fact]
    public void The_leads_own_weekday_does_not_fix_the_year_of_another_day()
    {
        // 4 December is a Thursday in 2025, the weekday of the lead, but no other weekday of the text falls on it
        Assert.Null(Undated("Angola will leave OPEC, the agency reported on Thursday.\nThe group's meeting on Dec. 4 was postponed.\nIts quotas were cut in 2025.").Published);
    }

    [Fact]
    public void A_time_ending_the_opening_phrase_dates_the_event_of_the_subject_after_it()
    {
        var r = TestReader.Read("At the bloc's meeting in Brasilia in March 2022, Argentina, like two other neighbours, was invited to join the BRICS.", "2025-01-20");
        var m = Assert.Single(r.Claims.Select(c => c.Fact).OfType<MembershipFact>());
        Assert.Equal("2022-03", m.Date?.ToString());
    }
}
