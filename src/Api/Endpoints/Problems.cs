using GridActors.Grains.Drills;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GridActors.Api.Endpoints;

/// <summary>The ProblemDetails answers that several endpoints give, worded the same everywhere.</summary>
public static class Problems
{
    public static ProblemHttpResult NotFound(string kind, string id) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound, title: "Not Found", detail: $"There is no {kind} '{id}'.");

    public static ProblemHttpResult Forbidden(string detail) => TypedResults.Problem(
        statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: detail);

    public static ProblemHttpResult OutOfScope(string kind, string id) => TypedResults.Problem(
        statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: $"The {kind} '{id}' is outside your scope.");

    public static ValidationProblem InvalidDrill() =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["drill"] = [DrillIds.Invalid] });
}
