using System.Data;
using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Plenary.Store;

/// <summary>One table of a copy: its rows and content hash on each side.</summary>
public sealed record TableComparison(string Table, long SourceRows, long TargetRows, string SourceHash, string TargetHash)
{
    public bool Same => SourceRows == TargetRows && SourceHash == TargetHash;
}

/// <summary>
/// Moves a registry from one engine to another (or to another file or database of the same engine): every table but
/// browser sessions, with ids and recorded times as they are, in one transaction on the target, which must hold no
/// registry data. Before committing, each table's rows and content hash on the target are compared with the source's;
/// a difference rolls the copy back. The hash is engine-neutral: computed from the logical rows (times as UTC ISO 8601
/// text, JSON with its keys sorted, integers as numbers), in a canonical order, so the same content hashes the same on
/// SQLite and on PostgreSQL.
/// </summary>
public static class RegistryCopy
{
    private enum Kind { Text, Integer, Time, Json }

    private sealed record Column(string Name, Kind Kind);

    /// <summary>A table as the copy sees it: its columns (the portable ones), the identity column a copy keeps, the read order.</summary>
    private sealed record Table(string Name, Column[] Columns, string? Identity = null, string? OrderBy = null);

    private static Column T(string name) => new(name, Kind.Text);
    private static Column I(string name) => new(name, Kind.Integer);
    private static Column Tm(string name) => new(name, Kind.Time);
    private static Column J(string name) => new(name, Kind.Json);

    // In an order that satisfies the foreign keys. The migrations ledger and schema version belong to each engine's own
    // migrations; sessions are a browser's, tied to the server that signed it in; the search index is kept by triggers.
    private static readonly Table[] Tables =
    [
        new("plenary_meta", [T("key"), T("value")]),
        new("sources", [T("id"), T("kind"), T("title"), T("date"), T("publisher"), T("url"), T("note"), Tm("recorded_at"), T("recorded_by")]),
        new("states", [T("id"), T("name"), I("cow_code"), J("record"), Tm("recorded_at"), T("recorded_by")]),
        new("organizations", [T("id"), T("name"), J("record"), Tm("recorded_at"), T("recorded_by")]),
        new("persons", [T("id"), T("name"), J("record"), Tm("recorded_at"), T("recorded_by")]),
        new("articles", [T("id"), T("content_hash"), T("url"), T("outlet"), T("title"), T("published"), T("text"), Tm("recorded_at"), T("recorded_by")]),
        // Claims in recording order: a correction comes after the claim it corrects, and reads that order claims keep it.
        new("claims", [T("id"), T("type"), T("source_id"), T("state"), T("org"), T("valid_from"), J("fact"), J("evidence"), T("modality"),
            T("note"), T("corrects"), I("sequence"), Tm("recorded_at"), T("recorded_by")], OrderBy: "claims"),
        new("claim_reviews", [I("seq"), T("claim_id"), T("decision"), Tm("decided_at"), T("decided_by"), T("note")], Identity: "seq"),
        new("audit_log", [I("seq"), Tm("at"), T("actor"), T("action"), T("subject"), T("before"), T("after")], Identity: "seq"),
        new("exchange_cow_org", [T("org_id"), T("ioname"), I("ionum"), T("orgname")]),
        new("exchange_cow_state", [T("state_id"), I("ccode"), T("stateabb"), T("cowname")]),
        new("exchange_cow_observed", [T("source_id"), T("org_id"), T("state_id"), I("from_year"), I("to_year")]),
        new("exchange_igo_row", [T("source_id"), T("org_id"), I("year"), T("meta")]),
        new("exchange_state_row", [T("source_id"), T("state_id"), I("year")]),
        new("exchange_system_spell", [T("source_id"), T("state_id"), T("start_date"), T("end_date")]),
        new("users", [I("id"), T("name"), T("role"), T("password_hash"), Tm("created_at"), Tm("disabled_at")], Identity: "id"),
        new("api_keys", [I("id"), I("user_id"), T("key_hash"), T("prefix"), Tm("created_at"), Tm("revoked_at")], Identity: "id"),
        // Feeds and their items (the worker's lease is a running process's, like a session: not copied).
        new("feeds", [I("id"), T("url"), T("name"), I("every_seconds"), I("paused"), T("auto_accept"), T("etag"), T("last_modified"), Tm("next_fetch_at"),
            Tm("last_fetch_at"), T("last_status"), T("last_error"), I("failures"), Tm("added_at"), T("added_by"), Tm("removed_at")], Identity: "id"),
        new("feed_items", [I("id"), I("feed_id"), T("url"), T("item_key"), T("title"), T("published"), T("status"), I("attempts"), Tm("next_try_at"),
            T("taken_by"), Tm("taken_until"), T("content_hash"), T("article_id"), I("claims"), T("last_error"), Tm("found_at"), Tm("done_at")], Identity: "id"),
    ];

    /// <summary>Meta keys each engine's migrations write for themselves.</summary>
    private const string OwnMeta = "key NOT IN ('application', 'schema_version')";

    /// <summary>The tables a copy carries, in copy order.</summary>
    public static IReadOnlyList<string> TableNames => Tables.Select(t => t.Name).ToArray();

    /// <summary>
    /// Copies the registry on <paramref name="from"/> into <paramref name="to"/> (created when there is none) and returns
    /// the comparison. Refuses (<see cref="StoreException"/>, nothing written) a source that is no registry, and a target
    /// that already holds registry data. <paramref name="copied"/> hears of each table copied, inside the transaction.
    /// </summary>
    public static IReadOnlyList<TableComparison> Copy(StoreEngine from, StoreEngine to, Action<string, long>? copied = null)
    {
        if (from.Address == to.Address) throw new StoreException($"{to.Address}: the source and the target are the same registry");
        if (from.CreateOrMigrate())
        {
            // Opening made a registry where there was none: it goes again, and nothing is copied.
            from.Destroy();
            throw new StoreException($"{from.Address}: there is no registry to copy from");
        }
        to.CreateOrMigrate();

        using var source = from.Open();
        // One snapshot of the source for the copy and its hashes, even while a server keeps writing to it.
        using var snapshot = source.BeginTransaction(IsolationLevel.RepeatableRead);
        using var target = to.Open();
        using var tx = target.BeginTransaction();

        var held = Tables.Where(t => t.Name != "plenary_meta").Sum(t => Count(target, tx, t));
        held += Count(target, tx, "sessions");
        if (held > 0)
            throw new StoreException($"{to.Address} already holds a registry ({held} rows); db copy never overwrites one: give a new file or an empty database");

        var result = new List<TableComparison>();
        foreach (var table in Tables)
        {
            long rows = CopyTable(from, source, snapshot, to, target, tx, table);
            copied?.Invoke(table.Name, rows);
            var (sourceRows, sourceHash) = Hash(from, source, snapshot, table);
            var (targetRows, targetHash) = Hash(to, target, tx, table);
            result.Add(new TableComparison(table.Name, sourceRows, targetRows, sourceHash, targetHash));
        }
        if (result.Where(c => !c.Same).Select(c => c.Table).ToArray() is { Length: > 0 } differ)
            throw new StoreException($"the copy differs from {from.Address} in {string.Join(", ", differ)}; nothing was written to {to.Address}");
        to.BeforeCommit(target, tx);
        tx.Commit();
        return result;
    }

    /// <summary>Each table's rows and content hash on one registry (to compare registries without copying).</summary>
    public static IReadOnlyList<(string Table, long Rows, string Hash)> Hashes(StoreEngine engine)
    {
        using var c = engine.Open();
        using var snapshot = c.BeginTransaction(IsolationLevel.RepeatableRead);
        return Tables.Select(t => { var (rows, hash) = Hash(engine, c, snapshot, t); return (t.Name, rows, hash); }).ToArray();
    }

    private static long Count(DbConnection c, DbTransaction tx, Table table) => Count(c, tx, table.Name);

    private static long Count(DbConnection c, DbTransaction tx, string table)
    {
        using var cmd = Sql.Command(c, tx, $"SELECT count(*) FROM {table}");
        return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string Select(StoreEngine engine, Table table)
    {
        var sql = $"SELECT {string.Join(", ", table.Columns.Select(c => c.Name))} FROM {table.Name}";
        if (table.Name == "plenary_meta") sql += $" WHERE {OwnMeta}";
        if (table.OrderBy == "claims") sql += $" ORDER BY {engine.ClaimInsertionOrder}";
        else if (table.Identity is { } id) sql += $" ORDER BY {id}";
        return sql;
    }

    private static long CopyTable(StoreEngine from, DbConnection source, DbTransaction snapshot, StoreEngine to, DbConnection target, DbTransaction tx, Table table)
    {
        var names = string.Join(", ", table.Columns.Select(c => c.Name));
        var values = string.Join(", ", table.Columns.Select((c, i) => c.Kind == Kind.Json ? to.Json($"@p{i}") : $"@p{i}"));
        var keeping = table.Identity is null ? "" : " " + to.InsertKeepingIds;
        var upsert = table.Name == "plenary_meta" ? " ON CONFLICT(key) DO UPDATE SET value = excluded.value" : "";
        using var insert = Sql.Command(target, tx, $"INSERT INTO {table.Name}({names}){keeping} VALUES ({values}){upsert}");
        var parameters = table.Columns.Select((_, i) => insert.Add($"@p{i}")).ToArray();
        to.PrepareForReuse(insert);

        using var read = Sql.Command(source, snapshot, Select(from, table));
        using var r = read.ExecuteReader();
        long rows = 0;
        while (r.Read())
        {
            for (int i = 0; i < table.Columns.Length; i++)
            {
                parameters[i].Value = r.IsDBNull(i) ? DBNull.Value : table.Columns[i].Kind switch
                {
                    Kind.Time => to.TimeValue(from.ReadTime(r.GetValue(i))),
                    Kind.Integer => Convert.ToInt64(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture),
                    _ => r.GetString(i),
                };
            }
            insert.ExecuteNonQuery();
            rows++;
        }
        if (table.Identity is { } identity) to.ContinueIds(target, tx, table.Name, identity);
        return rows;
    }

    private static readonly JsonWriterOptions Canonical = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// SHA-256 over the table's rows, each encoded as a JSON array of its logical values, sorted by that encoding
    /// (ordinal), one per line: independent of the engine's types, collation and physical order.
    /// </summary>
    private static (long Rows, string Hash) Hash(StoreEngine engine, DbConnection c, DbTransaction tx, Table table)
    {
        var lines = new List<string>();
        using (var read = Sql.Command(c, tx, Select(engine, table)))
        using (var r = read.ExecuteReader())
        {
            var buffer = new System.Buffers.ArrayBufferWriter<byte>();
            while (r.Read())
            {
                buffer.Clear();
                using (var w = new Utf8JsonWriter(buffer, Canonical))
                {
                    w.WriteStartArray();
                    for (int i = 0; i < table.Columns.Length; i++)
                    {
                        if (r.IsDBNull(i)) { w.WriteNullValue(); continue; }
                        switch (table.Columns[i].Kind)
                        {
                            case Kind.Time: w.WriteStringValue(Sql.TimeText(engine.ReadTime(r.GetValue(i)))); break;
                            case Kind.Integer: w.WriteNumberValue(Convert.ToInt64(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)); break;
                            case Kind.Json:
                                using (var doc = JsonDocument.Parse(r.GetString(i))) WriteSorted(w, doc.RootElement);
                                break;
                            default: w.WriteStringValue(r.GetString(i)); break;
                        }
                    }
                    w.WriteEndArray();
                }
                lines.Add(Encoding.UTF8.GetString(buffer.WrittenSpan));
            }
        }
        lines.Sort(StringComparer.Ordinal);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var line in lines)
        {
            sha.AppendData(Encoding.UTF8.GetBytes(line));
            sha.AppendData("\n"u8);
        }
        return (lines.Count, Convert.ToHexStringLower(sha.GetHashAndReset()));
    }

    /// <summary>JSON with object keys in ordinal order (a JSON column may come back with its keys reordered, as jsonb does).</summary>
    private static void WriteSorted(Utf8JsonWriter w, JsonElement e)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                w.WriteStartObject();
                foreach (var p in e.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    w.WritePropertyName(p.Name);
                    WriteSorted(w, p.Value);
                }
                w.WriteEndObject();
                break;
            case JsonValueKind.Array:
                w.WriteStartArray();
                foreach (var item in e.EnumerateArray()) WriteSorted(w, item);
                w.WriteEndArray();
                break;
            case JsonValueKind.String: w.WriteStringValue(e.GetString()); break;
            default: w.WriteRawValue(e.GetRawText()); break;
        }
    }
}
