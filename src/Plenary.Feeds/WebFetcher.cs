using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Plenary.Feeds;

/// <summary>How politely and how far the worker fetches.</summary>
public sealed record FetchOptions
{
    /// <summary>The product token robots.txt groups are matched against.</summary>
    public const string Agent = "PlenaryBot";

    public string UserAgent { get; init; } = $"{Agent}/1.0 (Plenary news reader; reads feeds an editor subscribed to; honours robots.txt)";

    /// <summary>The whole of one request — connecting, headers, every byte of the body — must fit in this time.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Bytes read from one page or feed at most; a larger answer is abandoned, not buffered.</summary>
    public long MaxBytes { get; init; } = 8L * 1024 * 1024;

    public int MaxRedirects { get; init; } = 5;

    /// <summary>The least time between two requests to the same host (a robots.txt Crawl-delay may ask for more).</summary>
    public TimeSpan HostInterval { get; init; } = TimeSpan.FromSeconds(1);
}

/// <summary>A fetch that did not give a usable answer. <see cref="Permanent"/>: trying again will not help (404, robots.txt, too large).</summary>
public sealed class FetchException(string message, bool permanent) : Exception(message)
{
    public bool Permanent { get; } = permanent;
}

/// <summary>An answer: where it finally came from, its body (at most <see cref="FetchOptions.MaxBytes"/>), its validators.</summary>
public sealed record Fetched(Uri Url, bool NotModified, byte[] Body, string? ContentType, string? ETag, string? LastModified)
{
    /// <summary>The body as text, in the charset the server named (UTF-8 when it named none or one unknown here).</summary>
    public string Text()
    {
        Encoding encoding = Encoding.UTF8;
        if (ContentType is not null && MediaTypeHeaderValue.TryParse(ContentType, out var mt) && mt.CharSet is { Length: > 0 } cs)
        {
            try { encoding = Encoding.GetEncoding(cs.Trim('"')); } catch (ArgumentException) { }
        }
        return encoding.GetString(Body);
    }
}

/// <summary>
/// Fetches pages politely and safely: a clear User-Agent; conditional requests (If-None-Match / If-Modified-Since); one
/// deadline for the whole request; the body read as a stream and abandoned past the size cap; redirects followed by hand,
/// at most <see cref="FetchOptions.MaxRedirects"/>, loops named; robots.txt honoured (cached per site); requests to one
/// host spaced by <see cref="FetchOptions.HostInterval"/> or the site's Crawl-delay. Safe to use from many threads.
/// </summary>
public sealed class WebFetcher : IDisposable
{
    private readonly HttpClient _http;
    private readonly ConcurrentDictionary<string, (Task<RobotsTxt> Rules, DateTime Until)> _robots = new(StringComparer.Ordinal);

    /// <summary>How long a site's robots.txt is trusted before it is read again (RFC 9309 suggests at most a day).</summary>
    private static readonly TimeSpan RobotsLifetime = TimeSpan.FromHours(24);
    private readonly ConcurrentDictionary<string, HostTurn> _hosts = new(StringComparer.Ordinal);

    public WebFetcher(FetchOptions? options = null)
    {
        Options = options ?? new FetchOptions();
        _http = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.All,
            ConnectTimeout = Options.Timeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            MaxResponseHeadersLength = 64,
        })
        {
            // The deadline is ours (per request, body included); the client's own would only cover the headers.
            Timeout = System.Threading.Timeout.InfiniteTimeSpan,
        };
    }

    public FetchOptions Options { get; }

    public async Task<Fetched> GetAsync(Uri url, string? etag = null, string? lastModified = null, CancellationToken ct = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(Options.Timeout);
        var hops = new List<Uri> { url };
        try
        {
            while (true)
            {
                if (url.Scheme is not ("http" or "https")) throw new FetchException($"{url}: only http and https are fetched", true);
                var robots = await RobotsFor(url, deadline.Token);
                if (!robots.Allows(url.PathAndQuery)) throw new FetchException($"{url}: robots.txt of {url.Authority} does not allow {FetchOptions.Agent} to fetch it", true);
                await TakeTurn(url, robots, deadline.Token);
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                request.Headers.UserAgent.ParseAdd(Options.UserAgent);
                request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/feed+json,application/xml;q=0.9,*/*;q=0.5");
                if (hops.Count == 1 && etag is not null) request.Headers.TryAddWithoutValidation("If-None-Match", etag);
                if (hops.Count == 1 && lastModified is not null) request.Headers.TryAddWithoutValidation("If-Modified-Since", lastModified);
                using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
                var code = (int)response.StatusCode;
                if (code is 301 or 302 or 303 or 307 or 308)
                {
                    if (response.Headers.Location is not { } location) throw new FetchException($"{url}: HTTP {code} redirect without a Location", true);
                    var next = location.IsAbsoluteUri ? location : new Uri(url, location);
                    if (hops.Contains(next)) throw new FetchException($"{hops[0]}: redirect loop: {string.Join(" → ", hops.Append(next))}", true);
                    hops.Add(next);
                    if (hops.Count - 1 > Options.MaxRedirects)
                        throw new FetchException($"{hops[0]}: more than {Options.MaxRedirects} redirects: {string.Join(" → ", hops)}", true);
                    url = next;
                    continue;
                }
                if (code == 304) return new Fetched(url, true, [], null, etag, lastModified);
                if (!response.IsSuccessStatusCode)
                    throw new FetchException($"{url}: HTTP {code} {response.ReasonPhrase}", code is >= 400 and < 500 and not 408 and not 429);
                var body = await ReadCapped(url, response, deadline.Token);
                return new Fetched(url, false, body, response.Content.Headers.ContentType?.ToString(),
                    response.Headers.ETag?.ToString(), response.Content.Headers.LastModified?.ToString("R"));
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new FetchException($"{url}: no complete answer within {Options.Timeout.TotalSeconds:0.#} s (a slow or stalled server); abandoned", false);
        }
        catch (HttpRequestException e)
        {
            throw new FetchException($"{url}: {e.Message}", false);
        }
    }

    private async Task<byte[]> ReadCapped(Uri url, HttpResponseMessage response, CancellationToken ct)
    {
        var max = Options.MaxBytes;
        if (response.Content.Headers.ContentLength is { } length && length > max)
            throw new FetchException($"{url}: the answer is {length:N0} bytes; at most {max:N0} are read", true);
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        while (true)
        {
            int n = await stream.ReadAsync(chunk, ct);
            if (n == 0) break;
            if (buffer.Length + n > max)
                throw new FetchException($"{url}: the answer is larger than {max:N0} bytes; stopped reading there", true);
            buffer.Write(chunk, 0, n);
        }
        return buffer.ToArray();
    }

    /// <summary>The site's robots.txt, fetched once per site: a 4xx means no rules; a 5xx or no answer means keep out for now.</summary>
    private Task<RobotsTxt> RobotsFor(Uri url, CancellationToken ct)
    {
        var site = url.GetLeftPart(UriPartial.Authority);
        var now = DateTime.UtcNow;
        return _robots.AddOrUpdate(site,
            s => (FetchRobots(new Uri(s + "/robots.txt"), ct), now + RobotsLifetime),
            (s, held) => held.Until > now ? held : (FetchRobots(new Uri(s + "/robots.txt"), ct), now + RobotsLifetime)).Rules;
    }

    private async Task<RobotsTxt> FetchRobots(Uri robotsUrl, CancellationToken ct)
    {
        try
        {
            var url = robotsUrl;
            for (int hop = 0; hop <= Options.MaxRedirects; hop++)
            {
                await TakeTurn(url, RobotsTxt.AllowAll, ct);
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                request.Headers.UserAgent.ParseAdd(Options.UserAgent);
                using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
                var code = (int)response.StatusCode;
                if (code is 301 or 302 or 303 or 307 or 308 && response.Headers.Location is { } loc) { url = loc.IsAbsoluteUri ? loc : new Uri(url, loc); continue; }
                if (code is >= 400 and < 500) return RobotsTxt.AllowAll;
                if (!response.IsSuccessStatusCode) return RobotsTxt.DisallowAll;
                // RFC 9309: at least 500 KiB are read; what lies beyond is ignored.
                await using var stream = await response.Content.ReadAsStreamAsync(ct);
                var buffer = new byte[512 * 1024];
                int total = 0, n;
                while (total < buffer.Length && (n = await stream.ReadAsync(buffer.AsMemory(total), ct)) > 0) total += n;
                return RobotsTxt.Parse(Encoding.UTF8.GetString(buffer, 0, total), FetchOptions.Agent);
            }
            return RobotsTxt.AllowAll;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            // Not cached: the next request asks again.
            _robots.TryRemove(robotsUrl.GetLeftPart(UriPartial.Authority), out _);
            throw new FetchException($"{robotsUrl}: cannot read the site's robots.txt ({e.Message}); nothing fetched from the site", false);
        }
    }

    /// <summary>Waits until this host may be asked again, and books the next turn.</summary>
    private async Task TakeTurn(Uri url, RobotsTxt robots, CancellationToken ct)
    {
        var interval = robots.CrawlDelay is { } d && d > Options.HostInterval ? d : Options.HostInterval;
        if (interval <= TimeSpan.Zero) return;
        var turn = _hosts.GetOrAdd(url.Authority, _ => new HostTurn());
        TimeSpan wait;
        lock (turn)
        {
            var now = DateTime.UtcNow;
            var at = turn.Next > now ? turn.Next : now;
            turn.Next = at + interval;
            wait = at - now;
        }
        if (wait > TimeSpan.Zero) await Task.Delay(wait, ct);
    }

    private sealed class HostTurn
    {
        public DateTime Next;
    }

    public void Dispose() => _http.Dispose();
}
