using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Plenary.Core.Claims;
using Plenary.Store;
using Plenary.Store.Queries;
using Plenary.Web.Accounts;
using Plenary.Web.Api;
using Plenary.Web.Editorial;
using Plenary.Web.Markup;
using static Plenary.Web.Markup.Html;
using static Plenary.Web.Pages.Fragments;

namespace Plenary.Web.Pages;

/// <summary>Sign-in, the review queue, the ingest form and the audit log. Every form that posts is checked for its antiforgery token.</summary>
public static class EditorPages
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/signin", SignInForm).ExcludeFromDescription();
        MapForm(app, "/signin", SignIn).RequireRateLimiting(SignInThrottle.Policy);
        MapForm(app, "/signout", async (ctx, _) =>
        {
            // End the session on the server first: a copy of the cookie must not outlive the sign-out.
            if (ctx.User.FindFirst(AccountService.SessionClaim)?.Value is { } sid)
                ctx.RequestServices.GetRequiredService<AccountService>().EndSession(sid);
            await ctx.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.Redirect("/");
        });
        app.MapGet("/denied", (HttpContext ctx) => Layout.Page(ctx, "Not allowed",
            H($"""<h1>Not allowed</h1><p class="error">Your account may not do this: it needs the editor role.</p>"""), StatusCodes.Status403Forbidden)).ExcludeFromDescription();

        app.MapGet("/review", Review).RequireAuthorization(ApiEndpoints.EditorPolicy).ExcludeFromDescription();
        MapForm(app, "/review/{id}/accept", (ctx, form) => Decide(ctx, form, ReviewState.Accepted)).RequireAuthorization(ApiEndpoints.EditorPolicy);
        MapForm(app, "/review/{id}/reject", (ctx, form) => Decide(ctx, form, ReviewState.Rejected)).RequireAuthorization(ApiEndpoints.EditorPolicy);
        MapForm(app, "/review/{id}/correct", Correct).RequireAuthorization(ApiEndpoints.EditorPolicy);
        MapForm(app, "/review/accept-all", AcceptAll).RequireAuthorization(ApiEndpoints.EditorPolicy);

        app.MapGet("/ingest", (HttpContext ctx) => IngestForm(ctx, null)).RequireAuthorization(ApiEndpoints.EditorPolicy).ExcludeFromDescription();
        MapForm(app, "/ingest", Ingest).RequireAuthorization(ApiEndpoints.EditorPolicy);

        app.MapGet("/audit", Audit).RequireAuthorization(ApiEndpoints.AdminPolicy).ExcludeFromDescription();
    }

    /// <summary>A form post: the antiforgery token is validated before anything else is read or done.</summary>
    private static RouteHandlerBuilder MapForm(WebApplication app, string pattern, Func<HttpContext, IFormCollection, Task<IResult>> handle) =>
        app.MapPost(pattern, async (HttpContext ctx, IAntiforgery antiforgery) =>
        {
            await antiforgery.ValidateRequestAsync(ctx);
            var form = await ctx.Request.ReadFormAsync(ctx.RequestAborted);
            return await handle(ctx, form);
        }).DisableAntiforgery().ExcludeFromDescription();

    private static string LocalUrl(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) ? url : "/";

    private static IResult SignInForm(HttpContext ctx, string? returnUrl) => SignInPage(ctx, returnUrl, null);

    private static IResult SignInPage(HttpContext ctx, string? returnUrl, string? error, int errorStatus = StatusCodes.Status401Unauthorized) => Layout.Page(ctx, "Sign in", H($"""
        <h1>Sign in</h1>
        {If(error is not null, H($"<p class=\"error\" role=\"alert\">{error}</p>"))}
        <form method="post" action="/signin" class="stack narrow">
        {Layout.Token(ctx)}
        <input type="hidden" name="returnUrl" value="{LocalUrl(returnUrl)}">
        <label>Account name <input name="name" autocomplete="username" required></label>
        <label>Password <input name="password" type="password" autocomplete="current-password" required></label>
        <button type="submit">Sign in</button>
        </form>
        <p><small>Accounts are made with <code>plenary user add NAME --role editor</code>. Reading needs no account.</small></p>
        """), error is null ? 200 : errorStatus);

    private static string TooManyText(HttpContext ctx)
    {
        var window = ctx.RequestServices.GetRequiredService<SignInThrottle>().Window;
        var wait = window == TimeSpan.FromMinutes(1) ? "a minute"
            : window.TotalMinutes >= 2 ? $"{Math.Ceiling(window.TotalMinutes):0} minutes"
            : $"{Math.Max(1, Math.Ceiling(window.TotalSeconds)):0} seconds";
        return $"Too many sign-in attempts. Wait {wait}, then try again.";
    }

    private static bool WantsJson(HttpContext ctx) =>
        WebApp.IsApi(ctx) || ctx.Request.Headers.Accept.ToString().Contains("json", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The answer to a sign-in refused for too many attempts: 429 with a problem-details body for a client that asks for
    /// JSON, the sign-in page with a message for a browser. The same whether or not the name is an account.
    /// </summary>
    public static async ValueTask TooManyAttempts(HttpContext ctx, TimeSpan? retryAfter)
    {
        ctx.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        if (retryAfter is { } after) ctx.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(after.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (WantsJson(ctx)) await Problems.Write(ctx, StatusCodes.Status429TooManyRequests, "Too many attempts", TooManyText(ctx));
        else await SignInPage(ctx, null, TooManyText(ctx), StatusCodes.Status429TooManyRequests).ExecuteAsync(ctx);
    }

    private static async Task<IResult> SignIn(HttpContext ctx, IFormCollection form)
    {
        var accounts = ctx.RequestServices.GetRequiredService<AccountService>();
        var throttle = ctx.RequestServices.GetRequiredService<SignInThrottle>();
        var name = form["name"].ToString();
        var address = SignInThrottle.ClientAddress(ctx);
        Plenary.Store.Accounts.Account? account;
        using (await throttle.OneAtATime(name, ctx.RequestAborted))
        {
            if (!throttle.Allows(name, address))
            {
                await TooManyAttempts(ctx, throttle.Window);
                return Results.Empty;
            }
            account = accounts.CheckPassword(name, form["password"].ToString());
            if (account is null) throttle.Failed(name, address);
        }
        if (account is null)
            return WantsJson(ctx)
                ? Problems.Of(StatusCodes.Status401Unauthorized, "Sign-in failed", "The name or the password is wrong.")
                : SignInPage(ctx, form["returnUrl"], "The name or the password is wrong.");
        // Signing in again (as anyone) ends the session this browser had: one cookie, one live session.
        if (ctx.User.FindFirst(AccountService.SessionClaim)?.Value is { } previous) accounts.EndSession(previous);
        var session = accounts.StartSession(account);
        await ctx.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, AccountService.Principal(account, CookieAuthenticationDefaults.AuthenticationScheme, session));
        return Results.Redirect(LocalUrl(form["returnUrl"]));
    }

    private static string By(HttpContext ctx) => ctx.User.Identity!.Name!;

    private static IResult Review(HttpContext ctx, RegistryService r, string? article)
    {
        var (groups, titles) = r.Read(s =>
        {
            var views = new RegistryQueries.ViewCache(s);
            var proposed = s.Claims(new ClaimFilter { Review = ReviewState.Proposed, SourceId = string.IsNullOrEmpty(article) ? null : article });
            var groups = proposed.GroupBy(c => c.SourceId).Select(g => (Source: g.Key, Text: s.FindArticle(g.Key)?.Text, Claims: g.Select(views.Of).ToList())).ToList();
            var titles = groups.ToDictionary(g => g.Source, g => s.FindArticle(g.Source)?.Title ?? g.Source);
            return (groups, titles);
        });
        var token = Layout.Token(ctx);
        var sections = Join(groups.Select(g => H($"""
            <section class="review-group">
            <h2>From <a href="/articles/{Uri.EscapeDataString(g.Source)}">{titles[g.Source]}</a> <small>({g.Claims.Count} proposed)</small></h2>
            <form method="post" action="/review/accept-all">{token}<input type="hidden" name="source" value="{g.Source}"><button type="submit" class="accept">Accept all {g.Claims.Count}</button></form>
            <ol class="review-list">{Join(g.Claims.Select(c => Item(c, g.Text, token)))}</ol>
            </section>
            """)));
        return Layout.Page(ctx, "Review", H($"""
            <h1>Review queue</h1>
            <p>Claims the reader proposed, each with the words of the article that state it. Accept what the text says, correct what it says differently, reject what it does not say.</p>
            <p><a class="button" href="/ingest">Ingest an article</a></p>
            {(groups.Count == 0 ? H($"<p class=\"empty\">Nothing awaits review.</p>") : sections)}
            """));
    }

    private static Html Item(ClaimView c, string? text, Html token)
    {
        var fact = JsonSerializer.Serialize(c.Fact, Core.Json.DomainJson.Indented);
        return H($"""
            <li class="review-item" id="claim-{c.Id}" data-claim="{c.Id}">
            <p class="says"><strong>{WireName.Of(c.Type)}</strong>: {Describe(c)}{If(c.Modality == Modality.Planned, H($" <small>(planned)</small>"))}</p>
            <blockquote class="context">{Context(text, c)}</blockquote>
            <div class="actions">
            <form method="post" action="/review/{c.Id}/accept">{token}<button type="submit" class="accept">Accept</button></form>
            <form method="post" action="/review/{c.Id}/reject">{token}<button type="submit" class="reject">Reject</button></form>
            <details><summary>Correct</summary>
            <form method="post" action="/review/{c.Id}/correct" class="stack">{token}
            <label>The fact, as it should read (claims.md fields)<textarea name="fact" rows="8" spellcheck="false">{fact}</textarea></label>
            <label>Why <input name="note" placeholder="what the text says instead"></label>
            <button type="submit">Save the correction</button>
            </form></details>
            </div>
            </li>
            """);
    }

    /// <summary>The evidence with up to 120 characters around it, the evidence marked.</summary>
    private static Html Context(string? text, ClaimView c)
    {
        var e = c.Evidence.FirstOrDefault(x => text is not null && x.End <= text.Length);
        if (text is null || e is null) return Evidence(c);
        var from = Math.Max(0, e.Start - 120);
        var to = Math.Min(text.Length, e.End + 120);
        return H($"""{(from > 0 ? "…" : "")}{text[from..e.Start]}<mark>{text[e.Start..e.End]}</mark>{text[e.End..to]}{(to < text.Length ? "…" : "")}""");
    }

    private static Task<IResult> Decide(HttpContext ctx, IFormCollection form, ReviewState decision)
    {
        var id = (string)ctx.Request.RouteValues["id"]!;
        var r = ctx.RequestServices.GetRequiredService<RegistryService>();
        var editorial = ctx.RequestServices.GetRequiredService<IEditorial>();
        var by = By(ctx);
        var source = r.Write(s =>
        {
            editorial.Decide(s, id, decision, by, form["note"].ToString() is { Length: > 0 } n ? n : null);
            return s.FindClaim(id)!.SourceId;
        });
        return Task.FromResult(Results.Redirect($"/review?article={Uri.EscapeDataString(source)}#review-done"));
    }

    private static Task<IResult> AcceptAll(HttpContext ctx, IFormCollection form)
    {
        var source = Inputs.Required(form["source"], "source");
        var r = ctx.RequestServices.GetRequiredService<RegistryService>();
        var editorial = ctx.RequestServices.GetRequiredService<IEditorial>();
        var by = By(ctx);
        r.Write(s =>
        {
            foreach (var c in s.Claims(new ClaimFilter { SourceId = source, Review = ReviewState.Proposed }))
                editorial.Decide(s, c.Id, ReviewState.Accepted, by, "accepted with all of its article's proposed claims");
            return 0;
        });
        return Task.FromResult(Results.Redirect($"/articles/{Uri.EscapeDataString(source)}"));
    }

    private static Task<IResult> Correct(HttpContext ctx, IFormCollection form)
    {
        var id = (string)ctx.Request.RouteValues["id"]!;
        var r = ctx.RequestServices.GetRequiredService<RegistryService>();
        var editorial = ctx.RequestServices.GetRequiredService<IEditorial>();
        JsonDocument doc;
        try { doc = JsonDocument.Parse(Inputs.Required(form["fact"], "fact")); }
        catch (JsonException e) { throw new BadInputException($"fact: not valid JSON: {e.Message}"); }
        using (doc)
        {
            var by = By(ctx);
            var claim = r.Write(s =>
            {
                var old = s.FindClaim(id) ?? throw new NotFoundException($"no claim '{id}'");
                return editorial.Correct(s, id, Reads.Overlay(old.Fact, doc.RootElement), by, form["note"].ToString() is { Length: > 0 } n ? n : null);
            });
            return Task.FromResult(Results.Redirect($"/review?article={Uri.EscapeDataString(claim.SourceId)}"));
        }
    }

    private static IResult IngestForm(HttpContext ctx, string? error) => Layout.Page(ctx, "Ingest an article", H($"""
        <h1>Ingest an article</h1>
        {If(error is not null, H($"<p class=\"error\" role=\"alert\">{error}</p>"))}
        <p>Paste the text or upload a file (plain text, or claims.md's JSON object). The publication date resolves “on Monday” and “next month”.</p>
        <form method="post" action="/ingest" enctype="multipart/form-data" class="stack">
        {Layout.Token(ctx)}
        <label>Text <textarea name="text" rows="14"></textarea></label>
        <label>…or a file <input type="file" name="file" accept=".txt,.json,text/plain,application/json"></label>
        <div class="row">
        <label>Published <input type="date" name="published"></label>
        <label>Title <input name="title"></label>
        <label>Outlet <input name="outlet"></label>
        <label>URL <input name="url" type="url"></label>
        </div>
        <button type="submit">Ingest</button>
        </form>
        """), error is null ? 200 : 400);

    private static async Task<IResult> Ingest(HttpContext ctx, IFormCollection form)
    {
        string? text = form["text"].ToString();
        string? id = null, published = form["published"], url = form["url"], outlet = form["outlet"], title = form["title"];
        if (form.Files.GetFile("file") is { Length: > 0 } file)
        {
            if (file.Length > 4_000_000) return IngestForm(ctx, "The file is larger than 4 MB.");
            using var reader = new StreamReader(file.OpenReadStream());
            var content = await reader.ReadToEndAsync(ctx.RequestAborted);
            if (file.FileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || content.TrimStart().StartsWith('{'))
            {
                try
                {
                    using var doc = JsonDocument.Parse(content);
                    var o = doc.RootElement;
                    string? Get(string n) => o.TryGetProperty(n, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
                    text = Get("text");
                    id = Get("id") ?? Path.GetFileNameWithoutExtension(file.FileName).ToLowerInvariant();
                    published = string.IsNullOrEmpty(published) ? Get("published") : published;
                    url = string.IsNullOrEmpty(url) ? Get("url") : url;
                    outlet = string.IsNullOrEmpty(outlet) ? Get("outlet") : outlet;
                    title = string.IsNullOrEmpty(title) ? Get("title") : title;
                }
                catch (JsonException e) { return IngestForm(ctx, $"The file is not valid JSON: {e.Message}"); }
            }
            else text = content;
        }
        if (string.IsNullOrWhiteSpace(text)) return IngestForm(ctx, "Paste the article's text or choose a file.");
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        Core.Articles.Article article;
        try { article = Reads.ArticleFrom(id, text, published, url, outlet, title); }
        catch (BadInputException e) { return IngestForm(ctx, e.Message); }
        var r = ctx.RequestServices.GetRequiredService<RegistryService>();
        var editorial = ctx.RequestServices.GetRequiredService<IEditorial>();
        var by = By(ctx);
        var outcome = r.Write(s => editorial.Ingest(s, article, by));
        return Results.Redirect(outcome.ProposedClaimIds.Count > 0
            ? $"/review?article={Uri.EscapeDataString(outcome.ArticleId)}"
            : $"/articles/{Uri.EscapeDataString(outcome.ArticleId)}");
    }

    private static IResult Audit(HttpContext ctx, RegistryService r, string? offset)
    {
        var page = Paging.From(offset, "100");
        var entries = r.Read(s => page.Offset >= s.AuditCount() ? [] : s.AuditLog(page.End).Skip(page.Offset).ToList());
        var rows = Join(entries.Select(e => H($"""<tr><td>{e.Seq}</td><td>{e.At:yyyy-MM-dd HH:mm:ss}</td><td>{e.Actor}</td><td>{e.Action}</td><td><code>{e.Subject}</code></td><td><code class="json">{e.Before ?? ""}</code></td><td><code class="json">{e.After ?? ""}</code></td></tr>""")));
        var next = entries.Count == page.Limit ? H($"""<p><a href="/audit?offset={page.End}">Older</a></p>""") : Empty;
        return Layout.Page(ctx, "Audit log", H($"""
            <h1>Audit log</h1><p>Every change, newest first: who, when, what, and the record before and after.</p>
            <div class="matrix-wrap"><table class="audit"><thead><tr><th scope="col">#</th><th scope="col">When (UTC)</th><th scope="col">Who</th><th scope="col">Action</th><th scope="col">Subject</th><th scope="col">Before</th><th scope="col">After</th></tr></thead><tbody>{rows}</tbody></table></div>
            {next}
            """));
    }
}
