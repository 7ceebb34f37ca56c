using System.Globalization;
using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Xml;
using Plenary.Store.Records;

namespace Plenary.Feeds;

/// <summary>A feed document that cannot be read: the message says where (line, column or JSON path) and what was expected.</summary>
public sealed class FeedFormatException(string message) : Exception(message);

/// <summary>A feed as read: its title and its items (page URL, the feed's id for it, title, publication day).</summary>
public sealed record FeedDocument(string? Title, IReadOnlyList<NewFeedItem> Items)
{
    /// <summary>
    /// Reads RSS 2.0 or Atom 1.0 (System.ServiceModel.Syndication) or JSON Feed 1.x (its small JSON shape, read here).
    /// Relative item links are resolved against <paramref name="baseUrl"/>; items without a web link are left out (there
    /// is no page to read); only http and https links are taken.
    /// </summary>
    public static FeedDocument Parse(ReadOnlySpan<byte> content, Uri baseUrl)
    {
        int i = 0;
        if (content.StartsWith("\xEF\xBB\xBF"u8)) i = 3;
        while (i < content.Length && content[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') i++;
        if (i == content.Length) throw new FeedFormatException("the feed is empty: expected RSS 2.0, Atom or JSON Feed");
        return content[i] == (byte)'{' ? ParseJson(content, baseUrl) : ParseXml(content.ToArray(), baseUrl);
    }

    private static FeedDocument ParseXml(byte[] content, Uri baseUrl)
    {
        var settings = new XmlReaderSettings
        {
            // Old RSS carries a DOCTYPE; it is skipped, never fetched nor expanded (no entity bombs, no outside requests).
            DtdProcessing = DtdProcessing.Ignore,
            XmlResolver = null,
            MaxCharactersFromEntities = 0,
            IgnoreComments = true,
        };
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            using var xml = XmlReader.Create(stream, settings);
            xml.MoveToContent();
            SyndicationFeedFormatter formatter = xml.LocalName switch
            {
                "rss" => new Rss20FeedFormatter { DateTimeParser = LenientDate },
                "feed" => new Atom10FeedFormatter { DateTimeParser = LenientDate },
                var other => throw new FeedFormatException($"the document's root element is <{other}>: expected <rss> (RSS 2.0), <feed> (Atom) or a JSON Feed object"),
            };
            if (!formatter.CanRead(xml)) throw new FeedFormatException($"<{xml.LocalName}> is not a feed this reader knows (RSS 2.0 or Atom 1.0)");
            formatter.ReadFrom(xml);
            var feed = formatter.Feed;
            var items = new List<NewFeedItem>();
            foreach (var item in feed.Items)
            {
                var link = item.Links.FirstOrDefault(l => l.RelationshipType is null or "alternate")?.Uri
                    ?? (item.Id is { } id && Uri.TryCreate(id, UriKind.Absolute, out var idUri) ? idUri : null);
                if (Resolve(baseUrl, link) is not { } url) continue;
                var date = item.PublishDate != default ? item.PublishDate : item.LastUpdatedTime;
                items.Add(new NewFeedItem(url, item.Id ?? url, item.Title?.Text, date == default ? null : DateOnly.FromDateTime(date.UtcDateTime)));
            }
            return new FeedDocument(feed.Title?.Text, items);
        }
        catch (XmlException e)
        {
            throw new FeedFormatException($"the feed is not well-formed XML (line {e.LineNumber}, column {e.LinePosition}): {FirstSentence(e.Message)}");
        }
    }

    /// <summary>Feeds write dates in many ways; a date that cannot be read is no date, never a failed feed.</summary>
    private static bool LenientDate(XmlDateTimeData data, out DateTimeOffset date)
    {
        var text = data.DateTimeString?.Trim() ?? "";
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out date)) return true;
        // RFC 822 with a zone name ("Tue, 26 Nov 2024 10:00:00 GMT", "… EST"): the day is what Plenary keeps.
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length >= 4 && DateTimeOffset.TryParse(string.Join(' ', parts.Take(parts.Length >= 5 ? 5 : 4)), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out date))
            return true;
        date = default;
        return true;
    }

    private static FeedDocument ParseJson(ReadOnlySpan<byte> content, Uri baseUrl)
    {
        JsonDocument doc;
        try
        {
            var reader = new Utf8JsonReader(content, new JsonReaderOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 });
            doc = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException e)
        {
            throw new FeedFormatException($"the feed is not valid JSON (line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1}): {FirstSentence(e.Message)}");
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (Str(root, "version", "$") is not { } version || !version.StartsWith("https://jsonfeed.org/version/", StringComparison.Ordinal))
                throw new FeedFormatException("$.version: expected \"https://jsonfeed.org/version/1.1\" (a JSON Feed)");
            if (!root.TryGetProperty("items", out var itemsElement) || itemsElement.ValueKind != JsonValueKind.Array)
                throw new FeedFormatException("$.items: expected an array of items");
            var items = new List<NewFeedItem>();
            int n = 0;
            foreach (var item in itemsElement.EnumerateArray())
            {
                var path = $"$.items[{n++}]";
                if (item.ValueKind != JsonValueKind.Object) throw new FeedFormatException($"{path}: expected an object");
                var link = Str(item, "url", path) ?? Str(item, "external_url", path);
                if (Resolve(baseUrl, link is null ? null : Uri.TryCreate(link, UriKind.RelativeOrAbsolute, out var u) ? u : null) is not { } url) continue;
                DateOnly? published = null;
                if ((Str(item, "date_published", path) ?? Str(item, "date_modified", path)) is { } d
                    && DateTimeOffset.TryParse(d, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var dt))
                    published = DateOnly.FromDateTime(dt.UtcDateTime);
                var id = item.TryGetProperty("id", out var idElement) && idElement.ValueKind is JsonValueKind.String or JsonValueKind.Number ? idElement.ToString() : url;
                items.Add(new NewFeedItem(url, id, Str(item, "title", path), published));
            }
            return new FeedDocument(Str(root, "title", "$"), items);
        }
    }

    private static string? Str(JsonElement o, string field, string path)
    {
        if (!o.TryGetProperty(field, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        return v.ValueKind == JsonValueKind.String ? v.GetString()
            : throw new FeedFormatException($"{path}.{field}: expected a string, found {v.ValueKind.ToString().ToLowerInvariant()}");
    }

    private static string? Resolve(Uri baseUrl, Uri? link)
    {
        if (link is null) return null;
        var absolute = link.IsAbsoluteUri ? link : Uri.TryCreate(baseUrl, link, out var r) ? r : null;
        return absolute is { Scheme: "http" or "https" } ? absolute.GetLeftPart(UriPartial.Query) : null;
    }

    private static string FirstSentence(string message)
    {
        int cut = message.IndexOf(". ", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message.TrimEnd('.');
    }
}
