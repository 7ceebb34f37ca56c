using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Plenary.Core.Claims;
using Plenary.Store;
using Plenary.Store.Queries;
using Plenary.Web.Accounts;
using Plenary.Web.Api;
using Plenary.Web.Editorial;
using Plenary.Web.Components;
using Plenary.Web.Components.Pages;

namespace Plenary.Web.Pages;

/// <summary>Sign-in, the review queue, the ingest form and the audit log. Every form that posts is checked for its antiforgery token.</summary>
public static class EditorPages
{
    /// <param name="pages">Where anyone may go (sign-in); <paramref name="editor"/>: only an editor.</param>
    public static void Map(IEndpointRouteBuilder pages, IEndpointRouteBuilder editor)
    {
        pages.MapGet("/signin", SignInForm);
        pages.MapForm("/signin", SignIn).RequireRateLimiting(SignInThrottle.Policy);
        pages.MapForm("/signout", async (ctx, _) =>
        {
            // End the session on the server first: a copy of the cookie must not outlive the sign-out.
            if (ctx.User.FindFirst(AccountService.SessionClaim)?.Value is { } sid)
                ctx.RequestServices.GetRequiredService<AccountService>().EndSession(sid);
            await ctx.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.Redirect("/");
        });
        pages.MapGet("/denied", (HttpContext ctx) => PageResult.Of<ErrorPage, ErrorPage.Info>(ctx,
            new("Not allowed", "Your account may not do this: it needs the editor role.", []), StatusCodes.Status403Forbidden));

        editor.MapGet("/review", Review);
        editor.MapForm("/review/{id}/accept", (ctx, form) => Decide(ctx, form, ReviewState.Accepted));
        editor.MapForm("/review/{id}/reject", (ctx, form) => Decide(ctx, form, ReviewState.Rejected));
        editor.MapForm("/review/{id}/correct", Correct);
        editor.MapForm("/review/accept-all", AcceptAll);
        editor.MapForm("/review/accept-confirmations", AcceptConfirmations);

        editor.MapGet("/ingest", (HttpContext ctx) => IngestForm(ctx, null));
        editor.MapForm("/ingest", Ingest);

        pages.MapGet("/audit", Audit).RequireAuthorization(ApiEndpoints.AdminPolicy);
    }

    private static string LocalUrl(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) ? url : "/";

    private static IResult SignInForm(HttpContext ctx, string? returnUrl) => SignInPage(ctx, returnUrl, null);

    private static IResult SignInPage(HttpContext ctx, string? returnUrl, string? error, int errorStatus = StatusCodes.Status401Unauthorized) =>
        PageResult.Of<SignInPage, SignInPage.Info>(ctx, new(LocalUrl(returnUrl), error), error is null ? 200 : errorStatus);

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
        var model = r.Read(s =>
        {
            var views = new RegistryQueries.ViewCache(s);
            var proposed = s.Claims(new ClaimFilter { Review = ReviewState.Proposed, SourceId = string.IsNullOrEmpty(article) ? null : article });
            var groups = proposed.GroupBy(c => c.SourceId).Select(g =>
            {
                var found = s.FindArticle(g.Key);
                return new ReviewPage.Group(g.Key, found?.Title ?? g.Key, found?.Text, g.Select(views.Of).ToList());
            }).ToList();
            // What accepting each claim would change (the desk's rule), over the whole queue.
            var changes = new Plenary.Editorial.Desk(s).QueueByChange();
            return new ReviewPage.Info(groups, s.Catalog, changes.Select(c => (c.Kind, c.Claims.Count)).ToList(),
                changes.SelectMany(c => c.Claims.Select(x => (x.Id, c.Kind))).ToDictionary(x => x.Id, x => x.Kind, StringComparer.Ordinal));
        });
        return PageResult.Of<ReviewPage, ReviewPage.Info>(ctx, model);
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

    /// <summary>Every proposed claim that only confirms an accepted fact, accepted in one action (the desk decides which).</summary>
    private static Task<IResult> AcceptConfirmations(HttpContext ctx, IFormCollection form)
    {
        var by = By(ctx);
        ctx.RequestServices.GetRequiredService<RegistryService>().Write(s => new Plenary.Editorial.Desk(s).AcceptConfirmations(by));
        return Task.FromResult(Results.Redirect("/review"));
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

    /// <summary>
    /// A correction from the review queue's form: the fact's fields one by one (only those changed are applied); a client
    /// may still send the changes as one JSON object in <c>fact</c>, as the API takes them.
    /// </summary>
    private static Task<IResult> Correct(HttpContext ctx, IFormCollection form)
    {
        var id = (string)ctx.Request.RouteValues["id"]!;
        var r = ctx.RequestServices.GetRequiredService<RegistryService>();
        var editorial = ctx.RequestServices.GetRequiredService<IEditorial>();
        var by = By(ctx);
        var note = form["note"].ToString() is { Length: > 0 } n ? n : null;
        var claim = r.Write(s =>
        {
            var old = s.FindClaim(id) ?? throw new NotFoundException($"no claim '{id}'");
            using var changes = Changes(old, form);
            return editorial.Correct(s, id, Reads.Overlay(old.Fact, changes.RootElement), by, note);
        });
        return Task.FromResult(Results.Redirect($"/review?article={Uri.EscapeDataString(claim.SourceId)}"));
    }

    private static JsonDocument Changes(Core.Claims.Claim old, IFormCollection form)
    {
        if (form.ContainsKey("fact"))
        {
            try { return JsonDocument.Parse(Inputs.Required(form["fact"], "fact")); }
            catch (JsonException e) { throw new BadInputException($"fact: not valid JSON: {e.Message}"); }
        }
        using var current = JsonDocument.Parse(Core.Claims.ClaimJson.FactToJson(old.Fact));
        return JsonDocument.Parse(CorrectionFields.Changes(old.Type, current.RootElement, form).ToJsonString());
    }

    private static IResult IngestForm(HttpContext ctx, string? error) =>
        PageResult.Of<IngestPage, string?>(ctx, error, error is null ? 200 : 400);

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
        return PageResult.Of<AuditPage, AuditPage.Info>(ctx, new(entries, entries.Count == page.Limit ? page.End : null));
    }
}
