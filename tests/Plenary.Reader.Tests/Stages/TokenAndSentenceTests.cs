using Plenary.Reader.Sentences;
using Plenary.Reader.Tokens;

namespace Plenary.Reader.Tests.Stages;

public sealed class TokenAndSentenceTests
{
    private static readonly IReadOnlySet<string> Abbreviations = Lexicons.Default.Abbreviations;

    private static List<string> Words(string text) => Tokenizer.Tokenize(text, Abbreviations).Select(t => text[t.Start..t.End]).ToList();

    private static List<string> Sentences(string text)
    {
        var tokens = Tokenizer.Tokenize(text, Abbreviations);
        return SentenceSplitter.Split(text, tokens).Select(s => text[s.Start..s.EndChar]).ToList();
    }

    [Fact]
    public void Abbreviations_and_initialisms_keep_their_periods()
    {
        Assert.Equal(["St.", "Petersburg", ",", "U.S.", "officials", "and", "Gen.", "Smith", "met", "on", "Dec.", "10"],
            Words("St. Petersburg, U.S. officials and Gen. Smith met on Dec. 10"));
    }

    [Fact]
    public void Possessives_split_and_apostrophes_inside_words_stay()
    {
        Assert.Equal(["Armenia", "’s", "government", "hasn’t", "said"], Words("Armenia’s government hasn’t said"));
        Assert.Equal(["Nicaragua", "'s", "withdrawal"], Words("Nicaragua's withdrawal"));
    }

    [Fact]
    public void Lower_case_forms_are_shared_within_and_across_documents_read_by_one_thread()
    {
        const string first = "The Bloc’s summit. THE bloc met", second = "the BLOC’S envoys";
        var a = Tokenizer.LowerAll(first, Tokenizer.Tokenize(first, Abbreviations));
        var b = Tokenizer.LowerAll(second, Tokenizer.Tokenize(second, Abbreviations));
        Assert.Equal(["the", "bloc", "'s", "summit", ".", "the", "bloc", "met"], a);
        Assert.Equal(["the", "bloc", "'s", "envoys"], b);
        Assert.Same(a[0], a[5]);
        Assert.Same(a[1], b[1]);
        Assert.Same(a[2], b[2]);
    }

    [Fact]
    public void Numbers_stay_whole()
    {
        Assert.Equal(["1.11", "million", "and", "277,000", "bpd"], Words("1.11 million and 277,000 bpd"));
    }

    [Fact]
    public void Abbreviations_do_not_end_sentences_but_periods_do()
    {
        Assert.Equal(["The summit is in St. Petersburg.", "It opens on Dec. 10 in the U.S. capital."],
            Sentences("The summit is in St. Petersburg. It opens on Dec. 10 in the U.S. capital."));
    }

    [Fact]
    public void Closing_quotes_stay_with_their_sentence_and_lines_end_sentences()
    {
        Assert.Equal(["“We agreed.”", "He left", "Next line."], Sentences("“We agreed.” He left\nNext line."));
    }

    [Fact]
    public void Text_without_sentence_ends_is_cut_into_bounded_sentences()
    {
        var text = string.Join(' ', Enumerable.Repeat("word", 1000));
        var tokens = Tokenizer.Tokenize(text, Abbreviations);
        var sentences = SentenceSplitter.Split(text, tokens);
        Assert.All(sentences, s => Assert.True(s.Count <= SentenceSplitter.MaxTokens));
        Assert.Equal(tokens.Count, sentences.Sum(s => s.Count));
    }
}
