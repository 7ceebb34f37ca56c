using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Plenary.Store.Accounts;

namespace Plenary.Web.Accounts;

/// <summary>A new account's API key: shown once, never stored in clear.</summary>
public sealed record NewAccount(Account Account, string ApiKey);

/// <summary>
/// Accounts with their secrets: passwords hashed with ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/>
/// (PBKDF2-HMAC-SHA512, salted, 100 000 iterations), API keys made of 32 random bytes and stored as their SHA-256
/// (a key is random and long, so a fast hash is enough and lets a key be looked up by its hash).
/// </summary>
public sealed class AccountService(RegistryService registry)
{
    public const string KeyPrefix = "plk_";
    private static readonly PasswordHasher<string> Hasher = new();

    public NewAccount Add(string name, AccountRole role, string? password, string by)
    {
        CheckName(name);
        if (password is not null) CheckPassword(password);
        var key = NewKey();
        var account = registry.Write(s => new AccountStore(s).Add(name, role, password is null ? null : Hasher.HashPassword(name, password), HashKey(key), key[..10], by));
        return new NewAccount(account, key);
    }

    public string NewApiKey(string name, bool revokeOthers, string by)
    {
        var key = NewKey();
        registry.Write(s => { new AccountStore(s).AddKey(name, HashKey(key), key[..10], revokeOthers, by); return 0; });
        return key;
    }

    public void SetPassword(string name, string password, string by)
    {
        CheckPassword(password);
        registry.Write(s => { new AccountStore(s).SetPassword(name, Hasher.HashPassword(name, password), by); return 0; });
    }

    /// <summary>Disables (or enables) an account; false when it already was. Disabling ends its browser sessions.</summary>
    public bool SetDisabled(string name, bool disabled, string by) =>
        registry.Write(s => new AccountStore(s).SetDisabled(name, disabled, by));

    /// <summary>The longest a browser session lasts, however active: after it, sign in again.</summary>
    public static TimeSpan MaxSessionAge => AccountStore.MaxSessionAge;

    /// <summary>Starts a browser session for an account; returns its random id, which only the (encrypted) cookie carries.</summary>
    public string StartSession(Account account)
    {
        var id = Base64Url(RandomNumberGenerator.GetBytes(32));
        registry.Write(s => { new AccountStore(s).StartSession(account.Id, HashKey(id)); return 0; });
        return id;
    }

    /// <summary>Ends a browser session on the server (signing out): a copy of its cookie is refused from now on.</summary>
    public void EndSession(string id) => registry.Write(s => new AccountStore(s).EndSession(HashKey(id), "signed-out"));

    /// <summary>
    /// The account of a live session: null when the session is unknown, ended (signed out, password changed, account
    /// disabled) or older than <see cref="MaxSessionAge"/>. Asked on every cookie-authenticated request; the answer is
    /// cached only until the next write to the registry by anyone, so an ended session is refused at its next request.
    /// </summary>
    public Account? FindSession(string id)
    {
        if (id.Length is 0 or > 100) return null;
        var hash = HashKey(id);
        var found = registry.Cached("session|" + hash, s => new SessionLookup(new AccountStore(s).FindSession(hash)));
        return found.Session is { } live && DateTimeOffset.UtcNow - live.CreatedAt < MaxSessionAge ? live.Account : null;
    }

    private sealed record SessionLookup(SessionRecord? Session);

    public IReadOnlyList<Account> All() => registry.Read(s => new AccountStore(s).All());

    /// <summary>The account a password signs in, or null (unknown name, no password set, wrong password, disabled).</summary>
    public Account? CheckPassword(string name, string password)
    {
        var account = registry.Read(s => new AccountStore(s).FindByName(name));
        if (account is null || account.Disabled || account.PasswordHash is null)
        {
            // Spend the same time as a real check, so response time does not reveal which names exist.
            Hasher.VerifyHashedPassword(name, DummyHash, password);
            return null;
        }
        var result = Hasher.VerifyHashedPassword(account.Name, account.PasswordHash, password);
        return result == PasswordVerificationResult.Failed ? null : account;
    }

    public Account? FindByKey(string key)
    {
        if (!key.StartsWith(KeyPrefix, StringComparison.Ordinal) || key.Length > 100) return null;
        var account = registry.Read(s => new AccountStore(s).FindByKeyHash(HashKey(key)));
        return account is { Disabled: false } ? account : null;
    }

    /// <summary>The claim type of a browser session's id in the cookie's principal.</summary>
    public const string SessionClaim = "plenary:session";

    public static ClaimsPrincipal Principal(Account account, string scheme, string? sessionId = null)
    {
        List<Claim> claims = [new Claim(ClaimTypes.Name, account.Name), new Claim(ClaimTypes.Role, AccountStore.RoleName(account.Role))];
        if (sessionId is not null) claims.Add(new Claim(SessionClaim, sessionId));
        return new(new ClaimsIdentity(claims, scheme));
    }

    private static readonly string DummyHash = Hasher.HashPassword("", Guid.NewGuid().ToString());

    private static string NewKey() => KeyPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string HashKey(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static void CheckName(string name)
    {
        if (name.Length is 0 or > 64 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '@'))
            throw new ArgumentException($"'{name}' is not an account name: use 1 to 64 letters, digits, '-', '_', '.' or '@'");
    }

    private static void CheckPassword(string password)
    {
        if (password.Length < 10) throw new ArgumentException("a password needs at least 10 characters");
    }
}
