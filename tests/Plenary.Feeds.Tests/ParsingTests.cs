using System.Text;
using Plenary.Feeds;

namespace Plenary.Feeds.Tests;

/// <summary>Feed documents, robots.txt and intervals, each on a text of the test's own.</summary>
public class ParsingTests
{
    private static readonly Uri Base = new("https://news.example/feeds/main.xml");

    [Fact]
    public void Rss_items_give_link_guid_title_and_day_and_relative_links_are_resolved()
    {
        var doc = FeedDocument.Parse(Encoding.UTF8.GetBytes("""
            <?xml version="1.0"?>
            <rss version="2.0"><channel><title>Wire</title><link>https://news.example/</link><description>d</description>
            <item><title>Ministers meet</title><link>/2030/03/ministers.html</link><guid isPermaLink="false">abc-1</guid><pubDate>Wed, 06 Mar 2030 10:00:00 GMT</pubDate></item>
            <item><title>No link at all</title><description>text only</description></item>
            <item><title>Odd date</title><link>https://news.example/odd</link><pubDate>sometime soon</pubDate></item>
            </channel></rss>
            """), Base);
        Assert.Equal("Wire", doc.Title);
        Assert.Equal(2, doc.Items.Count);
        Assert.Equal(("https://news.example/2030/03/ministers.html", "abc-1", "Ministers meet", new DateOnly(2030, 3, 6)),
            (doc.Items[0].Url, doc.Items[0].Key, doc.Items[0].Title, doc.Items[0].Published!.Value));
        Assert.Null(doc.Items[1].Published);
    }

    [Fact]
    public void Atom_entries_are_read()
    {
        var doc = FeedDocument.Parse(Encoding.UTF8.GetBytes("""
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Atom wire</title><id>urn:w</id><updated>2030-03-07T00:00:00Z</updated>
            <entry><title>Summit set</title><id>urn:w:1</id><link rel="alternate" href="summit.html"/><published>2030-03-07T08:00:00Z</published><updated>2030-03-07T08:00:00Z</updated></entry>
            </feed>
            """), Base);
        var item = Assert.Single(doc.Items);
        Assert.Equal(("https://news.example/feeds/summit.html", "urn:w:1", new DateOnly(2030, 3, 7)), (item.Url, item.Key, item.Published!.Value));
    }

    [Fact]
    public void Json_feed_items_are_read_and_a_wrong_field_is_named_by_its_path()
    {
        var doc = FeedDocument.Parse(Encoding.UTF8.GetBytes("""
            {"version":"https://jsonfeed.org/version/1.1","title":"J","items":[
              {"id":"7","url":"https://news.example/a","title":"A","date_published":"2030-03-08T10:00:00+02:00"},
              {"id":8,"external_url":"/b"},
              {"id":"9","content_text":"no page"}]}
            """), Base);
        Assert.Equal(["https://news.example/a", "https://news.example/b"], doc.Items.Select(i => i.Url));
        Assert.Equal("8", doc.Items[1].Key);
        Assert.Equal(new DateOnly(2030, 3, 8), doc.Items[0].Published);
        var e = Assert.Throws<FeedFormatException>(() => FeedDocument.Parse("""{"version":"https://jsonfeed.org/version/1","items":[{"url":5}]}"""u8, Base));
        Assert.Contains("$.items[0].url: expected a string", e.Message);
    }

    [Fact]
    public void Malformed_xml_and_other_documents_are_refused_saying_where_and_what()
    {
        var e = Assert.Throws<FeedFormatException>(() => FeedDocument.Parse("<rss version=\"2.0\"><channel><title>x</link></channel></rss>"u8, Base));
        Assert.Contains("not well-formed XML (line 1, column", e.Message);
        Assert.Contains("expected <rss>", Assert.Throws<FeedFormatException>(() => FeedDocument.Parse("<html><body/></html>"u8, Base)).Message);
        Assert.Contains("empty", Assert.Throws<FeedFormatException>(() => FeedDocument.Parse("  \n"u8, Base)).Message);
        Assert.Contains("$.version", Assert.Throws<FeedFormatException>(() => FeedDocument.Parse("""{"items":[]}"""u8, Base)).Message);
    }

    [Fact]
    public void An_entity_declaration_is_not_expanded()
    {
        var bomb = """<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><rss version="2.0"><channel><title>&b;</title><link>/</link><description>d</description></channel></rss>""";
        var e = Record.Exception(() => FeedDocument.Parse(Encoding.UTF8.GetBytes(bomb), Base));
        Assert.True(e is null or FeedFormatException);
    }

    [Fact]
    public void Robots_rules_for_our_agent_or_any_longest_match_wins()
    {
        var robots = RobotsTxt.Parse("""
            User-agent: *
            Disallow: /private/
            Allow: /private/open.html
            Disallow: /*.pdf$
            Crawl-delay: 2

            User-agent: OtherBot
            Disallow: /
            """, FetchOptions.Agent);
        Assert.True(robots.Allows("/news/1.html"));
        Assert.False(robots.Allows("/private/x.html"));
        Assert.True(robots.Allows("/private/open.html"));
        Assert.False(robots.Allows("/files/report.pdf"));
        Assert.True(robots.Allows("/files/report.pdf?page=2"));
        Assert.Equal(TimeSpan.FromSeconds(2), robots.CrawlDelay);
        Assert.False(RobotsTxt.Parse("User-agent: plenarybot\nDisallow: /\n", FetchOptions.Agent).Allows("/a"));
    }

    [Theory]
    [InlineData("15m", 900)]
    [InlineData("1h", 3600)]
    [InlineData("90s", 90)]
    [InlineData("1d", 86400)]
    public void Intervals_are_read(string text, int seconds) => Assert.Equal(TimeSpan.FromSeconds(seconds), FeedSubscriptions.ParseInterval(text));

    [Theory]
    [InlineData("10s", "at most once a minute")]
    [InlineData("soon", "expected a number and s, m, h or d")]
    public void Bad_intervals_say_what_was_expected(string text, string message) =>
        Assert.Contains(message, Assert.Throws<FeedInputException>(() => FeedSubscriptions.ParseInterval(text)).Message);

    [Fact]
    public void Feed_urls_must_be_http_or_https() =>
        Assert.Contains("expected an absolute http:// or https:// URL", Assert.Throws<FeedInputException>(() => FeedSubscriptions.ParseUrl("file:///etc/passwd")).Message);
}
