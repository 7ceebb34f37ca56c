using System.Text.Json;
using System.Data.Common;
using Dapper;

namespace Plenary.Store.Accounts;

/// <summary>What a person may do: read (an API key without write rights), edit (ingest, review), administer (also read the audit log).</summary>
public enum AccountRole { Reader, Editor, Admin }

public sealed record Account(long Id, string Name, AccountRole Role, string? PasswordHash, DateTimeOffset CreatedAt, bool Disabled);

/// <summary>A signed-in browser's session as the server knows it: whose, since when, and whether it has ended.</summary>
public sealed record SessionRecord(Account Account, DateTimeOffset CreatedAt);

public sealed record ApiKeyRecord(long Id, long UserId, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

/// <summary>The name is taken: accounts are unique by name, case ignored.</summary>
public sealed class AccountExistsException(string name) : InvalidOperationException($"an account named '{name}' already exists");

/// <summary>
/// Accounts, API keys (migration 0020) and browser sessions (migration 0022) in the registry file. This class only stores what it is given: hashing
/// passwords and keys is the caller's (the web layer's) business, so the store never sees a secret in clear.
/// Every change is written to the audit log in the same transaction.
/// </summary>
public sealed class AccountStore(RegistryStore store)
{
    private object T(DateTimeOffset t) => store.Engine.TimeValue(t);

    private DateTimeOffset ReadTime(object v) => store.Engine.ReadTime(v);

    public static string RoleName(AccountRole role) => role switch
    {
        AccountRole.Reader => "reader",
        AccountRole.Editor => "editor",
        AccountRole.Admin => "admin",
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    public static bool TryParseRole(string? text, out AccountRole role)
    {
        role = AccountRole.Reader;
        switch (text)
        {
            case "reader": role = AccountRole.Reader; return true;
            case "editor": role = AccountRole.Editor; return true;
            case "admin": role = AccountRole.Admin; return true;
            default: return false;
        }
    }

    /// <summary>Creates an account with its first API key; refuses a name already taken.</summary>
    public Account Add(string name, AccountRole role, string? passwordHash, string keyHash, string keyPrefix, string by, DateTimeOffset? at = null)
    {
        var when = at ?? DateTimeOffset.UtcNow;
        return store.InTransaction(tx =>
        {
            using (var exists = tx.Command("SELECT count(*) FROM users WHERE lower(name) = lower(@n)"))
            {
                exists.Add("@n", name);
                if ((long)exists.ExecuteScalar()! > 0) throw new AccountExistsException(name);
            }
            long id;
            using (var cmd = tx.Command("INSERT INTO users(name, role, password_hash, created_at) VALUES (@n, @r, @p, @at) RETURNING id"))
            {
                cmd.Add("@n", name);
                cmd.Add("@r", RoleName(role));
                cmd.Add("@p", passwordHash);
                cmd.Add("@at", T(when));
                id = Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
            }
            InsertKey(tx, id, keyHash, keyPrefix, when);
            store.AuditIn(tx, by, "user-add", $"user/{name}", null,
                JsonSerializer.Serialize(new { name, role = RoleName(role), password = passwordHash is not null, key_prefix = keyPrefix }), when);
            return new Account(id, name, role, passwordHash, when, false);
        });
    }

    /// <summary>Gives an account a new API key; the earlier keys stay valid unless <paramref name="revokeOthers"/>.</summary>
    public void AddKey(string name, string keyHash, string keyPrefix, bool revokeOthers, string by, DateTimeOffset? at = null)
    {
        var when = at ?? DateTimeOffset.UtcNow;
        store.InTransaction(tx =>
        {
            var account = Find(tx.Connection, tx.Transaction, "lower(u.name) = lower(@v)", name) ?? throw new KeyNotFoundException($"no account named '{name}'");
            if (revokeOthers)
            {
                using var revoke = tx.Command("UPDATE api_keys SET revoked_at = @at WHERE user_id = @u AND revoked_at IS NULL");
                revoke.Add("@at", T(when));
                revoke.Add("@u", account.Id);
                revoke.ExecuteNonQuery();
            }
            InsertKey(tx, account.Id, keyHash, keyPrefix, when);
            store.AuditIn(tx, by, "key-add", $"user/{account.Name}", null, JsonSerializer.Serialize(new { key_prefix = keyPrefix, revoked_others = revokeOthers }), when);
        });
    }

    /// <summary>Sets the password and ends the account's browser sessions (a cookie issued before no longer works).</summary>
    public void SetPassword(string name, string passwordHash, string by, DateTimeOffset? at = null)
    {
        var when = at ?? DateTimeOffset.UtcNow;
        store.InTransaction(tx =>
        {
            var account = Find(tx.Connection, tx.Transaction, "lower(u.name) = lower(@v)", name) ?? throw new KeyNotFoundException($"no account named '{name}'");
            using (var cmd = tx.Command("UPDATE users SET password_hash = @p WHERE id = @u"))
            {
                cmd.Add("@p", passwordHash);
                cmd.Add("@u", account.Id);
                cmd.ExecuteNonQuery();
            }
            var ended = EndSessions(tx, account.Id, "password-set", when);
            store.AuditIn(tx, by, "password-set", $"user/{account.Name}", null, JsonSerializer.Serialize(new { sessions_ended = ended }), when);
        });
    }

    /// <summary>
    /// Disables or enables an account. A disabled account cannot sign in, its API keys are refused and its browser
    /// sessions are ended; enabling it makes its (unrevoked) API keys valid again, and it signs in afresh.
    /// Returns false, and changes (and logs) nothing, when the account is already so.
    /// </summary>
    public bool SetDisabled(string name, bool disabled, string by, DateTimeOffset? at = null)
    {
        var when = at ?? DateTimeOffset.UtcNow;
        return store.InTransaction(tx =>
        {
            var account = Find(tx.Connection, tx.Transaction, "lower(u.name) = lower(@v)", name) ?? throw new KeyNotFoundException($"no account named '{name}'");
            if (account.Disabled == disabled) return false;
            string? disabledAt;
            using (var get = tx.Command("SELECT disabled_at FROM users WHERE id = @u"))
            {
                get.Add("@u", account.Id);
                disabledAt = get.ExecuteScalar() is { } v and not DBNull ? Sql.TimeText(ReadTime(v)) : null;
            }
            var newDisabledAt = disabled ? Sql.TimeText(StoreEngine.ToMicroseconds(when)) : null;
            using (var cmd = tx.Command("UPDATE users SET disabled_at = @d WHERE id = @u"))
            {
                cmd.Add("@d", disabled ? T(when) : null);
                cmd.Add("@u", account.Id);
                cmd.ExecuteNonQuery();
            }
            var ended = disabled ? EndSessions(tx, account.Id, "disabled", when) : 0;
            store.AuditIn(tx, by, disabled ? "user-disable" : "user-enable", $"user/{account.Name}",
                JsonSerializer.Serialize(new { disabled = account.Disabled, disabled_at = disabledAt }),
                disabled ? JsonSerializer.Serialize(new { disabled, disabled_at = newDisabledAt, sessions_ended = ended })
                         : JsonSerializer.Serialize(new { disabled, disabled_at = newDisabledAt }), when);
            return true;
        });
    }

    /// <summary>The longest a browser session lasts, however active: after it, sign in again.</summary>
    public static readonly TimeSpan MaxSessionAge = TimeSpan.FromDays(30);

    /// <summary>Records a new browser session for an account (by the hash of its random id).</summary>
    public void StartSession(long userId, string idHash, DateTimeOffset? at = null)
    {
        var when = at ?? DateTimeOffset.UtcNow;
        store.InTransaction(tx =>
        {
            using var cmd = tx.Command("INSERT INTO sessions(id_hash, user_id, created_at) VALUES (@h, @u, @at)");
            cmd.Add("@h", idHash);
            cmd.Add("@u", userId);
            cmd.Add("@at", T(when));
            cmd.ExecuteNonQuery();
            // Sessions that ended a day ago, or are past the longest a session lasts, are of no further use: forget them.
            using var purge = tx.Command("DELETE FROM sessions WHERE (ended_at IS NOT NULL AND ended_at < @old) OR created_at < @expired");
            purge.Add("@old", T(when.AddDays(-1)));
            purge.Add("@expired", T(when - MaxSessionAge));
            purge.ExecuteNonQuery();
        });
    }

    /// <summary>Ends one browser session (signing out); false when it was unknown or had ended already.</summary>
    public bool EndSession(string idHash, string reason, DateTimeOffset? at = null)
    {
        var when = at ?? DateTimeOffset.UtcNow;
        return store.InTransaction(tx =>
        {
            using var cmd = tx.Command("UPDATE sessions SET ended_at = @at, end_reason = @r WHERE id_hash = @h AND ended_at IS NULL");
            cmd.Add("@at", T(when));
            cmd.Add("@r", reason);
            cmd.Add("@h", idHash);
            return cmd.ExecuteNonQuery() > 0;
        });
    }

    /// <summary>The live session with this id hash and its account, or null (unknown, ended, or its account disabled).</summary>
    public SessionRecord? FindSession(string idHash) => store.Read(c =>
    {
        using var cmd = Sql.Command(c, null,
            "SELECT u.id, u.name, u.role, u.password_hash, u.created_at, u.disabled_at, s.created_at FROM sessions s JOIN users u ON u.id = s.user_id " +
            "WHERE s.id_hash = @h AND s.ended_at IS NULL AND u.disabled_at IS NULL");
        cmd.Add("@h", idHash);
        using var r = cmd.ExecuteReader();
        return r.Read() ? new SessionRecord(Read(r), ReadTime(r.GetValue(6))) : null;
    });

    private int EndSessions(StoreTransaction tx, long userId, string reason, DateTimeOffset when)
    {
        using var cmd = tx.Command("UPDATE sessions SET ended_at = @at, end_reason = @r WHERE user_id = @u AND ended_at IS NULL");
        cmd.Add("@at", T(when));
        cmd.Add("@r", reason);
        cmd.Add("@u", userId);
        return cmd.ExecuteNonQuery();
    }

    public Account? FindByName(string name) => FindOutside("lower(u.name) = lower(@v)", name);

    /// <summary>The account an API key belongs to, if the key is known, not revoked and its account not disabled.</summary>
    public Account? FindByKeyHash(string keyHash) =>
        FindOutside("u.id = (SELECT k.user_id FROM api_keys k WHERE k.key_hash = @v AND k.revoked_at IS NULL)", keyHash);

    public IReadOnlyList<Account> All() => store.Read(c =>
    {
        using var cmd = Sql.Command(c, null, "SELECT u.id, u.name, u.role, u.password_hash, u.created_at, u.disabled_at FROM users u ORDER BY u.name");
        using var r = cmd.ExecuteReader();
        var list = new List<Account>();
        while (r.Read()) list.Add(Read(r));
        return (IReadOnlyList<Account>)list;
    });

    private Account? FindOutside(string where, string value) => store.Read(c => Find(c, null, where, value));

    private Account? Find(DbConnection c, DbTransaction? t, string where, string value)
    {
        using var cmd = Sql.Command(c, t, $"SELECT u.id, u.name, u.role, u.password_hash, u.created_at, u.disabled_at FROM users u WHERE {where}"); // where: this class's constants
        cmd.Add("@v", value);
        using var r = cmd.ExecuteReader();
        return r.Read() ? Read(r) : null;
    }

    private Account Read(DbDataReader r) => new(
        Convert.ToInt64(r.GetValue(0), System.Globalization.CultureInfo.InvariantCulture), r.GetString(1),
        TryParseRole(r.GetString(2), out var role) ? role : throw new StoreException($"account {r.GetString(1)} has an unknown role '{r.GetString(2)}'"),
        r.Text(3), ReadTime(r.GetValue(4)), !r.IsDBNull(5));

    private void InsertKey(StoreTransaction tx, long userId, string keyHash, string prefix, DateTimeOffset when)
    {
        using var cmd = tx.Command("INSERT INTO api_keys(user_id, key_hash, prefix, created_at) VALUES (@u, @h, @p, @at)");
        cmd.Add("@u", userId);
        cmd.Add("@h", keyHash);
        cmd.Add("@p", prefix);
        cmd.Add("@at", T(when));
        cmd.ExecuteNonQuery();
    }
}
