namespace Plenary.Store.Tests;

/// <summary>The web-search syntax every engine's search reads (<see cref="SearchQuery"/>).</summary>
public class SearchQueryTests
{
    /// <summary>The parse in web-search syntax, every term quoted: what PostgreSQL's websearch_to_tsquery is given.</summary>
    private static string Parsed(string text) => SearchQuery.Parse(text).ToWebSearch();

    [Theory]
    [InlineData("Armenia CSTO", "\"armenia\" \"csto\"")]
    [InlineData("\"frozen participation\" Yerevan", "\"frozen participation\" \"yerevan\"")]
    [InlineData("summit or ministers", "\"summit\" or \"ministers\"")]
    [InlineData("a b or c", "\"a\" \"b\" or \"c\"")]                       // terms next to each other bind first
    [InlineData("csto -summit", "\"csto\" -\"summit\"")]
    [InlineData("csto -\"foreign ministers\"", "\"csto\" -\"foreign ministers\"")]
    [InlineData("csto - summit", "\"csto\" -\"summit\"")]                   // as websearch_to_tsquery reads it
    [InlineData("opec-plus", "\"opec plus\"")]                              // a hyphenated word is a phrase of its parts
    [InlineData("or csto", "\"or\" \"csto\"")]                             // "or" not between two terms is the word
    [InlineData("csto or", "\"csto\" \"or\"")]
    [InlineData("a or or b", "\"a\" or \"or\" \"b\"")]
    [InlineData("\"or\" csto", "\"or\" \"csto\"")]
    [InlineData("\"NEAR( OR *", "\"near or\"")]                             // an unclosed quote runs to the end; no operator of FTS5's
    [InlineData("csto & !summit | x<->y :*", "\"csto\" \"summit\" \"x y\"")] // tsquery's operators are only separators
    public void Web_search_syntax_is_read_as_websearch_to_tsquery_reads_it(string text, string expected) =>
        Assert.Equal(expected, Parsed(text));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("-")]
    [InlineData("\"")]
    [InlineData("\"\"")]
    [InlineData("- - -")]
    [InlineData("& | ! ( ) * :")]
    [InlineData("-csto")]
    [InlineData("-csto -\"summit\"")]
    public void A_search_with_nothing_to_find_is_empty(string text) => Assert.True(SearchQuery.Parse(text).IsEmpty);

    [Fact]
    public void An_alternative_that_only_leaves_out_is_dropped() => Assert.Equal("\"csto\"", Parsed("csto or -summit"));

    [Fact]
    public void Only_the_first_words_of_a_long_search_count()
    {
        var q = SearchQuery.Parse(string.Join(' ', Enumerable.Range(0, 5000).Select(i => $"w{i}")));
        Assert.Equal(SearchQuery.MaxWords, q.Words.Count);
        Assert.Equal("w0", q.Words[0]);
        Assert.True(SearchQuery.Parse(new string('"', 100_000)).IsEmpty);
    }

    [Fact]
    public void Snippets_mark_the_words_to_find_not_those_left_out() =>
        Assert.Equal(["csto", "yerevan"], SearchSnippet.Terms("CSTO -summit or Yerevan"));
}
