using System.Data.Common;
using System.Text.Json;
using Plenary.Core.Claims;
using Plenary.Core.Json;
using Plenary.Core.Registry;
using Plenary.Core.Time;

namespace Plenary.Store.Records;

/// <summary>The named things: states, organizations, persons (each a JSON record beside the columns queries filter on) and sources.</summary>
public sealed class CatalogRecords(StoreEngine engine, AuditLog audit)
{
    private volatile Catalog? _catalog;

    /// <summary>The states, organizations, persons and sources the registry holds (cached until one is added).</summary>
    public Catalog Catalog => _catalog ??= Load();

    public void Forget() => _catalog = null;

    private Catalog Load()
    {
        using var c = engine.Open();
        var states = ReadRecords<State>(c, "states");
        var orgs = ReadRecords<Organization>(c, "organizations");
        var persons = ReadRecords<Person>(c, "persons");
        var sources = new List<Source>();
        using (var cmd = Sql.Command(c, null, "SELECT id, kind, title, date, publisher, url, note FROM sources ORDER BY id"))
        using (var r = cmd.ExecuteReader())
            while (r.Read())
                sources.Add(new Source(r.GetString(0), WireName.Parse<SourceKind>(r.GetString(1), "source kind"), r.GetString(2),
                    EdtfDate.ParseOptional(r.Text(3)), r.Text(4), r.Text(5), r.Text(6)));
        return new Catalog(states, orgs, persons, sources);
    }

    private static List<T> ReadRecords<T>(DbConnection c, string table)
    {
        var list = new List<T>();
        using var cmd = Sql.Command(c, null, $"SELECT record FROM {table} ORDER BY id"); // table names are this class's constants
        using var r = cmd.ExecuteReader();
        while (r.Read()) list.Add(JsonSerializer.Deserialize<T>(r.GetString(0), DomainJson.Options)!);
        return list;
    }

    /// <summary>Adds the states, organizations, persons and sources not yet in the registry (by id), inside the caller's transaction.</summary>
    public int Add(StoreTransaction tx, IEnumerable<State> states, IEnumerable<Organization> orgs, IEnumerable<Person> persons, IEnumerable<Source> sources, string recordedBy, DateTimeOffset? at = null)
    {
        var when = engine.TimeValue(at ?? DateTimeOffset.UtcNow);
        var rec = engine.Json("@rec");
        int n = 0;
        using (var cmd = tx.Command($"INSERT INTO states(id, name, cow_code, record, recorded_at, recorded_by) VALUES (@id, @name, @cow, {rec}, @at, @by) ON CONFLICT(id) DO NOTHING"))
            foreach (var s in states)
                n += Insert(cmd, ("@id", s.Id.Value), ("@name", s.Name), ("@cow", s.CowCode), ("@rec", JsonSerializer.Serialize(s, DomainJson.Options)), ("@at", when), ("@by", recordedBy));
        using (var cmd = tx.Command($"INSERT INTO organizations(id, name, record, recorded_at, recorded_by) VALUES (@id, @name, {rec}, @at, @by) ON CONFLICT(id) DO NOTHING"))
            foreach (var o in orgs)
                n += Insert(cmd, ("@id", o.Id.Value), ("@name", o.Name), ("@rec", JsonSerializer.Serialize(o, DomainJson.Options)), ("@at", when), ("@by", recordedBy));
        using (var cmd = tx.Command($"INSERT INTO persons(id, name, record, recorded_at, recorded_by) VALUES (@id, @name, {rec}, @at, @by) ON CONFLICT(id) DO NOTHING"))
            foreach (var p in persons)
                n += Insert(cmd, ("@id", p.Id.Value), ("@name", p.Name), ("@rec", JsonSerializer.Serialize(p, DomainJson.Options)), ("@at", when), ("@by", recordedBy));
        using (var cmd = tx.Command("INSERT INTO sources(id, kind, title, date, publisher, url, note, recorded_at, recorded_by) VALUES (@id, @kind, @title, @date, @pub, @url, @note, @at, @by) ON CONFLICT(id) DO NOTHING"))
            foreach (var s in sources)
                n += Insert(cmd, ("@id", s.Id), ("@kind", WireName.Of(s.Kind)), ("@title", s.Title), ("@date", s.Date?.ToString()), ("@pub", s.Publisher), ("@url", s.Url), ("@note", s.Note), ("@at", when), ("@by", recordedBy));
        if (n > 0) audit.Add(tx, recordedBy, "add-entities", "registry", null, $"{{\"added\":{n}}}", at);
        // Dropped even if the caller's transaction later rolls back: the next read simply reloads it.
        if (n > 0) _catalog = null;
        return n;
    }

    private static int Insert(DbCommand cmd, params (string Name, object? Value)[] values)
    {
        // The same parameters, new values (a command's parameters are kept: the engine may have prepared it).
        foreach (var (name, value) in values)
        {
            if (cmd.Parameters.Contains(name)) cmd.Parameters[name].Value = value ?? DBNull.Value;
            else cmd.Add(name, value);
        }
        return cmd.ExecuteNonQuery();
    }
}
