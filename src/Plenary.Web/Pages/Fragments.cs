using Plenary.Core.Claims;
using Plenary.Store.Queries;
using Plenary.Web.Markup;
using static Plenary.Web.Markup.Html;

namespace Plenary.Web.Pages;

/// <summary>Small pieces several pages show: a claim in words, its source, a standing badge.</summary>
public static class Fragments
{
    /// <summary>A claim in words, as the CLI says it (<see cref="Core.Claims.ClaimDescription"/>).</summary>
    public static string Describe(ClaimView c) => c.Says;

    public static Html Standing(Standing s) => s == Core.Claims.Standing.Unknown
        ? H($"""<span class="badge st-unknown" title="The registry has no data about this">unknown — no data</span>""")
        : H($"""<span class="badge st-{WireName.Of(s)}">{WireName.Of(s)}</span>""");

    public static Html Review(ReviewState r) => H($"""<span class="review rv-{WireName.Of(r)}">{WireName.Of(r)}</span>""");

    /// <summary>Where a claim comes from, linked to the article (and the claim's place in it) when it was read from one.</summary>
    public static Html Source(ClaimView c)
    {
        var s = c.Source;
        var meta = string.Join(", ", new[] { s.Publisher, s.Date?.ToString() }.Where(x => !string.IsNullOrEmpty(x)));
        var title = s.Kind == SourceKind.Article
            ? H($"""<a href="/articles/{Uri.EscapeDataString(s.Id)}#claim-{c.Id}">{s.Title}</a>""")
            : ExternalLink(s.Url, s.Title);
        return H($"""{title}{If(meta.Length > 0, H($" <small>({meta})</small>"))} <small class="kind">{WireName.Of(s.Kind)}</small>""");
    }

    /// <summary>A link only to http(s) addresses: a <c>javascript:</c> URL in a record stays plain text.</summary>
    public static Html ExternalLink(string? url, string text) =>
        url is not null && Uri.TryCreate(url, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps)
            ? H($"""<a href="{u.AbsoluteUri}" rel="noopener noreferrer">{text}</a>""")
            : Text(text);

    public static Html Evidence(ClaimView c) =>
        Join(c.Evidence.Where(e => e.Text is not null).Select(e => H($"""<q>{e.Text}</q> """)));

    public static Html ClaimTable(IReadOnlyList<ClaimView> claims, bool showReview = false)
    {
        if (claims.Count == 0) return H($"""<p class="empty">No claims.</p>""");
        var rows = Join(claims.Select(c => H($"""
            <tr id="c-{c.Id}"><td>{Describe(c)}{If(c.Note is not null, H($"<br><small class=\"note\">{c.Note}</small>"))}</td>
            <td>{Source(c)}</td><td class="evidence">{Evidence(c)}</td>{If(showReview, H($"<td>{Review(c.Review)}</td>"))}
            <td><a href="/api/v1/claims/{c.Id}" class="claim-id"><code>{c.Id}</code></a></td></tr>
            """)));
        return H($"""
            <table class="claims"><thead><tr><th scope="col">Says</th><th scope="col">Source</th><th scope="col">Evidence</th>{If(showReview, H($"<th scope=\"col\">Review</th>"))}<th scope="col">Claim</th></tr></thead>
            <tbody>{rows}</tbody></table>
            """);
    }

    /// <summary>A day picker that reloads the page for another date (a plain GET form).</summary>
    public static Html DayForm(string action, DateOnly day, params (string Name, string Value)[] hidden) => H($"""
        <form class="dayform" method="get" action="{action}">
        {Join(hidden.Select(h => H($"<input type=\"hidden\" name=\"{h.Name}\" value=\"{h.Value}\">")))}
        <label>On <input type="date" name="on" value="{Charts.Day(day)}"></label> <button type="submit">Show</button>
        </form>
        """);
}
