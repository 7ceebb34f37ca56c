using Plenary.Reader.Quotes;
using Plenary.Reader.Tests.Support;

namespace Plenary.Reader.Tests.Stages;

public sealed class QuoteTests
{
    private static List<string> Quotes(string text) => QuoteFinder.Find(text).Select(q => text[q.Start..q.End]).ToList();

    [Fact]
    public void Curly_and_straight_quotes_pair_and_nested_quotes_stay_inside()
    {
        Assert.Equal(["the doors are ‘open’ for it", "we agree"], Quotes("He said “the doors are ‘open’ for it” and \"we agree\" today."));
    }

    [Fact]
    public void A_quotation_reopened_on_each_new_paragraph_is_one()
    {
        var text = "“We have decided.\n\n“The membership will take effect,” he said.";
        Assert.Equal(["We have decided.\n\n“The membership will take effect,"], Quotes(text));
    }

    [Fact]
    public void Mixed_marks_pair_by_position()
    {
        Assert.Equal(["for various reasons.", "We did not refuse"], Quotes("will not participate \"for various reasons.” Then: “We did not refuse” he said."));
    }

    [Fact]
    public void Unbalanced_marks_are_dropped_and_apostrophes_are_not_quotes()
    {
        Assert.Equal(["closed"], Quotes("An “unclosed mark and Armenia’s role, then “closed” here."));
        Assert.Empty(Quotes("The countries' interests and Russia's role."));
    }

    [Fact]
    public void Single_quoted_speech_is_a_quotation()
    {
        Assert.Equal(["If we remained in OPEC, Angola would be forced to cut production,"], Quotes("'If we remained in OPEC, Angola would be forced to cut production,' Azevedo said."));
    }

    [Fact]
    public void Speakers_are_found_after_and_before_the_quotation_and_through_he_and_the_diplomat()
    {
        var text = "Russian presidential adviser Yuri Ushakov spoke.\n“We do not question the right of Armenian partners,” the diplomat said. “De jure, Yerevan remains a full member of the CSTO,” he added.\n"
                 + "Kremlin spokesman Dmitry Peskov told reporters: “We intend to get in touch with our colleagues soon.”";
        var r = TestReader.Read(text);
        var speakers = r.Document.Quotes.Select(q => q.Speaker >= 0 ? r.Document.Entities[q.Speaker].Name : null).ToList();
        Assert.Equal(["Yuri Ushakov", "Yuri Ushakov", "Dmitry Peskov"], speakers);
    }

    [Fact]
    public void Ten_thousand_nested_quotes_take_linear_work()
    {
        var text = string.Concat(Enumerable.Repeat("“‘", 10_000)) + "deep" + string.Concat(Enumerable.Repeat("’”", 10_000));
        var quotes = Quotes(text);
        Assert.True(quotes.Count <= 1);
    }
}
