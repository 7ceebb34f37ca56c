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
        using var c = engine.Open();
        using var cmd = Sql.Command(c, null, "");
        var order = "c." + engine.ClaimInsertionOrder;
        // A page asks the engine for its rows only (review state included in the query); a whole read filters the review
        // state as it reads, which spares the engine a second look at each claim's decisions.
        bool paged = limit is not null;
        var sql = new StringBuilder($"""
            SELECT c.id, c.source_id, c.fact, c.evidence, c.modality, c.note, c.corrects, c.sequence, c.recorded_at, c.recorded_by,
                   {LatestDecision(filter)}, {order}
            FROM claims c WHERE 1 = 1
            """);
        sql.Append(Where(cmd, filter, reviewInSql: paged));
        if (afterKey is { } after) { sql.Append(" AND ").Append(order).Append(" > @after"); cmd.Add("@after", after); }
        // Insertion order is recording order (claims are only ever inserted), and needs no sort of a quarter million rows.
        sql.Append(" ORDER BY ").Append(order);
        if (limit is { } n)
        {
            sql.Append(" LIMIT @limit OFFSET @offset");
            cmd.Add("@limit", n);
            cmd.Add("@offset", offset);
        }
        cmd.CommandText = sql.ToString();
        // Rows are read in order on this thread; their JSON (most of the cost for a panel's hundred thousand claims) is
        // parsed on every core, each claim into its own slot, so the order stays the recording order.
        var rows = new List<ClaimRow>();
        var keys = new List<long>();
        using (var r = cmd.ExecuteReader())
        {
            var times = new TimeCache(engine);
            while (r.Read())
            {
                var review = r.IsDBNull(10) ? ReviewState.Proposed : WireName.Parse<ReviewState>(r.GetString(10), "review");
                if (filter.Review is { } wanted && review != wanted) continue;
                rows.Add(new ClaimRow(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.Text(5), r.Text(6),
                    Convert.ToInt32(r.GetValue(7), System.Globalization.CultureInfo.InvariantCulture), times.Read(r.GetValue(8)), r.GetString(9), review));
                keys.Add(Convert.ToInt64(r.GetValue(11), System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        var claims = new Claim[rows.Count];
        if (rows.Count < ParallelParseFrom)
            for (int i = 0; i < rows.Count; i++) claims[i] = rows[i].ToClaim();
        else
            Parallel.For(0, rows.Count, i => claims[i] = rows[i].ToClaim());
        return (claims, keys.ToArray());
    }

    /// <summary>Below this many claims, parsing on one thread is quicker than starting others.</summary>
    private const int ParallelParseFrom = 4096;

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

    /// <summary>A claim's row as read, its JSON not yet parsed.</summary>
    private sealed record ClaimRow(string Id, string SourceId, string Fact, string Evidence, string Modality, string? Note, string? Corrects,
        int Sequence, DateTimeOffset RecordedAt, string RecordedBy, ReviewState Review)
    {
        public Claim ToClaim()
        {
            using var fact = JsonDocument.Parse(Fact);
            IReadOnlyList<Evidence> evidence = [];
            if (Evidence != "[]")
            {
                using var ev = JsonDocument.Parse($"{{\"evidence\":{Evidence}}}");
                evidence = ClaimJson.ReadEvidence(ev.RootElement);
            }
            return new Claim
            {
                Id = Id,
                SourceId = SourceId,
                Fact = ClaimJson.ReadFact(fact.RootElement),
                Evidence = evidence,
                Modality = WireName.Parse<Modality>(Modality, "modality"),
                Note = Note,
                Corrects = Corrects,
                Sequence = Sequence,
                RecordedAt = RecordedAt,
                RecordedBy = RecordedBy,
                Review = Review,
            };
        }
    }
}
