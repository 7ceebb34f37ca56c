using Microsoft.AspNetCore.Http.HttpResults;
using Plenary.Core.Registry;
using Plenary.Store.Queries;

namespace Plenary.Web.Api;

/// <summary><c>/persons</c>: the persons, and one with the statements attributed to them.</summary>
public static class PersonsApi
{
    public sealed record PersonsPage(IReadOnlyList<Person> Persons, PageInfo Page);

    public sealed record PersonAnswer(Person Person, IReadOnlyList<ClaimView> Statements);

    public static IEndpointRouteBuilder MapPersonsApi(this IEndpointRouteBuilder api)
    {
        var persons = api.MapGroup("/persons");
        persons.MapGet("", Persons).Documented("persons", "The persons the registry knows", 400);
        persons.MapGet("/{id}", Person).Documented("person", "A person, with the statements attributed to them", 400, 404);
        return api;
    }

    public static ApiOk<PersonsPage> Persons(RegistryService r, [AsParameters] PageQuery paging) =>
        r.Read(s => ApiOk<PersonsPage>.Of(paging.Of(s.Catalog.Persons, (persons, page) => new PersonsPage(persons, page))));

    public static Results<ApiOk<PersonAnswer>, ProblemHttpResult> Person(RegistryService r, string id, [AsParameters] KnownAtQuery known) =>
        r.AboutPerson(id, (s, person) => ApiOk<PersonAnswer>.Of(new PersonAnswer(person, new RegistryQueries(s).Statements(person, known.Time))));
}
