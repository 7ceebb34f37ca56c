using Microsoft.AspNetCore.Http.HttpResults;

namespace Plenary.Web;

/// <summary>RFC 9457 problem details: the one shape of every API error.</summary>
public static class Problems
{
    public static ProblemHttpResult Of(int status, string title, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title, type: $"https://httpstatuses.io/{status}");

    public static ProblemHttpResult BadRequest(string detail) => Of(StatusCodes.Status400BadRequest, "Bad request", detail);
    public static ProblemHttpResult NotFound(string detail) => Of(StatusCodes.Status404NotFound, "Not found", detail);
    public static ProblemHttpResult Conflict(string detail) => Of(StatusCodes.Status409Conflict, "Conflict", detail);

    public static Task Write(HttpContext context, int status, string title, string detail) => Of(status, title, detail).ExecuteAsync(context);
}

/// <summary>A request the caller can fix; becomes a 400 problem with its message (parsing at the edge).</summary>
public sealed class BadInputException(string message) : Exception(message);

/// <summary>Something the request names that the registry does not hold; becomes a 404 problem.</summary>
public sealed class NotFoundException(string message) : Exception(message);

/// <summary>A change that contradicts the registry's current state (accepting a claim already accepted); a 409 problem.</summary>
public sealed class ConflictException(string message) : Exception(message);
