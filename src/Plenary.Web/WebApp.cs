using System.Reflection;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.RateLimiting;
using System.Threading.RateLimiting;
using Plenary.Store;
using Plenary.Store.Accounts;
using Plenary.Web.Accounts;
using Plenary.Web.Api;
using Plenary.Web.Editorial;
using Plenary.Web.Pages;
using Scalar.AspNetCore;

namespace Plenary.Web;

/// <summary>What the server runs on: the registry file, how to open (and seed) it, where to listen.</summary>
public sealed record WebSettings(string DbPath, Func<string, RegistryStore> Open)
{
    public IReadOnlyList<string> Urls { get; init; } = ["http://127.0.0.1:5080"];
    /// <summary>The ingest/review operations; the editorial desk with the news reader (<see cref="DeskEditorial"/>) when not given.</summary>
    public IEditorial? Editorial { get; init; }
    public LogLevel LogLevel { get; init; } = LogLevel.Warning;
    /// <summary>Configuration values laid over the usual sources (e.g. <c>Plenary:SignIn:FailuresPerName</c>); for tests.</summary>
    public IReadOnlyDictionary<string, string?>? Configuration { get; init; }
    /// <summary>Changes to the host before it is built; for tests (e.g. an in-process test server instead of Kestrel).</summary>
    public Action<WebApplicationBuilder>? ConfigureHost { get; init; }
}

/// <summary>The composition root of <c>plenary serve</c>: services, authentication, the API, the pages.</summary>
public static class WebApp
{
    public const string SmartScheme = "plenary";

    /// <summary>
    /// The largest request body taken (413 above it): room for the longest article the registry takes in
    /// (<see cref="Plenary.Core.Articles.Article.MaxTextLength"/> characters) even with every character JSON-escaped.
    /// </summary>
    public const long MaxRequestBodyBytes = 8L * Plenary.Core.Articles.Article.MaxTextLength;

    public static WebApplication Build(WebSettings settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
            // No file watchers on configuration: the server reads none, and tests start many servers.
            Args = ["--hostBuilder:reloadConfigOnChange=false"],
        });
        builder.WebHost.UseUrls([.. settings.Urls]);
        builder.WebHost.ConfigureKestrel(o => o.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        settings.ConfigureHost?.Invoke(builder);
        if (settings.Configuration is not null) builder.Configuration.AddInMemoryCollection(settings.Configuration);
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.SetMinimumLevel(settings.LogLevel);
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);
        // A host that fails to start (port in use, no certificate) is reported by `plenary serve` in one line.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);

        var services = builder.Services;
        services.AddSingleton(_ => new RegistryService(settings.DbPath, settings.Open));
        services.AddSingleton<AccountService>();
        services.Configure<SignInLimitOptions>(builder.Configuration.GetSection(SignInLimitOptions.Section));
        services.AddSingleton<SignInThrottle>();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignInThrottle.Policy, ctx =>
            {
                var limits = ctx.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<SignInLimitOptions>>().Value;
                return RateLimitPartition.GetFixedWindowLimiter(SignInThrottle.ClientAddress(ctx), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = Math.Max(1, limits.AttemptsPerAddress), Window = limits.Window, QueueLimit = 0, AutoReplenishment = true,
                });
            });
            o.OnRejected = (c, _) => EditorPages.TooManyAttempts(c.HttpContext,
                c.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : null);
        });
        services.AddSingleton(settings.Editorial ?? new DeskEditorial());
        services.AddProblemDetails();
        // The pages are Razor components rendered on the server (RazorComponentResult); text keeps non-ASCII letters readable.
        services.AddRazorComponents();
        services.AddSingleton(System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All));
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = ApiJson.Options.PropertyNamingPolicy;
            o.SerializerOptions.Encoder = ApiJson.Options.Encoder;
            foreach (var c in ApiJson.Options.Converters) o.SerializerOptions.Converters.Add(c);
        });
        services.AddOpenApi("v1", o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "Plenary API";
            doc.Info.Version = "v1";
            doc.Info.Description = "A time-aware, source-cited registry of international organizations. Reading is public; " +
                                   "writing needs an editor's API key: `Authorization: Bearer KEY` (`plenary user add NAME --role editor`).";
            // The registry's own questions first in the docs, then the intake and the housekeeping (Scalar keeps this order).
            if (doc.Tags is { Count: > 1 } tags)
            {
                var ordered = tags.OrderBy(t => Array.IndexOf(TagOrder, t.Name) is var i and >= 0 ? i : TagOrder.Length).ThenBy(t => t.Name, StringComparer.Ordinal).ToList();
                tags.Clear();
                foreach (var t in ordered) tags.Add(t);
            }
            return Task.CompletedTask;
        }));

        services.AddAuthentication(SmartScheme)
            .AddPolicyScheme(SmartScheme, "API key or cookie", o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Path.StartsWithSegments("/api") || ctx.Request.Headers.Authorization.Count > 0
                    ? ApiKeyHandler.SchemeName : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyHandler>(ApiKeyHandler.SchemeName, null)
            .AddCookie(CookieAuthenticationDefaults.AuthenticationScheme, o =>
            {
                o.Cookie.Name = "plenary.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest; // Secure whenever the site is served over HTTPS
                o.LoginPath = "/signin";
                o.LogoutPath = "/signout";
                o.AccessDeniedPath = "/denied";
                o.ExpireTimeSpan = TimeSpan.FromHours(12);
                o.SlidingExpiration = true;
                // The cookie names a session the server keeps: each request checks that it has not ended (sign-out,
                // a new password, a disabled account) and takes the account's current role.
                o.Events.OnValidatePrincipal = async ctx =>
                {
                    var accounts = ctx.HttpContext.RequestServices.GetRequiredService<AccountService>();
                    var account = ctx.Principal?.FindFirst(AccountService.SessionClaim)?.Value is { } sid ? accounts.FindSession(sid) : null;
                    if (account is null)
                    {
                        ctx.RejectPrincipal();
                        await ctx.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                        return;
                    }
                    ctx.ReplacePrincipal(AccountService.Principal(account, CookieAuthenticationDefaults.AuthenticationScheme, ctx.Principal!.FindFirst(AccountService.SessionClaim)!.Value));
                };
            });
        services.AddAuthorization(o =>
        {
            o.AddPolicy(ApiEndpoints.EditorPolicy, p => p.RequireAuthenticatedUser().RequireRole(AccountStore.RoleName(AccountRole.Editor), AccountStore.RoleName(AccountRole.Admin)));
            o.AddPolicy(ApiEndpoints.AdminPolicy, p => p.RequireAuthenticatedUser().RequireRole(AccountStore.RoleName(AccountRole.Admin)));
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "plenary.af";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.FormFieldName = "__af";
        });

        var app = builder.Build();
        app.Use(SecurityHeaders);
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandler = HandleError,
            StatusCodeSelector = StatusOf,
            // A caller's mistake (400, 404, 409) and a busy registry (503) are answered, not logged as unhandled exceptions with a stack trace.
            SuppressDiagnosticsCallback = c => StatusOf(c.Exception) is < StatusCodes.Status500InternalServerError or StatusCodes.Status503ServiceUnavailable,
        });
        app.Use(LimitBody);
        app.Use(RefuseNul);
        app.UseStatusCodePages(async ctx =>
        {
            var http = ctx.HttpContext;
            if (http.Response.HasStarted || http.Response.ContentLength > 0 || http.Response.ContentType is not null) return;
            var status = http.Response.StatusCode;
            var detail = status == 404 ? $"nothing at {http.Request.Path}" : $"status {status}";
            if (IsApi(http)) await Problems.Write(http, status, status == 404 ? "Not found" : "Error", detail);
            else await PageEndpoints.Error(http, status, detail);
        });
        app.UseAuthentication();
        // A request that sends an API key the server does not accept (unknown, revoked, or its account disabled) is
        // refused with 401, even where reading is public: it never falls back to anonymous.
        app.Use(async (ctx, next) =>
        {
            if (ctx.Request.Headers.Authorization.Count > 0 && ctx.User.Identity?.IsAuthenticated != true)
            {
                await ctx.ChallengeAsync(ApiKeyHandler.SchemeName);
                return;
            }
            await next();
        });
        app.UseAuthorization();
        app.UseRateLimiter();

        app.MapOpenApi("/openapi/{documentName}.json");
        // The reference shows the API and nothing else: no AI chat, no deploy toolbar, no telemetry calls out.
        app.MapScalarApiReference("/docs", o =>
        {
            o.WithTitle("Plenary API").WithOpenApiRoutePattern("/openapi/{documentName}.json");
            o.Agent = new ScalarAgentOptions { Disabled = true };
            o.ShowDeveloperTools = DeveloperToolsVisibility.Never;
            o.Telemetry = false;
            o.HideClientButton = true;
        });
        app.MapGet("/assets/{name}", Asset).ExcludeFromDescription();
        ApiEndpoints.Map(app);
        app.MapFeedsApi().MapReviewQueueApi();
        PageEndpoints.Map(app);
        return app;
    }

    private static readonly string[] TagOrder = ["registry", "feeds", "accounts", "meta"];

    public static bool IsApi(HttpContext ctx) => ctx.Request.Path.StartsWithSegments("/api") || ctx.Request.Path.StartsWithSegments("/openapi");

    private static int StatusOf(Exception e) => e switch
    {
        BadHttpRequestException b => b.StatusCode,
        BadInputException or FormatException or ArgumentException or AntiforgeryValidationException => StatusCodes.Status400BadRequest,
        NotFoundException or KeyNotFoundException => StatusCodes.Status404NotFound,
        ConflictException or AccountExistsException => StatusCodes.Status409Conflict,
        StoreBusyException => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };

    private static async Task HandleError(HttpContext ctx)
    {
        var e = ctx.Features.Get<IExceptionHandlerFeature>()?.Error;
        var status = e is null ? 500 : StatusOf(e);
        // Messages of the caller's own mistakes are shown; an internal error is not described (it is logged).
        if (e is StoreBusyException)
            ctx.Response.Headers.RetryAfter = ((int)Math.Ceiling(StoreBusyException.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var detail = status == 500 || e is null ? "An internal error occurred." : e is AntiforgeryValidationException ? "The form expired or was not sent by this site: reload the page and try again." : e.Message;
        var title = status switch { 400 => "Bad request", 404 => "Not found", 409 => "Conflict", 413 => "Content too large", 503 => "Busy", _ when status < 500 => "Bad request", _ => "Internal error" };
        if (IsApi(ctx)) await Problems.Write(ctx, status, title, detail);
        else await PageEndpoints.Error(ctx, status, detail);
    }

    /// <summary>A body announced larger than <see cref="MaxRequestBodyBytes"/> is refused before it is read; one that turns out larger while read fails there (Kestrel's limit, or this one on other servers).</summary>
    private static Task LimitBody(HttpContext ctx, Func<Task> next)
    {
        if (ctx.Request.ContentLength > MaxRequestBodyBytes)
            throw new BadHttpRequestException(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"the request body has {ctx.Request.ContentLength:N0} bytes: at most {MaxRequestBodyBytes:N0} are taken"), StatusCodes.Status413PayloadTooLarge);
        if (ctx.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = MaxRequestBodyBytes;
        return next();
    }

    /// <summary>
    /// A query value holding a NUL character is refused (400): no name, id or date has one, and PostgreSQL refuses NUL in
    /// text outright (found by the HTTP fuzzer: `/api/v1/claims?source=%00…` was a 500 there).
    /// </summary>
    private static Task RefuseNul(HttpContext ctx, Func<Task> next)
    {
        foreach (var (name, values) in ctx.Request.Query)
            if (name.Contains('\0', StringComparison.Ordinal) || values.Any(v => v is not null && v.Contains('\0', StringComparison.Ordinal)))
                throw new BadHttpRequestException($"the query parameter '{name.Replace("\0", "\\0", StringComparison.Ordinal)}' holds a NUL character (%00): no value here may contain one", StatusCodes.Status400BadRequest);
        return next();
    }

    private static Task SecurityHeaders(HttpContext ctx, Func<Task> next)
    {
        var h = ctx.Response.Headers;
        h.XContentTypeOptions = "nosniff";
        h["Referrer-Policy"] = "same-origin";
        h.XFrameOptions = "DENY";
        // Over HTTPS, browsers are told to keep to it (never sent over plain HTTP, where it would mean nothing).
        if (ctx.Request.IsHttps) h.StrictTransportSecurity = "max-age=31536000";
        // The pages run only this site's own script and style; the interactive docs (Scalar) need their own inline code.
        if (!ctx.Request.Path.StartsWithSegments("/docs") && !ctx.Request.Path.StartsWithSegments("/scalar"))
            h.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";
        return next();
    }

    private static readonly Dictionary<string, (byte[] Body, string Type, string ETag)> Assets = LoadAssets();

    private static Dictionary<string, (byte[], string, string)> LoadAssets()
    {
        var asm = Assembly.GetExecutingAssembly();
        var result = new Dictionary<string, (byte[], string, string)>(StringComparer.Ordinal);
        const string prefix = "Plenary.Web.Assets.";
        foreach (var name in asm.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            using var s = asm.GetManifestResourceStream(name)!;
            using var ms = new MemoryStream();
            s.CopyTo(ms);
            var bytes = ms.ToArray();
            var type = name.EndsWith(".css", StringComparison.Ordinal) ? "text/css; charset=utf-8"
                : name.EndsWith(".js", StringComparison.Ordinal) ? "text/javascript; charset=utf-8" : "application/octet-stream";
            result[name[prefix.Length..]] = (bytes, type, "\"" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))[..16] + "\"");
        }
        return result;
    }

    public static string AssetUrl(string name) => Assets.TryGetValue(name, out var a) ? $"/assets/{name}?v={a.ETag.Trim('"')}" : $"/assets/{name}";

    private static IResult Asset(HttpContext ctx, string name)
    {
        if (!Assets.TryGetValue(name, out var a)) return Results.NotFound();
        ctx.Response.Headers.ETag = a.ETag;
        ctx.Response.Headers.CacheControl = "public, max-age=86400";
        if (ctx.Request.Headers.IfNoneMatch == a.ETag) return Results.StatusCode(StatusCodes.Status304NotModified);
        return Results.Bytes(a.Body, a.Type);
    }
}
