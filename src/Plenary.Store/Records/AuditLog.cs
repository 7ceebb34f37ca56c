using Dapper;

namespace Plenary.Store.Records;

public sealed record AuditEntry(long Seq, DateTimeOffset At, string Actor, string Action, string Subject, string? Before, string? After);

/// <summary>Who changed what, when: one row per write, with the record before and after (JSON), in the write's own transaction.</summary>
public sealed class AuditLog(StoreEngine engine)
{
    public void Add(StoreTransaction tx, string actor, string action, string subject, string? before, string? after, DateTimeOffset? at = null) =>
        tx.Connection.Execute("INSERT INTO audit_log(at, actor, action, subject, before, after) VALUES (@at, @actor, @action, @subject, @before, @after)",
            new { at = engine.TimeValue(at ?? DateTimeOffset.UtcNow), actor, action, subject, before, after }, tx.Transaction);

    /// <summary>True when the log already holds an entry of this action on this subject (as this transaction sees it).</summary>
    public bool Has(StoreTransaction tx, string action, string subject) =>
        tx.Connection.ExecuteScalar<long>("SELECT count(*) FROM audit_log WHERE action = @action AND subject = @subject", new { action, subject }, tx.Transaction) > 0;

    /// <summary>Entries newest first: those before <paramref name="beforeSeq"/> (a seek on the key, however deep), skipping <paramref name="offset"/>, at most <paramref name="limit"/>.</summary>
    public IReadOnlyList<AuditEntry> Read(int limit = 100, long? beforeSeq = null, int offset = 0)
    {
        using var c = engine.Open();
        using var cmd = Sql.Command(c, null, "SELECT seq, at, actor, action, subject, before, after FROM audit_log WHERE seq < @b ORDER BY seq DESC LIMIT @n OFFSET @o");
        cmd.Add("@b", beforeSeq ?? long.MaxValue);
        cmd.Add("@n", limit);
        cmd.Add("@o", offset);
        using var r = cmd.ExecuteReader();
        var list = new List<AuditEntry>();
        while (r.Read())
            list.Add(new AuditEntry(Convert.ToInt64(r.GetValue(0), System.Globalization.CultureInfo.InvariantCulture), engine.ReadTime(r.GetValue(1)),
                r.GetString(2), r.GetString(3), r.GetString(4), r.Text(5), r.Text(6)));
        return list;
    }

    public long Count()
    {
        using var c = engine.Open();
        return c.ExecuteScalar<long>("SELECT count(*) FROM audit_log");
    }
}
