using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Plenary.Core.Articles;
using Plenary.Core.Claims;
using Plenary.Core.Ids;
using Plenary.Core.Json;
using Plenary.Core.Registry;
using Plenary.Core.Time;
using Plenary.Store.Migrations;

namespace Plenary.Store;

/// <summary>Which claims to read: all filters are optional; <see cref="KnownAt"/> reads the registry as it was then.</summary>
public sealed record ClaimFilter
{
    public ClaimType? Type { get; init; }
    public OrgId? Org { get; init; }
    public StateId? State { get; init; }
    public string? SourceId { get; init; }
    /// <summary>Only claims in this review state (as of <see cref="KnownAt"/>); null for all.</summary>
    public ReviewState? Review { get; init; } = ReviewState.Accepted;
    public DateTimeOffset? KnownAt { get; init; }
    public IReadOnlyCollection<string>? Ids { get; init; }
}

/// <summary>
/// The registry in an SQLite file: named things, articles, claims and their review decisions, and the audit log.
/// Every write is one transaction; claims are never updated, so any past state can be read back (<see cref="ClaimFilter.KnownAt"/>).
/// </summary>
public sealed class RegistryStore : IDisposable
{
    public SqliteConnection Connection { get; }
    public string Path { get; }
    private Catalog? _catalog;

    private RegistryStore(SqliteConnection connection, string path)
    {
        Connection = connection;
        Path = path;
    }

    /// <summary>
    /// Opens the registry at <paramref name="path"/>, creating it when the file does not exist (or is empty).
    /// A file that is not a Plenary registry is refused untouched. Unless <paramref name="empty"/>, a new registry is
    /// filled by <paramref name="seed"/> (curated data, seed article), in transactions of its own; a registry whose seeding
    /// was interrupted is seeded again on the next open.
    /// </summary>
    public static RegistryStore Open(string path, bool empty = false, Action<RegistryStore>? seed = null)
    {
        var full = System.IO.Path.GetFullPath(path);
        bool exists = File.Exists(full) && new FileInfo(full).Length > 0;
        if (exists) CheckIsRegistry(full);
        else if (System.IO.Path.GetDirectoryName(full) is { } dir) Directory.CreateDirectory(dir);

        var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = full, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString());
        try
        {
            c.Open();
            // A 64 MB page cache and memory-mapped reads: a COW-sized registry (a quarter million claims) reads in a fraction of the time.
            Exec(c, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; " +
                    "PRAGMA cache_size = -65536; PRAGMA mmap_size = 268435456;");
            Migrator.Migrate(c);
            var store = new RegistryStore(c, full);
            if (!exists) store.SetMeta("contents", empty ? "empty" : "seeding");
            if (store.GetMeta("contents") == "seeding")
            {
                try
                {
                    seed?.Invoke(store);
                }
                catch when (!exists)
                {
                    // A registry that could not be filled is not left behind half made: the file goes, the error stays.
                    c.Dispose();
                    SqliteConnection.ClearAllPools();
                    foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(full + suffix);
                    throw;
                }
                store.SetMeta("contents", "seeded");
            }
            return store;
        }
        catch (SqliteException e)
        {
            c.Dispose();
            throw new StoreException($"{path}: cannot open the registry: {e.Message}", e);
        }
        catch
        {
            c.Dispose();
            throw;
        }
    }

    /// <summary>Refuses, without writing a byte, a file that is not an SQLite database holding a Plenary registry.</summary>
    private static void CheckIsRegistry(string full)
    {
        var header = new byte[16];
        using (var f = File.OpenRead(full)) f.ReadExactly(header, 0, Math.Min(16, (int)Math.Min(16, f.Length)));
        if (!header.AsSpan().StartsWith("SQLite format 3\0"u8))
            throw new StoreException($"{full} is not a Plenary registry (not an SQLite database)");
        using var ro = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = full, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        try
        {
            ro.Open();
            if (!Migrator.IsPlenary(ro) && !Migrator.IsBlank(ro))
                throw new StoreException($"{full} is not a Plenary registry (an SQLite database of something else)");
        }
        catch (SqliteException e)
        {
            throw new StoreException($"{full} is not a readable Plenary registry: {e.Message}", e);
        }
    }

    public void Dispose() => Connection.Dispose();

    public int SchemaVersion => Migrator.CurrentVersion(Connection);

    public string? GetMeta(string key)
    {
        using var cmd = Connection.CreateCommand();
        cmd.CommandText = "SELECT value FROM plenary_meta WHERE key = $k";
        cmd.Parameters.AddWithValue("$k", key);
        return cmd.ExecuteScalar() as string;
    }

    public void SetMeta(string key, string value) => InTransaction(tx =>
    {
        using var cmd = Command(tx, "INSERT INTO plenary_meta(key, value) VALUES ($k, $v) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
        cmd.Parameters.AddWithValue("$k", key);
        cmd.Parameters.AddWithValue("$v", value);
        cmd.ExecuteNonQuery();
    });

    /// <summary>Runs <paramref name="work"/> in one transaction: all of it is written, or none.</summary>
    public void InTransaction(Action<SqliteTransaction> work)
    {
        using var tx = Connection.BeginTransaction();
        work(tx);
        tx.Commit();
    }

    public T InTransaction<T>(Func<SqliteTransaction, T> work)
    {
        using var tx = Connection.BeginTransaction();
        var result = work(tx);
        tx.Commit();
        return result;
    }

    public SqliteCommand Command(SqliteTransaction? tx, string sql)
    {
        var cmd = Connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        return cmd;
    }

    private static void Exec(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    public static string TimeText(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseTime(string s) => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    // ---------------------------------------------------------------- named things

    /// <summary>The states, organizations, persons and sources the registry holds (cached until one is added).</summary>
    public Catalog Catalog => _catalog ??= LoadCatalog();

    private Catalog LoadCatalog()
    {
        var states = ReadRecords<State>("states");
        var orgs = ReadRecords<Organization>("organizations");
        var persons = ReadRecords<Person>("persons");
        var sources = new List<Source>();
        using (var cmd = Command(null, "SELECT id, kind, title, date, publisher, url, note FROM sources ORDER BY id"))
        using (var r = cmd.ExecuteReader())
            while (r.Read())
                sources.Add(new Source(r.GetString(0), WireName.Parse<SourceKind>(r.GetString(1), "source kind"), r.GetString(2),
                    EdtfDate.ParseOptional(r.IsDBNull(3) ? null : r.GetString(3)), Opt(r, 4), Opt(r, 5), Opt(r, 6)));
        return new Catalog(states, orgs, persons, sources);
    }

    private List<T> ReadRecords<T>(string table)
    {
        var list = new List<T>();
        using var cmd = Command(null, $"SELECT record FROM {table} ORDER BY id"); // table names are this class's constants
        using var r = cmd.ExecuteReader();
        while (r.Read()) list.Add(JsonSerializer.Deserialize<T>(r.GetString(0), DomainJson.Options)!);
        return list;
    }

    private static string? Opt(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    /// <summary>Adds the states, organizations, persons and sources not yet in the registry (by id), in one transaction.</summary>
    public int AddEntities(IEnumerable<State> states, IEnumerable<Organization> orgs, IEnumerable<Person> persons, IEnumerable<Source> sources, string recordedBy, DateTimeOffset? at = null) =>
        InTransaction(tx => AddEntities(tx, states, orgs, persons, sources, recordedBy, at));

    /// <summary>The same, inside a transaction of the caller's (an import that writes entities and claims as one).</summary>
    public int AddEntities(SqliteTransaction tx, IEnumerable<State> states, IEnumerable<Organization> orgs, IEnumerable<Person> persons, IEnumerable<Source> sources, string recordedBy, DateTimeOffset? at = null)
    {
        var when = TimeText(at ?? DateTimeOffset.UtcNow);
        int added;
        {
            int n = 0;
            using (var cmd = Command(tx, "INSERT INTO states(id, name, cow_code, record, recorded_at, recorded_by) VALUES ($id, $name, $cow, $rec, $at, $by) ON CONFLICT(id) DO NOTHING"))
                foreach (var s in states)
                    n += Insert(cmd, ("$id", s.Id.Value), ("$name", s.Name), ("$cow", s.CowCode), ("$rec", JsonSerializer.Serialize(s, DomainJson.Options)), ("$at", when), ("$by", recordedBy));
            using (var cmd = Command(tx, "INSERT INTO organizations(id, name, record, recorded_at, recorded_by) VALUES ($id, $name, $rec, $at, $by) ON CONFLICT(id) DO NOTHING"))
                foreach (var o in orgs)
                    n += Insert(cmd, ("$id", o.Id.Value), ("$name", o.Name), ("$rec", JsonSerializer.Serialize(o, DomainJson.Options)), ("$at", when), ("$by", recordedBy));
            using (var cmd = Command(tx, "INSERT INTO persons(id, name, record, recorded_at, recorded_by) VALUES ($id, $name, $rec, $at, $by) ON CONFLICT(id) DO NOTHING"))
                foreach (var p in persons)
                    n += Insert(cmd, ("$id", p.Id.Value), ("$name", p.Name), ("$rec", JsonSerializer.Serialize(p, DomainJson.Options)), ("$at", when), ("$by", recordedBy));
            using (var cmd = Command(tx, "INSERT INTO sources(id, kind, title, date, publisher, url, note, recorded_at, recorded_by) VALUES ($id, $kind, $title, $date, $pub, $url, $note, $at, $by) ON CONFLICT(id) DO NOTHING"))
                foreach (var s in sources)
                    n += Insert(cmd, ("$id", s.Id), ("$kind", WireName.Of(s.Kind)), ("$title", s.Title), ("$date", s.Date?.ToString()), ("$pub", s.Publisher), ("$url", s.Url), ("$note", s.Note), ("$at", when), ("$by", recordedBy));
            if (n > 0) AuditIn(tx, recordedBy, "add-entities", "registry", null, $"{{\"added\":{n}}}", at);
            added = n;
        }
        // Dropped even if the caller's transaction later rolls back: the next read simply reloads it.
        if (added > 0) _catalog = null;
        return added;
    }

    private static int Insert(SqliteCommand cmd, params (string Name, object? Value)[] values)
    {
        cmd.Parameters.Clear();
        foreach (var (name, value) in values) cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return cmd.ExecuteNonQuery();
    }

    // ---------------------------------------------------------------- claims

    /// <summary>
    /// Records claims in one transaction; a claim whose id is already recorded is skipped (ingesting twice changes nothing).
    /// A claim recorded as accepted or rejected gets that decision, by its recorder, at its recording time.
    /// </summary>
    public int AddClaims(IReadOnlyList<Claim> claims) => InTransaction(tx => AddClaims(tx, claims));

    public int AddClaims(SqliteTransaction tx, IReadOnlyList<Claim> claims)
    {
        using var insert = Command(tx, """
            INSERT INTO claims(id, type, source_id, state, org, valid_from, fact, evidence, modality, note, corrects, sequence, recorded_at, recorded_by)
            VALUES ($id, $type, $src, $state, $org, $from, $fact, $ev, $mod, $note, $corr, $seq, $at, $by)
            ON CONFLICT(id) DO NOTHING
            """);
        var pId = insert.Parameters.Add("$id", SqliteType.Text);
        var pType = insert.Parameters.Add("$type", SqliteType.Text);
        var pSrc = insert.Parameters.Add("$src", SqliteType.Text);
        var pState = insert.Parameters.Add("$state", SqliteType.Text);
        var pOrg = insert.Parameters.Add("$org", SqliteType.Text);
        var pFrom = insert.Parameters.Add("$from", SqliteType.Text);
        var pFact = insert.Parameters.Add("$fact", SqliteType.Text);
        var pEv = insert.Parameters.Add("$ev", SqliteType.Text);
        var pMod = insert.Parameters.Add("$mod", SqliteType.Text);
        var pNote = insert.Parameters.Add("$note", SqliteType.Text);
        var pCorr = insert.Parameters.Add("$corr", SqliteType.Text);
        var pSeq = insert.Parameters.Add("$seq", SqliteType.Integer);
        var pAt = insert.Parameters.Add("$at", SqliteType.Text);
        var pBy = insert.Parameters.Add("$by", SqliteType.Text);
        insert.Prepare();
        using var decide = Command(tx, "INSERT INTO claim_reviews(claim_id, decision, decided_at, decided_by) VALUES ($id, $d, $at, $by)");
        var dId = decide.Parameters.Add("$id", SqliteType.Text);
        var dDec = decide.Parameters.Add("$d", SqliteType.Text);
        var dAt = decide.Parameters.Add("$at", SqliteType.Text);
        var dBy = decide.Parameters.Add("$by", SqliteType.Text);
        decide.Prepare();

        int added = 0;
        foreach (var c in claims)
        {
            var (state, org) = Subject(c.Fact);
            pId.Value = c.Id;
            pType.Value = WireName.Of(c.Type);
            pSrc.Value = c.SourceId;
            pState.Value = (object?)state ?? DBNull.Value;
            pOrg.Value = (object?)org ?? DBNull.Value;
            pFrom.Value = (object?)c.Fact.ValidFrom?.ToString() ?? DBNull.Value;
            pFact.Value = ClaimJson.FactToJson(c.Fact);
            pEv.Value = "[" + string.Join(",", c.Evidence.Select(e => $"[{e.Start},{e.End}]")) + "]";
            pMod.Value = WireName.Of(c.Modality);
            pNote.Value = (object?)c.Note ?? DBNull.Value;
            pCorr.Value = (object?)c.Corrects ?? DBNull.Value;
            pSeq.Value = c.Sequence;
            pAt.Value = TimeText(c.RecordedAt);
            pBy.Value = c.RecordedBy;
            if (insert.ExecuteNonQuery() == 0) continue;
            added++;
            if (c.Review != ReviewState.Proposed)
            {
                dId.Value = c.Id;
                dDec.Value = WireName.Of(c.Review);
                dAt.Value = TimeText(c.RecordedAt);
                dBy.Value = c.RecordedBy;
                dDec.Value = WireName.Of(c.Review);
                decide.ExecuteNonQuery();
            }
        }
        return added;
    }

    private static (string? State, string? Org) Subject(ClaimFact f) => f switch
    {
        MembershipFact m => (m.State.Value, m.Org.Value),
        AttendanceFact a => (a.State.Value, a.Org.Value),
        ChairFact c => (c.State.Value, c.Org.Value),
        MeetingFact mt => (mt.Country?.Value, mt.Org.Value),
        StatementFact s => (s.SpeakerState?.Value, null),
        _ => (null, null),
    };

    /// <summary>Reads claims as the registry knew them at <see cref="ClaimFilter.KnownAt"/> (default: now).</summary>
    public IReadOnlyList<Claim> Claims(ClaimFilter filter)
    {
        var known = TimeText(filter.KnownAt ?? DateTimeOffset.MaxValue);
        var sql = new System.Text.StringBuilder("""
            SELECT c.id, c.source_id, c.fact, c.evidence, c.modality, c.note, c.corrects, c.sequence, c.recorded_at, c.recorded_by,
                   (SELECT r.decision FROM claim_reviews r WHERE r.claim_id = c.id AND r.decided_at <= $known ORDER BY r.seq DESC LIMIT 1)
            FROM claims c WHERE c.recorded_at <= $known
            """);
        using var cmd = Command(null, "");
        cmd.Parameters.AddWithValue("$known", known);
        if (filter.Type is { } t) { sql.Append(" AND c.type = $type"); cmd.Parameters.AddWithValue("$type", WireName.Of(t)); }
        if (filter.Org is { } o) { sql.Append(" AND c.org = $org"); cmd.Parameters.AddWithValue("$org", o.Value); }
        if (filter.State is { } s) { sql.Append(" AND c.state = $state"); cmd.Parameters.AddWithValue("$state", s.Value); }
        if (filter.SourceId is { } src) { sql.Append(" AND c.source_id = $src"); cmd.Parameters.AddWithValue("$src", src); }
        if (filter.Ids is { } ids)
        {
            var names = ids.Select((id, i) => { cmd.Parameters.AddWithValue($"$id{i}", id); return $"$id{i}"; }).ToList();
            sql.Append(names.Count == 0 ? " AND 0" : $" AND c.id IN ({string.Join(",", names)})");
        }
        // Insertion order is recording order (claims are only ever inserted), and needs no sort of a quarter million rows.
        sql.Append(" ORDER BY c.rowid");
        cmd.CommandText = sql.ToString();
        var list = new List<Claim>();
        using var r = cmd.ExecuteReader();
        var times = new TimeCache();
        while (r.Read())
        {
            var review = r.IsDBNull(10) ? ReviewState.Proposed : WireName.Parse<ReviewState>(r.GetString(10), "review");
            if (filter.Review is { } wanted && review != wanted) continue;
            list.Add(ReadClaim(r, review, times));
        }
        return list;
    }

    /// <summary>Claims recorded together share their time: parse each distinct text once.</summary>
    private sealed class TimeCache
    {
        private string? _text;
        private DateTimeOffset _value;

        public DateTimeOffset Parse(string text)
        {
            if (!string.Equals(text, _text, StringComparison.Ordinal)) { _value = ParseTime(text); _text = text; }
            return _value;
        }
    }

    private static Claim ReadClaim(SqliteDataReader r, ReviewState review, TimeCache times)
    {
        using var fact = JsonDocument.Parse(r.GetString(2));
        var evidenceText = r.GetString(3);
        IReadOnlyList<Evidence> evidence = [];
        if (evidenceText != "[]")
        {
            using var ev = JsonDocument.Parse($"{{\"evidence\":{evidenceText}}}");
            evidence = ClaimJson.ReadEvidence(ev.RootElement);
        }
        return new Claim
        {
            Id = r.GetString(0),
            SourceId = r.GetString(1),
            Fact = ClaimJson.ReadFact(fact.RootElement),
            Evidence = evidence,
            Modality = WireName.Parse<Modality>(r.GetString(4), "modality"),
            Note = Opt(r, 5),
            Corrects = Opt(r, 6),
            Sequence = r.GetInt32(7),
            RecordedAt = times.Parse(r.GetString(8)),
            RecordedBy = r.GetString(9),
            Review = review,
        };
    }

    public IReadOnlyList<Claim> MembershipClaims(DateTimeOffset? knownAt = null) =>
        Claims(new ClaimFilter { Type = ClaimType.Membership, KnownAt = knownAt });

    public Claim? FindClaim(string id, DateTimeOffset? knownAt = null) =>
        Claims(new ClaimFilter { Ids = [id], Review = null, KnownAt = knownAt }).FirstOrDefault();

    /// <summary>Records a review decision (a new row: earlier decisions stay readable), with its audit entry.</summary>
    public void Decide(string claimId, ReviewState decision, string by, string? note = null, DateTimeOffset? at = null) => InTransaction(tx => Decide(tx, claimId, decision, by, note, at));

    public void Decide(SqliteTransaction tx, string claimId, ReviewState decision, string by, string? note = null, DateTimeOffset? at = null)
    {
        var when = at ?? DateTimeOffset.UtcNow;
        string? before;
        using (var cur = Command(tx, "SELECT (SELECT decision FROM claim_reviews r WHERE r.claim_id = c.id ORDER BY r.seq DESC LIMIT 1) FROM claims c WHERE c.id = $id"))
        {
            cur.Parameters.AddWithValue("$id", claimId);
            using var r = cur.ExecuteReader();
            if (!r.Read()) throw new KeyNotFoundException($"no claim with id '{claimId}'");
            before = r.IsDBNull(0) ? WireName.Of(ReviewState.Proposed) : r.GetString(0);
        }
        using (var cmd = Command(tx, "INSERT INTO claim_reviews(claim_id, decision, decided_at, decided_by, note) VALUES ($id, $d, $at, $by, $note)"))
        {
            Insert(cmd, ("$id", claimId), ("$d", WireName.Of(decision)), ("$at", TimeText(when)), ("$by", by), ("$note", note));
        }
        AuditIn(tx, by, WireName.Of(decision) switch { "accepted" => "accept", "rejected" => "reject", var d => d }, $"claim/{claimId}",
            JsonSerializer.Serialize(new { review = before }), JsonSerializer.Serialize(new { review = WireName.Of(decision), note }), when);
    }

    // ---------------------------------------------------------------- articles

    /// <summary>Stores an article unless the same text is already stored; returns the stored article's id.</summary>
    public (string Id, bool Added) AddArticle(SqliteTransaction tx, Article article, string recordedBy, DateTimeOffset at)
    {
        using (var find = Command(tx, "SELECT id FROM articles WHERE content_hash = $h"))
        {
            find.Parameters.AddWithValue("$h", article.ContentHash);
            if (find.ExecuteScalar() is string existing) return (existing, false);
        }
        var id = article.Id;
        using (var taken = Command(tx, "SELECT count(*) FROM articles WHERE id = $id"))
        {
            taken.Parameters.AddWithValue("$id", id);
            // Another text already has this id (two files named 001.json): the new one is told apart by its hash.
            if ((long)taken.ExecuteScalar()! > 0) id = $"{id}-{article.ContentHash[..8]}";
        }
        using var cmd = Command(tx, "INSERT INTO articles(id, content_hash, url, outlet, title, published, text, recorded_at, recorded_by) VALUES ($id, $h, $url, $outlet, $title, $pub, $text, $at, $by)");
        Insert(cmd, ("$id", id), ("$h", article.ContentHash), ("$url", article.Url), ("$outlet", article.Outlet), ("$title", article.Title),
            ("$pub", article.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("$text", article.Text), ("$at", TimeText(at)), ("$by", recordedBy));
        AuditIn(tx, recordedBy, "ingest", $"article/{id}", null, JsonSerializer.Serialize(new { id, content_hash = article.ContentHash, article.Url, article.Outlet }), at);
        return (id, true);
    }

    public Article? FindArticle(string id)
    {
        using var cmd = Command(null, "SELECT id, text, published, url, outlet, title FROM articles WHERE id = $id");
        cmd.Parameters.AddWithValue("$id", id);
        using var r = cmd.ExecuteReader();
        return r.Read() ? ReadArticle(r) : null;
    }

    public IReadOnlyList<Article> Articles()
    {
        using var cmd = Command(null, "SELECT id, text, published, url, outlet, title FROM articles ORDER BY published DESC, id");
        using var r = cmd.ExecuteReader();
        var list = new List<Article>();
        while (r.Read()) list.Add(ReadArticle(r));
        return list;
    }

    private static Article ReadArticle(SqliteDataReader r) => new(r.GetString(0), r.GetString(1),
        r.IsDBNull(2) ? null : DateOnly.ParseExact(r.GetString(2), "yyyy-MM-dd", CultureInfo.InvariantCulture), Opt(r, 3), Opt(r, 4), Opt(r, 5));

    // ---------------------------------------------------------------- audit

    public void AuditIn(SqliteTransaction tx, string actor, string action, string subject, string? before, string? after, DateTimeOffset? at = null)
    {
        using var cmd = Command(tx, "INSERT INTO audit_log(at, actor, action, subject, before, after) VALUES ($at, $actor, $action, $subject, $before, $after)");
        Insert(cmd, ("$at", TimeText(at ?? DateTimeOffset.UtcNow)), ("$actor", actor), ("$action", action), ("$subject", subject), ("$before", before), ("$after", after));
    }

    public sealed record AuditEntry(long Seq, DateTimeOffset At, string Actor, string Action, string Subject, string? Before, string? After);

    public IReadOnlyList<AuditEntry> AuditLog(int limit = 100, long? beforeSeq = null)
    {
        using var cmd = Command(null, "SELECT seq, at, actor, action, subject, before, after FROM audit_log WHERE seq < $b ORDER BY seq DESC LIMIT $n");
        cmd.Parameters.AddWithValue("$b", beforeSeq ?? long.MaxValue);
        cmd.Parameters.AddWithValue("$n", limit);
        using var r = cmd.ExecuteReader();
        var list = new List<AuditEntry>();
        while (r.Read()) list.Add(new AuditEntry(r.GetInt64(0), ParseTime(r.GetString(1)), r.GetString(2), r.GetString(3), r.GetString(4), Opt(r, 5), Opt(r, 6)));
        return list;
    }
}
