using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Plenary.Web.Components;

/// <summary>A page component's two parameters: who is asking, and what the page shows (built by its endpoint).</summary>
public abstract class PageBase<TModel> : ComponentBase
{
    [Parameter, EditorRequired] public Viewer Viewer { get; set; } = null!;
    [Parameter, EditorRequired] public TModel Model { get; set; } = default!;
}

/// <summary>Renders a page component as the answer: never cached by the browser (what it shows changes with every write).</summary>
public static class PageResult
{
    public static IResult Of<TPage, TModel>(HttpContext ctx, TModel model, int status = StatusCodes.Status200OK) where TPage : PageBase<TModel>
    {
        ctx.Response.Headers.CacheControl = "no-store";
        return new RazorComponentResult<TPage>(new Dictionary<string, object?> { ["Viewer"] = new Viewer(ctx), ["Model"] = model })
        {
            StatusCode = status,
            ContentType = "text/html; charset=utf-8",
        };
    }
}
