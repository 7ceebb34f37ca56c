using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;

namespace Plenary.Web.Components;

/// <summary>
/// Who is asking, as the pages need it: the layout's account box and navigation, the search box's text, and the
/// antiforgery token for forms that post. Built from the request before rendering, so components never reach for HttpContext.
/// </summary>
public sealed class Viewer
{
    private readonly Lazy<(string Field, string Value)> _token;

    public Viewer(HttpContext ctx)
    {
        User = ctx.User.Identity?.IsAuthenticated == true ? ctx.User.Identity.Name : null;
        Role = ctx.User.FindFirst(ClaimTypes.Role)?.Value;
        IsEditor = ctx.User.IsInRole("editor") || ctx.User.IsInRole("admin");
        IsAdmin = ctx.User.IsInRole("admin");
        Query = ctx.Request.Query["q"].ToString();
        Here = ctx.Request.Path + ctx.Request.QueryString;
        // Asked for only by pages with a form that posts (it sets the antiforgery cookie), before the response starts.
        _token = new(() =>
        {
            var tokens = ctx.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(ctx);
            return (tokens.FormFieldName, tokens.RequestToken ?? "");
        });
    }

    public string? User { get; }
    public string? Role { get; }
    public bool IsEditor { get; }
    public bool IsAdmin { get; }
    /// <summary>The search box's text (the <c>q</c> of the address).</summary>
    public string Query { get; }
    /// <summary>This page's path and query, where sign-in returns to.</summary>
    public string Here { get; }
    public (string Field, string Value) Token => _token.Value;
}
