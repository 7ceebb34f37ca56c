using System.Text;
using Plenary.Core.Articles;
using Plenary.Core.Claims;
using Plenary.Store.Queries;
using Plenary.Web.Markup;
using static Plenary.Web.Markup.Html;
using static Plenary.Web.Pages.Fragments;

namespace Plenary.Web.Pages;

/// <summary>An article's text with every claim's evidence highlighted and linked to the claim, and the claims below.</summary>
public static class ArticlePage
{
    public static IResult Render(HttpContext ctx, RegistryService r, string id)
    {
        var editor = Layout.IsEditor(ctx);
        var (article, claims) = r.Read(s => (s.FindArticle(id) ?? throw new NotFoundException($"no article '{id}'"), Reads.ClaimsOf(s, id)));
        var proposed = claims.Count(c => c.Review == ReviewState.Proposed);
        var list = Join(claims.Select(c => H($"""
            <li id="claim-{c.Id}" class="claim rv-{WireName.Of(c.Review)}">
            <a class="jump" href="#ev-{c.Id}" title="Show in the text">¶</a> {Describe(c)} {Review(c.Review)}
            {If(c.Corrects is not null, H($"<small>corrects <a href=\"#claim-{c.Corrects}\">{c.Corrects}</a></small>"))}
            {If(c.Note is not null, H($"<small class=\"note\">{c.Note}</small>"))}
            <small><code>{c.Id}</code></small>
            </li>
            """)));
        var meta = string.Join(" · ", new[] { article.Outlet, article.Published?.ToString("yyyy-MM-dd") }.Where(x => !string.IsNullOrEmpty(x)));
        return Layout.Page(ctx, article.Title ?? article.Id, H($"""
            <h1>{article.Title ?? article.Id}</h1>
            <p class="facts">{meta}{If(article.Url is not null, H($" · {ExternalLink(article.Url, "original")}"))} · {claims.Count} claims{If(proposed > 0, H($", {proposed} awaiting review"))}
            {If(editor && proposed > 0, H($" · <a href=\"/review?article={Uri.EscapeDataString(article.Id)}\">Review them</a>"))} · <a href="/api/v1/articles/{Uri.EscapeDataString(article.Id)}">JSON</a></p>
            <div class="article-layout">
            <article class="article-text" aria-label="Article text">{Highlight(article.Text, claims)}</article>
            <aside class="article-claims"><h2>Claims read from it</h2>{(claims.Count == 0 ? H($"<p class=\"empty\">None.</p>") : H($"<ol class=\"claims-list\">{list}</ol>"))}</aside>
            </div>
            """));
    }

    /// <summary>
    /// The text cut at every evidence boundary; each piece inside some claim's evidence becomes a &lt;mark&gt; linking to
    /// the first such claim (the piece that opens a claim's evidence carries the anchor <c>ev-ID</c>). Every piece of text is encoded.
    /// </summary>
    public static Html Highlight(string text, IReadOnlyList<ClaimView> claims)
    {
        var spans = claims.SelectMany(c => c.Evidence.Where(e => e.End <= text.Length && e.Start < e.End).Select(e => (e.Start, e.End, Claim: c))).ToList();
        var cuts = new SortedSet<int> { 0, text.Length };
        foreach (var (s, e, _) in spans) { cuts.Add(s); cuts.Add(e); }
        var anchored = new HashSet<string>(StringComparer.Ordinal);
        var sb = new StringBuilder();
        int? prev = null;
        foreach (var cut in cuts)
        {
            if (prev is { } a && cut > a)
            {
                var piece = text[a..cut];
                var covering = spans.Where(x => x.Start <= a && x.End >= cut).Select(x => x.Claim).DistinctBy(c => c.Id).ToList();
                if (covering.Count == 0) sb.Append(Text(piece).Value);
                else
                {
                    var first = covering[0];
                    var anchor = spans.Where(x => x.Start == a).Select(x => x.Claim.Id).FirstOrDefault(i => anchored.Add(i));
                    var tip = string.Join(" | ", covering.Select(c => $"{Describe(c)} ({WireName.Of(c.Review)})"));
                    sb.Append(H($"""<mark class="ev rv-{WireName.Of(first.Review)}{(covering.Count > 1 ? " multi" : "")}"{(anchor is null ? Empty : H($" id=\"ev-{anchor}\""))} data-claims="{string.Join(' ', covering.Select(c => c.Id))}" data-tip="{tip}"><a href="#claim-{first.Id}">{piece}</a></mark>""").Value);
                }
            }
            prev = cut;
        }
        return Trusted(sb.ToString());
    }
}
