using Microsoft.AspNetCore.Http.HttpResults;
using Plenary.Core.Claims;
using Plenary.Core.Ids;
using Plenary.Core.Registry;
using Plenary.Core.Time;
using Plenary.Store;

namespace Plenary.Web.Api;

/// <summary>Turns request text into domain values, or a 400 that says what was expected (the core never sees raw strings).</summary>
public static class Inputs
{
    // The parsing is Core's (AskedTime), shared with the CLI; here its error becomes a 400 naming the parameter.
    public static DateOnly Day(string? text, string name) =>
        string.IsNullOrEmpty(text) ? DateOnly.FromDateTime(DateTime.UtcNow) : AskedTime.TryDay(text, out var d, out var e) ? d : throw new BadInputException($"{name}: {e}");

    public static DateOnly? OptionalDay(string? text, string name) => string.IsNullOrEmpty(text) ? null : Day(text, name);

    /// <summary>A day, a month or a year (default: today).</summary>
    public static EdtfDate Period(string? text, string name) =>
        string.IsNullOrEmpty(text) ? EdtfDate.Of(DateOnly.FromDateTime(DateTime.UtcNow)) : AskedTime.TryPeriod(text, out var p, out var e) ? p : throw new BadInputException($"{name}: {e}");

    /// <summary>A knowledge time: a day, month or year (its end, UTC) or an ISO 8601 time.</summary>
    public static DateTimeOffset? Time(string? text, string name) =>
        string.IsNullOrEmpty(text) ? null : AskedTime.TryKnownAt(text, out var t, out var e) ? t : throw new BadInputException($"{name}: {e}");

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

    /// <summary>A state in the path: one the registry does not hold is a 404 (the error, with the closest names).</summary>
    public static State? FindState(Catalog catalog, string id, out string notFound)
    {
        var r = catalog.ResolveState(id);
        notFound = r.Error ?? $"no state '{id}'";
        return r.Id is { } s ? catalog.FindState(s) : null;
    }

    public static Organization? FindOrg(Catalog catalog, string id, out string notFound)
    {
        var r = catalog.ResolveOrganization(id);
        notFound = r.Error ?? $"no organization '{id}'";
        return r.Id is { } o ? catalog.FindOrganization(o) : null;
    }

    public static Person? FindPerson(Catalog catalog, string id, out string notFound)
    {
        var r = catalog.ResolvePerson(id);
        notFound = r.Error ?? $"no person '{id}'";
        return r.Id is { } p ? catalog.FindPerson(p) : null;
    }

    /// <summary>An answer about the state in the path, or a 404 problem (with the closest names) when the registry holds none by that id.</summary>
    public static Results<TAnswer, ProblemHttpResult> AboutState<TAnswer>(this RegistryService r, string id, Func<RegistryStore, State, TAnswer> answer) where TAnswer : IResult =>
        r.Read<Results<TAnswer, ProblemHttpResult>>(s => FindState(s.Catalog, id, out var missing) is { } state ? answer(s, state) : Problems.NotFound(missing));

    /// <summary>An answer about the organization in the path, or a 404 problem (with the closest names).</summary>
    public static Results<TAnswer, ProblemHttpResult> AboutOrg<TAnswer>(this RegistryService r, string id, Func<RegistryStore, Organization, TAnswer> answer) where TAnswer : IResult =>
        r.Read<Results<TAnswer, ProblemHttpResult>>(s => FindOrg(s.Catalog, id, out var missing) is { } org ? answer(s, org) : Problems.NotFound(missing));

    /// <summary>An answer about the person in the path, or a 404 problem (with the closest names).</summary>
    public static Results<TAnswer, ProblemHttpResult> AboutPerson<TAnswer>(this RegistryService r, string id, Func<RegistryStore, Person, TAnswer> answer) where TAnswer : IResult =>
        r.Read<Results<TAnswer, ProblemHttpResult>>(s => FindPerson(s.Catalog, id, out var missing) is { } person ? answer(s, person) : Problems.NotFound(missing));

    public static State PathState(Catalog catalog, string id) => FindState(catalog, id, out var e) ?? throw new NotFoundException(e);

    public static Organization PathOrg(Catalog catalog, string id) => FindOrg(catalog, id, out var e) ?? throw new NotFoundException(e);

    public static Person PathPerson(Catalog catalog, string id) => FindPerson(catalog, id, out var e) ?? throw new NotFoundException(e);

    public static TEnum? Enum<TEnum>(string? text, string name) where TEnum : struct, Enum
    {
        if (string.IsNullOrEmpty(text)) return null;
        return WireName.TryParse<TEnum>(text, out var v) ? v
            : throw new BadInputException($"{name}: '{text}' is not one of {string.Join(", ", WireName.Names<TEnum>())}");
    }
}
