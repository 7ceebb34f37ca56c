using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Plenary.Web.Markup;
using static Plenary.Web.Markup.Html;

namespace Plenary.Web.Pages;

/// <summary>The frame around every page: header with the search box and navigation, main content, footer.</summary>
public static class Layout
{
    public static bool IsEditor(HttpContext ctx) => ctx.User.IsInRole("editor") || ctx.User.IsInRole("admin");
    public static bool IsAdmin(HttpContext ctx) => ctx.User.IsInRole("admin");

    /// <summary>The hidden antiforgery field every form that posts carries.</summary>
    public static Html Token(HttpContext ctx)
    {
        var tokens = ctx.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(ctx);
        return H($"""<input type="hidden" name="{tokens.FormFieldName}" value="{tokens.RequestToken}">""");
    }

    public static IResult Page(HttpContext ctx, string title, Html body, int status = 200)
    {
        var user = ctx.User.Identity?.IsAuthenticated == true ? ctx.User.Identity.Name : null;
        var role = ctx.User.FindFirst(ClaimTypes.Role)?.Value;
        var nav = Join([
            H($"""<a href="/orgs">Organizations</a>"""),
            H($"""<a href="/states">States</a>"""),
            H($"""<a href="/persons">Persons</a>"""),
            H($"""<a href="/articles">Articles</a>"""),
            If(IsEditor(ctx), H($"""<a href="/review">Review</a><a href="/ingest">Ingest</a>""")),
            If(IsAdmin(ctx), H($"""<a href="/audit">Audit log</a>""")),
        ]);
        var account = user is null
            ? H($"""<a class="signin" href="/signin?returnUrl={Uri.EscapeDataString(ctx.Request.Path + ctx.Request.QueryString)}">Sign in</a>""")
            : H($"""<form class="signout" method="post" action="/signout">{Token(ctx)}<span class="who">{user} <small>({role})</small></span> <button type="submit" class="link">Sign out</button></form>""");
        var page = H($"""
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{title} — Plenary</title>
            <link rel="stylesheet" href="{WebApp.AssetUrl("site.css")}">
            <script src="{WebApp.AssetUrl("site.js")}" defer></script>
            </head>
            <body>
            <a class="skip" href="#main">Skip to content</a>
            <header class="top">
              <a class="brand" href="/">Plenary</a>
              <form class="search" action="/search" method="get" role="search">
                <label for="top-q" class="sr">Search the registry</label>
                <input id="top-q" name="q" type="search" placeholder="Organization, state, person or words from an article" value="{ctx.Request.Query["q"].ToString()}">
                <button type="submit">Search</button>
              </form>
              <nav aria-label="Main">{nav}</nav>
              <div class="account">{account}</div>
            </header>
            <main id="main">
            {body}
            </main>
            <footer>Plenary — who is in, who showed up, who said what. <a href="/docs">API documentation</a> · <a href="/openapi/v1.json">OpenAPI</a></footer>
            </body>
            </html>
            """);
        ctx.Response.Headers.CacheControl = "no-store";
        return Results.Content(page.Value, "text/html; charset=utf-8", statusCode: status);
    }
}
