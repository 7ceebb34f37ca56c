using System.Text.Json;
using Microsoft.Data.Sqlite;

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
            using (var exists = store.Command(tx, "SELECT count(*) FROM users WHERE name = $n"))
            {
                exists.Parameters.AddWithValue("$n", name);
                if ((long)exists.ExecuteScalar()! > 0) throw new AccountExistsException(name);
            }
            long id;
            using (var cmd = store.Command(tx, "INSERT INTO users(name, role, password_hash, created_at) VALUES ($n, $r, $p, $at) RETURNING id"))
            {
                cmd.Parameters.AddWithValue("$n", name);
                cmd.Parameters.AddWithValue("$r", RoleName(role));
                cmd.Parameters.AddWithValue("$p", (object?)passwordHash ?? DBNull.Value);
                cmd.Parameters.AddWithValue("$at", RegistryStore.TimeText(when));
                id = (long)cmd.ExecuteScalar()!;
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
            var account = Find(tx, "u.name = $v", name) ?? throw new KeyNotFoundException($"no account named '{name}'");
            if (revokeOthers)
            {
                using var revoke = store.Command(tx, "UPDATE api_keys SET revoked_at = $at WHERE user_id = $u AND revoked_at IS NULL");
                revoke.Parameters.AddWithValue("$at", RegistryStore.TimeText(when));
                revoke.Parameters.AddWithValue("$u", account.Id);
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
            var account = Find(tx, "u.name = $v", name) ?? throw new KeyNotFoundException($"no account named '{name}'");
            using (var cmd = store.Command(tx, "UPDATE users SET password_hash = $p WHERE id = $u"))
            {
                cmd.Parameters.AddWithValue("$p", passwordHash);
                cmd.Parameters.AddWithValue("$u", account.Id);
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
            var account = Find(tx, "u.name = $v", name) ?? throw new KeyNotFoundException($"no account named '{name}'");
            if (account.Disabled == disabled) return false;
            string? disabledAt;
            using (var get = store.Command(tx, "SELECT disabled_at FROM users WHERE id = $u"))
            {
                get.Parameters.AddWithValue("$u", account.Id);
                disabledAt = get.ExecuteScalar() as string;
            }
            var newDisabledAt = disabled ? RegistryStore.TimeText(when) : null;
            using (var cmd = store.Command(tx, "UPDATE users SET disabled_at = $d WHERE id = $u"))
            {
                cmd.Parameters.AddWithValue("$d", (object?)newDisabledAt ?? DBNull.Value);
                cmd.Parameters.AddWithValue("$u", account.Id);
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
            using var cmd = store.Command(tx, "INSERT INTO sessions(id_hash, user_id, created_at) VALUES ($h, $u, $at)");
            cmd.Parameters.AddWithValue("$h", idHash);
            cmd.Parameters.AddWithValue("$u", userId);
            cmd.Parameters.AddWithValue("$at", RegistryStore.TimeText(when));
            cmd.ExecuteNonQuery();
            // Sessions that ended a day ago, or are past the longest a session lasts, are of no further use: forget them.
            using var purge = store.Command(tx, "DELETE FROM sessions WHERE (ended_at IS NOT NULL AND ended_at < $old) OR created_at < $expired");
            purge.Parameters.AddWithValue("$old", RegistryStore.TimeText(when.AddDays(-1)));
            purge.Parameters.AddWithValue("$expired", RegistryStore.TimeText(when - MaxSessionAge));
            purge.ExecuteNonQuery();
        });
    }

    /// <summary>Ends one browser session (signing out); false when it was unknown or had ended already.</summary>
    public bool EndSession(string idHash, string reason, DateTimeOffset? at = null)
    {
        var when = at ?? DateTimeOffset.UtcNow;
        return store.InTransaction(tx =>
        {
            using var cmd = store.Command(tx, "UPDATE sessions SET ended_at = $at, end_reason = $r WHERE id_hash = $h AND ended_at IS NULL");
            cmd.Parameters.AddWithValue("$at", RegistryStore.TimeText(when));
            cmd.Parameters.AddWithValue("$r", reason);
            cmd.Parameters.AddWithValue("$h", idHash);
            return cmd.ExecuteNonQuery() > 0;
        });
    }

    /// <summary>The live session with this id hash and its account, or null (unknown, ended, or its account disabled).</summary>
    public SessionRecord? FindSession(string idHash)
    {
        using var cmd = store.Command(null,
            "SELECT u.id, u.name, u.role, u.password_hash, u.created_at, u.disabled_at, s.created_at FROM sessions s JOIN users u ON u.id = s.user_id " +
            "WHERE s.id_hash = $h AND s.ended_at IS NULL AND u.disabled_at IS NULL");
        cmd.Parameters.AddWithValue("$h", idHash);
        using var r = cmd.ExecuteReader();
        return r.Read() ? new SessionRecord(Read(r), RegistryStore.ParseTime(r.GetString(6))) : null;
    }

    private int EndSessions(SqliteTransaction tx, long userId, string reason, DateTimeOffset when)
    {
        using var cmd = store.Command(tx, "UPDATE sessions SET ended_at = $at, end_reason = $r WHERE user_id = $u AND ended_at IS NULL");
        cmd.Parameters.AddWithValue("$at", RegistryStore.TimeText(when));
        cmd.Parameters.AddWithValue("$r", reason);
        cmd.Parameters.AddWithValue("$u", userId);
        return cmd.ExecuteNonQuery();
    }

    public Account? FindByName(string name) => Find(null, "u.name = $v", name);

    /// <summary>The account an API key belongs to, if the key is known, not revoked and its account not disabled.</summary>
    public Account? FindByKeyHash(string keyHash) =>
        Find(null, "u.id = (SELECT k.user_id FROM api_keys k WHERE k.key_hash = $v AND k.revoked_at IS NULL)", keyHash);

    public IReadOnlyList<Account> All()
    {
        using var cmd = store.Command(null, "SELECT u.id, u.name, u.role, u.password_hash, u.created_at, u.disabled_at FROM users u ORDER BY u.name");
        using var r = cmd.ExecuteReader();
        var list = new List<Account>();
        while (r.Read()) list.Add(Read(r));
        return list;
    }

    private Account? Find(SqliteTransaction? tx, string where, string value)
    {
        using var cmd = store.Command(tx, $"SELECT u.id, u.name, u.role, u.password_hash, u.created_at, u.disabled_at FROM users u WHERE {where}"); // where: this class's constants
        cmd.Parameters.AddWithValue("$v", value);
        using var r = cmd.ExecuteReader();
        return r.Read() ? Read(r) : null;
    }

    private static Account Read(SqliteDataReader r) => new(
        r.GetInt64(0), r.GetString(1),
        TryParseRole(r.GetString(2), out var role) ? role : throw new StoreException($"account {r.GetString(1)} has an unknown role '{r.GetString(2)}'"),
        r.IsDBNull(3) ? null : r.GetString(3), RegistryStore.ParseTime(r.GetString(4)), !r.IsDBNull(5));

    private void InsertKey(SqliteTransaction tx, long userId, string keyHash, string prefix, DateTimeOffset when)
    {
        using var cmd = store.Command(tx, "INSERT INTO api_keys(user_id, key_hash, prefix, created_at) VALUES ($u, $h, $p, $at)");
        cmd.Parameters.AddWithValue("$u", userId);
        cmd.Parameters.AddWithValue("$h", keyHash);
        cmd.Parameters.AddWithValue("$p", prefix);
        cmd.Parameters.AddWithValue("$at", RegistryStore.TimeText(when));
        cmd.ExecuteNonQuery();
    }
}
