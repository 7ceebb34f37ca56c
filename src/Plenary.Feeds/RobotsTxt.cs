namespace Plenary.Feeds;

/// <summary>
/// A site's robots.txt as far as a polite reader needs it (RFC 9309): the group for our user agent (else <c>*</c>), its
/// Allow/Disallow rules (the longest matching path wins, Allow on a tie; <c>*</c> and <c>$</c> understood) and Crawl-delay.
/// </summary>
public sealed class RobotsTxt
{
    private readonly List<(bool Allow, string Pattern)> _rules;

    private RobotsTxt(List<(bool, string)> rules, TimeSpan? crawlDelay)
    {
        _rules = rules;
        CrawlDelay = crawlDelay;
    }

    /// <summary>Everything allowed (no robots.txt, or one that could not be read as a 4xx).</summary>
    public static RobotsTxt AllowAll { get; } = new([], null);

    /// <summary>Nothing allowed (robots.txt answered 5xx: the site may be down, RFC 9309 says assume complete disallow).</summary>
    public static RobotsTxt DisallowAll { get; } = new([(false, "/")], null);

    public TimeSpan? CrawlDelay { get; }

    public static RobotsTxt Parse(string text, string userAgentToken)
    {
        var groups = new List<(List<string> Agents, List<(bool, string)> Rules, TimeSpan? Delay)>();
        (List<string> Agents, List<(bool, string)> Rules, TimeSpan? Delay)? current = null;
        bool lastWasAgent = false;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw;
            if (line.IndexOf('#') is var hash and >= 0) line = line[..hash];
            var colon = line.IndexOf(':');
            if (colon < 0) continue;
            var key = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            if (key == "user-agent")
            {
                if (current is null || !lastWasAgent)
                {
                    current = ([], [], null);
                    groups.Add(current.Value);
                }
                current.Value.Agents.Add(value.ToLowerInvariant());
                lastWasAgent = true;
                continue;
            }
            lastWasAgent = false;
            if (current is null) continue;
            switch (key)
            {
                case "allow" when value.Length > 0: current.Value.Rules.Add((true, value)); break;
                case "disallow" when value.Length > 0: current.Value.Rules.Add((false, value)); break;
                case "crawl-delay" when double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var s) && s >= 0:
                    var index = groups.FindIndex(g => ReferenceEquals(g.Agents, current.Value.Agents));
                    current = (current.Value.Agents, current.Value.Rules, TimeSpan.FromSeconds(Math.Min(s, 60)));
                    groups[index] = current.Value;
                    break;
            }
        }
        var token = userAgentToken.ToLowerInvariant();
        var mine = groups.Where(g => g.Agents.Any(a => a != "*" && token.StartsWith(a, StringComparison.Ordinal))).ToList();
        if (mine.Count == 0) mine = groups.Where(g => g.Agents.Contains("*")).ToList();
        return new RobotsTxt(mine.SelectMany(g => g.Rules).ToList(), mine.Select(g => g.Delay).FirstOrDefault(d => d is not null));
    }

    /// <summary>Whether the path (with its query) may be fetched.</summary>
    public bool Allows(string pathAndQuery)
    {
        (bool Allow, int Length)? best = null;
        foreach (var (allow, pattern) in _rules)
        {
            if (!Matches(pattern, pathAndQuery)) continue;
            if (best is null || pattern.Length > best.Value.Length || (pattern.Length == best.Value.Length && allow))
                best = (allow, pattern.Length);
        }
        return best?.Allow ?? true;
    }

    private static bool Matches(string pattern, string path)
    {
        bool anchored = pattern.EndsWith('$');
        if (anchored) pattern = pattern[..^1];
        var parts = pattern.Split('*');
        int pos = 0;
        for (int i = 0; i < parts.Length; i++)
        {
            if (i == 0)
            {
                if (!path.StartsWith(parts[0], StringComparison.Ordinal)) return false;
                pos = parts[0].Length;
                continue;
            }
            var found = path.IndexOf(parts[i], pos, StringComparison.Ordinal);
            if (found < 0) return false;
            pos = found + parts[i].Length;
        }
        return !anchored || pos == path.Length || (parts.Length > 1 && parts[^1].Length == 0);
    }
}
