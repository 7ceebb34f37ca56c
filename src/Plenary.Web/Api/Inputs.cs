using System.Globalization;
using Plenary.Core.Claims;
using Plenary.Core.Ids;
using Plenary.Core.Registry;
using Plenary.Core.Time;

namespace Plenary.Web.Api;

/// <summary>Turns request text into domain values, or a 400 that says what was expected (the core never sees raw strings).</summary>
public static class Inputs
{
    public static DateOnly Day(string? text, string name)
    {
        if (string.IsNullOrEmpty(text)) return DateOnly.FromDateTime(DateTime.UtcNow);
        if (!EdtfDate.TryParse(text, out var d, out var error)) throw new BadInputException($"{name}: {error}");
        if (d.Precision != DatePrecision.Day) throw new BadInputException($"{name}: '{text}' is not a day: expected YYYY-MM-DD");
        return d.Start;
    }

    public static DateOnly? OptionalDay(string? text, string name) => string.IsNullOrEmpty(text) ? null : Day(text, name);

    /// <summary>A knowledge time: a day (its end, UTC) or an ISO 8601 time.</summary>
    public static DateTimeOffset? Time(string? text, string name)
    {
        if (string.IsNullOrEmpty(text)) return null;
        if (EdtfDate.TryParse(text, out var d, out _) && d.Precision == DatePrecision.Day)
            return new DateTimeOffset(d.End.ToDateTime(new TimeOnly(23, 59, 59, 999)), TimeSpan.Zero);
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t)) return t;
        throw new BadInputException($"{name}: '{text}' is not a time: expected YYYY-MM-DD or an ISO 8601 date and time");
    }

    public static string Required(string? text, string name) =>
        string.IsNullOrWhiteSpace(text) ? throw new BadInputException($"{name} is required") : text;

    /// <summary>A state named in a query (id or name): unknown is the caller's mistake, a 400 with the closest names.</summary>
    public static StateId State(Catalog catalog, string? text, string name)
    {
        var r = catalog.ResolveState(Required(text, name));
        return r.Id ?? throw new BadInputException($"{name}: {r.Error}");
    }

    public static OrgId Org(Catalog catalog, string? text, string name)
    {
        var r = catalog.ResolveOrganization(Required(text, name));
        return r.Id ?? throw new BadInputException($"{name}: {r.Error}");
    }

    public static OrgId? OptionalOrg(Catalog catalog, string? text, string name) => string.IsNullOrEmpty(text) ? null : Org(catalog, text, name);
    public static StateId? OptionalState(Catalog catalog, string? text, string name) => string.IsNullOrEmpty(text) ? null : State(catalog, text, name);

    /// <summary>A state in the path: one the registry does not hold is a 404.</summary>
    public static State PathState(Catalog catalog, string id)
    {
        var r = catalog.ResolveState(id);
        return r.Id is { } s && catalog.FindState(s) is { } state ? state : throw new NotFoundException(r.Error ?? $"no state '{id}'");
    }

    public static Organization PathOrg(Catalog catalog, string id)
    {
        var r = catalog.ResolveOrganization(id);
        return r.Id is { } o && catalog.FindOrganization(o) is { } org ? org : throw new NotFoundException(r.Error ?? $"no organization '{id}'");
    }

    public static Person PathPerson(Catalog catalog, string id)
    {
        var r = catalog.ResolvePerson(id);
        return r.Id is { } p && catalog.FindPerson(p) is { } person ? person : throw new NotFoundException(r.Error ?? $"no person '{id}'");
    }

    public static TEnum? Enum<TEnum>(string? text, string name) where TEnum : struct, Enum
    {
        if (string.IsNullOrEmpty(text)) return null;
        return WireName.TryParse<TEnum>(text, out var v) ? v
            : throw new BadInputException($"{name}: '{text}' is not one of {string.Join(", ", WireName.Names<TEnum>())}");
    }
}
