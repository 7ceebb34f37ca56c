using System.Data.Common;

namespace Plenary.Store;

/// <summary>One write transaction on one pooled connection: everything done through it is committed together, or not at all.</summary>
public sealed class StoreTransaction
{
    internal StoreTransaction(DbConnection connection, DbTransaction transaction)
    {
        Connection = connection;
        Transaction = transaction;
    }

    public DbConnection Connection { get; }
    public DbTransaction Transaction { get; }

    public DbCommand Command(string sql) => Sql.Command(Connection, Transaction, sql);
}

/// <summary>Small helpers for the parameterized SQL the store shares between engines (parameters are written <c>@name</c>).</summary>
public static class Sql
{
    public static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var cmd = connection.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandText = sql;
        return cmd;
    }

    /// <summary>Adds a parameter (null becomes SQL NULL) and returns it, to set its value again for the next row.</summary>
    public static DbParameter Add(this DbCommand cmd, string name, object? value = null)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value ?? DBNull.Value;
        cmd.Parameters.Add(p);
        return p;
    }

    /// <summary>A time as text for the audit log and for engines that keep times as text (ISO 8601, UTC, so text order is time order).</summary>
    public static string TimeText(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseTime(string s) => DateTimeOffset.Parse(s, System.Globalization.CultureInfo.InvariantCulture,
        System.Globalization.DateTimeStyles.AssumeUniversal | System.Globalization.DateTimeStyles.AdjustToUniversal);

    public static string? Text(this DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}
