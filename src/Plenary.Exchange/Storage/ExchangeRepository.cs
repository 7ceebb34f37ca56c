using System.Globalization;
using System.Text.Json;
using System.Data.Common;
using Plenary.Core.Ids;
using Plenary.Exchange.Cow;
using Plenary.Store;

namespace Plenary.Exchange.Storage;

/// <summary>Everything the exchange keeps beside the claims (migration 0010), read back in one piece.</summary>
public sealed record ExchangeData(
    IReadOnlyList<CowOrgLink> Orgs,
    IReadOnlyList<CowStateLink> States,
    IReadOnlyList<ObservedSpell> Observed,
    IReadOnlyList<IgoRow> IgoRows,
    IReadOnlyList<StateRow> StateRows,
    IReadOnlyList<SystemSpell> SystemSpells)
{
    public static ExchangeData Empty { get; } = new([], [], [], [], [], []);
}

/// <summary>What one write added (rows already present are skipped, so a second import of the same file adds nothing).</summary>
public sealed record ExchangeWriteCounts(int Links, int Observed, int IgoRows, int StateRows, int Spells)
{
    public int Total => Links + Observed + IgoRows + StateRows + Spells;
}

/// <summary>The exchange's tables, through the store's connection, with visible parameterized SQL.</summary>
public sealed class ExchangeRepository
{
    private readonly RegistryStore store;

    public ExchangeRepository(RegistryStore store) => this.store = store;

    public ExchangeData Load()
    {
        // A hundred thousand rows name a few hundred organizations and states: each id is checked and kept once.
        var orgIds = new Dictionary<string, OrgId>(StringComparer.Ordinal);
        var stateIds = new Dictionary<string, StateId>(StringComparer.Ordinal);
        var sources = new Dictionary<string, string>(StringComparer.Ordinal);
        OrgId Org(DbDataReader r, int i) { var s = r.GetString(i); if (!orgIds.TryGetValue(s, out var id)) orgIds[s] = id = OrgId.Parse(s); return id; }
        StateId State(DbDataReader r, int i) { var s = r.GetString(i); if (!stateIds.TryGetValue(s, out var id)) stateIds[s] = id = StateId.Parse(s); return id; }
        string Source(DbDataReader r, int i) { var s = r.GetString(i); if (!sources.TryGetValue(s, out var kept)) sources[s] = kept = s; return kept; }

        var orgs = Read("SELECT org_id, ioname, ionum, orgname FROM exchange_cow_org ORDER BY org_id",
            r => new CowOrgLink(Org(r, 0), r.GetString(1), r.IsDBNull(2) ? null : r.GetInt32(2), r.IsDBNull(3) ? null : r.GetString(3)));
        var states = Read("SELECT state_id, ccode, stateabb, cowname FROM exchange_cow_state ORDER BY ccode",
            r => new CowStateLink(State(r, 0), r.GetInt32(1), r.GetString(2), r.GetString(3)));
        var observed = Read("SELECT source_id, org_id, state_id, from_year, to_year FROM exchange_cow_observed",
            r => new ObservedSpell(Source(r, 0), Org(r, 1), State(r, 2), r.GetInt32(3), r.GetInt32(4)));
        var igoRows = Read("SELECT source_id, org_id, year, meta FROM exchange_igo_row",
            r => new IgoRow(Source(r, 0), Org(r, 1), r.GetInt32(2), r.IsDBNull(3) ? null : Strings(r.GetString(3))));
        var stateRows = Read("SELECT source_id, state_id, year FROM exchange_state_row",
            r => new StateRow(Source(r, 0), State(r, 1), r.GetInt32(2)));
        var spells = Read("SELECT source_id, state_id, start_date, end_date FROM exchange_system_spell",
            r => new SystemSpell(Source(r, 0), State(r, 1), DateOnly.ParseExact(r.GetString(2), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                DateOnly.ParseExact(r.GetString(3), "yyyy-MM-dd", CultureInfo.InvariantCulture)));
        return new ExchangeData(orgs, states, observed, igoRows, stateRows, spells);
    }

    /// <summary>A JSON array of strings (an IGO row's COW columns, as <see cref="Write"/> keeps them).</summary>
    private static string[] Strings(string json)
    {
        var r = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(json));
        var list = new List<string>();
        if (!r.Read() || r.TokenType != JsonTokenType.StartArray) throw new JsonException($"expected a JSON array of strings, not {json}");
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
            list.Add(r.TokenType switch
            {
                JsonTokenType.String => r.GetString()!,
                JsonTokenType.Null => null!, // as the serializer that wrote it reads it back
                _ => throw new JsonException($"expected a JSON array of strings, not {json}"),
            });
        return list.ToArray();
    }

    public (IReadOnlyList<CowOrgLink> Orgs, IReadOnlyList<CowStateLink> States) Links()
    {
        var d = Load();
        return (d.Orgs, d.States);
    }

    /// <summary>Writes a plan's exchange records inside the caller's transaction (with its claims).</summary>
    public ExchangeWriteCounts Write(StoreTransaction tx, CowImportPlan plan)
    {
        int links = 0;
        using (var cmd = tx.Command("""
            INSERT INTO exchange_cow_org(org_id, ioname, ionum, orgname) VALUES (@org, @ioname, @ionum, @orgname)
            ON CONFLICT(org_id) DO UPDATE SET ionum = coalesce(exchange_cow_org.ionum, excluded.ionum),
                orgname = coalesce(exchange_cow_org.orgname, excluded.orgname),
                ioname = CASE WHEN excluded.ionum IS NOT NULL THEN excluded.ioname ELSE exchange_cow_org.ioname END
            WHERE exchange_cow_org.ionum IS DISTINCT FROM excluded.ionum AND excluded.ionum IS NOT NULL
            """))
        {
            var (org, ioname, ionum, orgname) = (P(cmd, "@org"), P(cmd, "@ioname"), P(cmd, "@ionum"), P(cmd, "@orgname"));
            foreach (var l in plan.OrgLinks)
            {
                org.Value = l.Org.Value; ioname.Value = l.Ioname; ionum.Value = (object?)l.Ionum ?? DBNull.Value; orgname.Value = (object?)l.Orgname ?? DBNull.Value;
                links += cmd.ExecuteNonQuery();
            }
        }
        using (var cmd = tx.Command("INSERT INTO exchange_cow_state(state_id, ccode, stateabb, cowname) VALUES (@s, @c, @a, @n) ON CONFLICT DO NOTHING"))
        {
            var (s, c, a, n) = (P(cmd, "@s"), P(cmd, "@c"), P(cmd, "@a"), P(cmd, "@n"));
            foreach (var l in plan.StateLinks)
            {
                s.Value = l.State.Value; c.Value = l.Ccode; a.Value = l.StateAbb; n.Value = l.CowName;
                links += cmd.ExecuteNonQuery();
            }
        }
        int observed = 0;
        using (var cmd = tx.Command("INSERT INTO exchange_cow_observed(source_id, org_id, state_id, from_year, to_year) VALUES (@src, @o, @s, @f, @t) ON CONFLICT DO NOTHING"))
        {
            var (src, o, s, f, t) = (P(cmd, "@src"), P(cmd, "@o"), P(cmd, "@s"), P(cmd, "@f"), P(cmd, "@t"));
            store.Engine.PrepareForReuse(cmd);
            foreach (var x in plan.Observed)
            {
                src.Value = x.SourceId; o.Value = x.Org.Value; s.Value = x.State.Value; f.Value = x.From; t.Value = x.To;
                observed += cmd.ExecuteNonQuery();
            }
        }
        int igoRows = 0;
        using (var cmd = tx.Command("INSERT INTO exchange_igo_row(source_id, org_id, year, meta) VALUES (@src, @o, @y, @m) ON CONFLICT DO NOTHING"))
        {
            var (src, o, y, m) = (P(cmd, "@src"), P(cmd, "@o"), P(cmd, "@y"), P(cmd, "@m"));
            store.Engine.PrepareForReuse(cmd);
            foreach (var x in plan.IgoRows)
            {
                src.Value = x.SourceId; o.Value = x.Org.Value; y.Value = x.Year; m.Value = x.Meta is null ? DBNull.Value : JsonSerializer.Serialize(x.Meta);
                igoRows += cmd.ExecuteNonQuery();
            }
        }
        int stateRows = WriteStateRows(tx, plan.StateRows);
        return new ExchangeWriteCounts(links, observed, igoRows, stateRows, 0);
    }

    private int WriteStateRows(StoreTransaction tx, IReadOnlyList<StateRow> rows)
    {
        int n = 0;
        using var cmd = tx.Command("INSERT INTO exchange_state_row(source_id, state_id, year) VALUES (@src, @s, @y) ON CONFLICT DO NOTHING");
        var (src, s, y) = (P(cmd, "@src"), P(cmd, "@s"), P(cmd, "@y"));
        store.Engine.PrepareForReuse(cmd);
        foreach (var x in rows)
        {
            src.Value = x.SourceId; s.Value = x.State.Value; y.Value = x.Year;
            n += cmd.ExecuteNonQuery();
        }
        return n;
    }

    public ExchangeWriteCounts WriteSystem(StoreTransaction tx, IReadOnlyList<SystemSpell> spells, IReadOnlyList<CowStateLink> links)
    {
        int l = 0, n = 0;
        using (var cmd = tx.Command("INSERT INTO exchange_cow_state(state_id, ccode, stateabb, cowname) VALUES (@s, @c, @a, @n) ON CONFLICT DO NOTHING"))
        {
            var (s, c, a, nm) = (P(cmd, "@s"), P(cmd, "@c"), P(cmd, "@a"), P(cmd, "@n"));
            foreach (var x in links)
            {
                s.Value = x.State.Value; c.Value = x.Ccode; a.Value = x.StateAbb; nm.Value = x.CowName;
                l += cmd.ExecuteNonQuery();
            }
        }
        using (var cmd = tx.Command("INSERT INTO exchange_system_spell(source_id, state_id, start_date, end_date) VALUES (@src, @s, @a, @b) ON CONFLICT DO NOTHING"))
        {
            var (src, s, a, b) = (P(cmd, "@src"), P(cmd, "@s"), P(cmd, "@a"), P(cmd, "@b"));
            foreach (var x in spells)
            {
                src.Value = x.SourceId; s.Value = x.State.Value;
                a.Value = x.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture); b.Value = x.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                n += cmd.ExecuteNonQuery();
            }
        }
        return new ExchangeWriteCounts(l, 0, 0, 0, n);
    }

    private static DbParameter P(DbCommand cmd, string name)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        cmd.Parameters.Add(p);
        return p;
    }

    private List<T> Read<T>(string sql, Func<DbDataReader, T> map)
    {
        using var c = store.Engine.Open();
        using var cmd = Sql.Command(c, null, sql);
        using var r = cmd.ExecuteReader();
        var list = new List<T>();
        while (r.Read()) list.Add(map(r));
        return list;
    }
}
