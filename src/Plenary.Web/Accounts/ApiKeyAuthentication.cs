using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Plenary.Web.Accounts;

/// <summary>
/// <c>Authorization: Bearer KEY</c> for the HTTP API. No header: anonymous (reading is public). A key that is not
/// valid fails authentication. Challenges and refusals answer with RFC 9457 problem details, never a redirect.
/// </summary>
public sealed class ApiKeyHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, AccountService accounts)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (header.Length == 0) return Task.FromResult(AuthenticateResult.NoResult());
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return Task.FromResult(AuthenticateResult.Fail("the Authorization header must be 'Bearer KEY'"));
        var account = accounts.FindByKey(header["Bearer ".Length..].Trim());
        if (account is null) return Task.FromResult(AuthenticateResult.Fail("unknown or revoked API key"));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(AccountService.Principal(account, SchemeName), SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (Request.Headers.Authorization.Count > 0)
        {
            Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
            return Problems.Write(Context, StatusCodes.Status401Unauthorized, "Authentication failed",
                "The API key is not accepted: it is unknown or revoked, or its account is disabled. Send 'Authorization: Bearer KEY'.");
        }
        Response.Headers.WWWAuthenticate = "Bearer";
        return Problems.Write(Context, StatusCodes.Status401Unauthorized, "Authentication required",
            "This needs an editor's API key: send 'Authorization: Bearer KEY' (plenary user add NAME --role editor prints one).");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Problems.Write(Context, StatusCodes.Status403Forbidden, "Forbidden", "This API key's account may not do this: it needs the editor or admin role.");
}
