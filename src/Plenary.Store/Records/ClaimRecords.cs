using System.Data.Common;
using System.Text;
using System.Text.Json;
using Dapper;
using Plenary.Core.Claims;

namespace Plenary.Store.Records;

/// <summary>A page of claims: the claims, the recording-order key of the last one (where the next page starts), and whether more follow.</summary>
public sealed record ClaimPage(IReadOnlyList<Claim> Claims, long? LastKey, bool More);

/// <summary>Claims: inserted, never updated (a correction is a new claim naming the one it corrects).</summary>
public sealed class ClaimRecords(StoreEngine engine)
{
    /// <summary>
    /// Records claims inside the caller's transaction; a claim whose id is already recorded is skipped (ingesting twice
    /// changes nothing). A claim recorded as accepted or rejected gets that decision, by its recorder, at its recording time.
    /// </summary>
    public int Add(StoreTransaction tx, IReadOnlyList<Claim> claims)
    {
        using var insert = tx.Command($"""
            INSERT INTO claims(id, type, source_id, state, org, valid_from, fact, evidence, modality, note, corrects, sequence, recorded_at, recorded_by)
            VALUES (@id, @type, @src, @state, @org, @from, {engine.Json("@fact")}, {engine.Json("@ev")}, @mod, @note, @corr, @seq, @at, @by)
            ON CONFLICT(id) DO NOTHING
            """);
        var pId = insert.Add("@id");
        var pType = insert.Add("@type");
        var pSrc = insert.Add("@src");
        var pState = insert.Add("@state");
        var pOrg = insert.Add("@org");
        var pFrom = insert.Add("@from");
        var pFact = insert.Add("@fact");
        var pEv = insert.Add("@ev");
        var pMod = insert.Add("@mod");
        var pNote = insert.Add("@note");
        var pCorr = insert.Add("@corr");
        var pSeq = insert.Add("@seq");
        var pAt = insert.Add("@at");
        var pBy = insert.Add("@by");
        using var decide = tx.Command("INSERT INTO claim_reviews(claim_id, decision, decided_at, decided_by) VALUES (@id, @d, @at, @by)");
        var dId = decide.Add("@id");
        var dDec = decide.Add("@d");
        var dAt = decide.Add("@at");
        var dBy = decide.Add("@by");
        bool prepared = false;

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
            pAt.Value = engine.TimeValue(c.RecordedAt);
            pBy.Value = c.RecordedBy;
            if (!prepared) { engine.PrepareForReuse(insert); prepared = true; }
            if (insert.ExecuteNonQuery() == 0) continue;
            added++;
            if (c.Review != ReviewState.Proposed)
            {
                dId.Value = c.Id;
                dDec.Value = WireName.Of(c.Review);
                dAt.Value = engine.TimeValue(c.RecordedAt);
                dBy.Value = c.RecordedBy;
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

    /// <summary>Reads claims as the registry knew them at <see cref="ClaimFilter.KnownAt"/> (default: now), in recording order.</summary>
    public IReadOnlyList<Claim> Read(ClaimFilter filter) => Query(filter, null, 0, null).Claims;

    /// <summary>
    /// One page of the claims <paramref name="filter"/> selects, in recording order: those after the claim whose
    /// recording-order key is <paramref name="afterKey"/> (keyset: an indexed seek, however deep), or else from
    /// <paramref name="offset"/>; at most <paramref name="limit"/>. Claims recorded after the previous page was read come
    /// after it (they are only ever appended), so paging by key meets every claim exactly once.
    /// </summary>
    public ClaimPage ReadPage(ClaimFilter filter, long? afterKey, int offset, int limit)
    {
        var (claims, keys) = Query(filter, afterKey, afterKey is null ? offset : 0, limit + 1);
        var more = claims.Count > limit;
        var page = more ? claims.Take(limit).ToList() : claims;
        return new ClaimPage(page, page.Count > 0 ? keys[page.Count - 1] : afterKey, more);
    }

    /// <summary>How many claims <paramref name="filter"/> selects (counted by the engine, no claim read).</summary>
    public long Count(ClaimFilter filter)
    {
        using var c = engine.Open();
        using var cmd = Sql.Command(c, null, "");
        cmd.CommandText = "SELECT count(*) FROM claims c WHERE 1 = 1" + Where(cmd, filter, reviewInSql: true);
        return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The conditions of <paramref name="filter"/> (its parameters added to <paramref name="cmd"/>), each starting with AND.</summary>
    private string Where(DbCommand cmd, ClaimFilter filter, bool reviewInSql)
    {
        var sql = new StringBuilder();
        if (filter.KnownAt is { } k)
        {
            cmd.Add("@known", engine.TimeValue(k));
            sql.Append(" AND c.recorded_at <= @known");
        }
        if (filter.Type is { } t) { sql.Append(" AND c.type = @type"); cmd.Add("@type", WireName.Of(t)); }
        if (filter.Org is { } o) { sql.Append(" AND c.org = @org"); cmd.Add("@org", o.Value); }
        if (filter.State is { } s) { sql.Append(" AND c.state = @state"); cmd.Add("@state", s.Value); }
        if (filter.SourceId is { } src) { sql.Append(" AND c.source_id = @src"); cmd.Add("@src", src); }
        if (filter.Ids is { } ids)
        {
            var names = ids.Select((id, i) => { cmd.Add($"@id{i}", id); return $"@id{i}"; }).ToList();
            sql.Append(names.Count == 0 ? " AND 1 = 0" : $" AND c.id IN ({string.Join(",", names)})");
        }
        if (reviewInSql && filter.Review is { } wanted)
        {
            sql.Append(" AND COALESCE(").Append(LatestDecision(filter)).Append(", @proposed) = @review");
            cmd.Add("@proposed", WireName.Of(ReviewState.Proposed));
            cmd.Add("@review", WireName.Of(wanted));
        }
        return sql.ToString();
    }

    /// <summary>The claim's latest review decision as of the filter's knowledge time (null: none, so proposed).</summary>
    private static string LatestDecision(ClaimFilter filter) =>
        $"(SELECT r.decision FROM claim_reviews r WHERE r.claim_id = c.id{(filter.KnownAt is null ? "" : " AND r.decided_at <= @known")} ORDER BY r.seq DESC LIMIT 1)";

    private (IReadOnlyList<Claim> Claims, long[] Keys) Query(ClaimFilter filter, long? afterKey, int offset, int? limit)
    {
        // A page asks the engine for its rows only, review state included in the query.
        if (limit is not null) return ReadRange(filter, null, afterKey, null, offset, limit);
        // A whole read of many claims takes every claim's latest decision in one pass over the decisions (instead of a
        // lookup per claim), and reads its claims in consecutive stretches of recording order on every core at once.
        var many = ManyClaimsRead(filter);
        if (many is not { } m) return ReadRange(filter, null, null, null, 0, null);
        int parts = (int)Math.Clamp(m.Selected / ClaimsPerPart, 1, Math.Min(Environment.ProcessorCount, 4));
        // Keys split evenly; claims recorded after the count have larger keys and stay out (the read is the registry as counted).
        var bounds = Enumerable.Range(0, parts + 1).Select(i => m.FirstKey - 1 + (m.LastKey - m.FirstKey + 1) * i / parts).ToArray();
        var read = new List<Claim>[parts];
        Parallel.For(0, parts, i => read[i] = ReadRange(filter, m.Decisions, bounds[i], bounds[i + 1], 0, null).Claims);
        var claims = new List<Claim>(read.Sum(x => x.Count));
        foreach (var part in read) claims.AddRange(part);
        return (claims, []);
    }

    /// <summary>
    /// The claims <paramref name="filter"/> selects with a recording-order key after <paramref name="afterKey"/> and up to
    /// <paramref name="lastKey"/>, in recording order, from <paramref name="offset"/>, at most <paramref name="limit"/>
    /// (with their keys when <paramref name="limit"/> is given: a page). Review states come from <paramref name="decisions"/>
    /// when given, else from the engine.
    /// </summary>
    private (List<Claim> Claims, long[] Keys) ReadRange(ClaimFilter filter, Dictionary<string, ReviewState>? decisions, long? afterKey, long? lastKey, int offset, int? limit)
    {
        bool paged = limit is not null;
        using var c = engine.Open();
        using var cmd = Sql.Command(c, null, "");
        var order = "c." + engine.ClaimInsertionOrder;
        // No evidence (a reference source's claims) and the usual modality come back as NULL: nothing to read or parse.
        var sql = new StringBuilder($"""
            SELECT c.id, c.source_id, c.fact, NULLIF(c.evidence, '[]'), NULLIF(c.modality, 'reported'), c.note, c.corrects, c.sequence,
                   c.recorded_at, c.recorded_by, {(decisions is null ? LatestDecision(filter) : "NULL")}, {order}
            FROM claims c WHERE 1 = 1
            """);
        sql.Append(Where(cmd, filter, reviewInSql: paged));
        if (afterKey is { } after) { sql.Append(" AND ").Append(order).Append(" > @after"); cmd.Add("@after", after); }
        if (lastKey is { } last) { sql.Append(" AND ").Append(order).Append(" <= @last"); cmd.Add("@last", last); }
        // Insertion order is recording order (claims are only ever inserted), and needs no sort of a quarter million rows.
        sql.Append(" ORDER BY ").Append(order);
        if (limit is { } n)
        {
            sql.Append(" LIMIT @limit OFFSET @offset");
            cmd.Add("@limit", n);
            cmd.Add("@offset", offset);
        }
        cmd.CommandText = sql.ToString();
        // Each row becomes its claim as it is read (nothing of a row outlives it but the claim); the texts many claims share
        // (their source, their recorder) are kept once.
        var claims = new List<Claim>();
        var keys = new List<long>();
        var facts = new StoredFacts();
        var times = new TimeCache(engine);
        var shared = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                var id = r.GetString(0);
                ReviewState review = decisions is not null ? decisions.GetValueOrDefault(id, ReviewState.Proposed)
                    : r.IsDBNull(10) ? ReviewState.Proposed : WireName.Parse<ReviewState>(r.GetString(10), "review");
                if (!paged && filter.Review is { } wanted && review != wanted) continue;
                claims.Add(new Claim
                {
                    Id = id,
                    SourceId = Shared(shared, r.GetString(1)),
                    Fact = facts.Read(r.GetString(2)),
                    Evidence = r.IsDBNull(3) ? [] : ReadEvidence(r.GetString(3)),
                    Modality = r.IsDBNull(4) ? Modality.Reported : WireName.Parse<Modality>(r.GetString(4), "modality"),
                    Note = r.Text(5),
                    Corrects = r.Text(6),
                    Sequence = Convert.ToInt32(r.GetValue(7), System.Globalization.CultureInfo.InvariantCulture),
                    RecordedAt = times.Read(r.GetValue(8)),
                    RecordedBy = Shared(shared, r.GetString(9)),
                    Review = review,
                });
                if (paged) keys.Add(Convert.ToInt64(r.GetValue(11), System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        return (claims, keys.ToArray());
    }

    private static string Shared(Dictionary<string, string> shared, string text)
    {
        if (shared.TryGetValue(text, out var kept)) return kept;
        shared[text] = text;
        return text;
    }

    private static IReadOnlyList<Evidence> ReadEvidence(string json)
    {
        using var ev = JsonDocument.Parse($"{{\"evidence\":{json}}}");
        return ClaimJson.ReadEvidence(ev.RootElement);
    }

    /// <summary>A whole read of many claims: how many the filter selects, their first and last recording-order keys, and every claim's latest decision.</summary>
    private readonly record struct ManyClaims(long Selected, long FirstKey, long LastKey, Dictionary<string, ReviewState> Decisions);

    /// <summary>
    /// For a read that selects at least <see cref="ManyClaimsFrom"/> claims and at least a fifth as many as there are
    /// decisions, every claim's latest decision as of the filter's knowledge time, read in one pass over the decisions
    /// (a lookup per claim costs the engine several times a decision's share of that pass); null for a smaller read and
    /// for one narrowed to an organization, a state, a source or some ids.
    /// </summary>
    private ManyClaims? ManyClaimsRead(ClaimFilter filter)
    {
        if (filter.Ids is not null || filter.Org is not null || filter.State is not null || filter.SourceId is not null) return null;
        using var c = engine.Open();
        long selected, first, last;
        using (var count = Sql.Command(c, null, ""))
        {
            var order = "c." + engine.ClaimInsertionOrder;
            count.CommandText = $"SELECT count(*), min({order}), max({order}), (SELECT count(*) FROM claim_reviews) FROM claims c WHERE 1 = 1"
                + Where(count, filter with { Review = null }, reviewInSql: false);
            using var r = count.ExecuteReader();
            r.Read();
            selected = Convert.ToInt64(r.GetValue(0), System.Globalization.CultureInfo.InvariantCulture);
            long reviews = Convert.ToInt64(r.GetValue(3), System.Globalization.CultureInfo.InvariantCulture);
            if (selected < ManyClaimsFrom || selected * 5 < reviews) return null;
            first = Convert.ToInt64(r.GetValue(1), System.Globalization.CultureInfo.InvariantCulture);
            last = Convert.ToInt64(r.GetValue(2), System.Globalization.CultureInfo.InvariantCulture);
        }
        using var cmd = Sql.Command(c, null, "SELECT claim_id, decision FROM claim_reviews");
        if (filter.KnownAt is { } k)
        {
            cmd.CommandText += " WHERE decided_at <= @known";
            cmd.Add("@known", engine.TimeValue(k));
        }
        cmd.CommandText += " ORDER BY seq";
        var latest = new Dictionary<string, ReviewState>(StringComparer.Ordinal);
        var states = new Dictionary<string, ReviewState>(StringComparer.Ordinal);
        using (var r = cmd.ExecuteReader())
            while (r.Read())
            {
                var d = r.GetString(1);
                if (!states.TryGetValue(d, out var state)) states[d] = state = WireName.Parse<ReviewState>(d, "review");
                latest[r.GetString(0)] = state; // in decision order: the last one stays
            }
        return new ManyClaims(selected, first, last, latest);
    }

    /// <summary>Below this many claims a read looks each one's decision up (the pass over all decisions costs more; tests set fewer).</summary>
    internal int ManyClaimsFrom { get; init; } = 2048;

    /// <summary>A whole read is split in parts of at least this many claims, one per core (tests set fewer).</summary>
    internal int ClaimsPerPart { get; init; } = 20_000;

    public IReadOnlyDictionary<string, long> CountsBySource(ClaimType type)
    {
        using var c = engine.Open();
        return c.Query<(string Source, long Count)>("SELECT source_id, count(*) FROM claims WHERE type = @type GROUP BY source_id", new { type = WireName.Of(type) })
            .ToDictionary(x => x.Source, x => x.Count, StringComparer.Ordinal);
    }

    /// <summary>Claims recorded together share their time: convert each distinct value once.</summary>
    private sealed class TimeCache(StoreEngine engine)
    {
        private object? _raw;
        private DateTimeOffset _value;

        public DateTimeOffset Read(object raw)
        {
            if (!raw.Equals(_raw)) { _value = engine.ReadTime(raw); _raw = raw; }
            return _value;
        }
    }
}
