using System.Text.RegularExpressions;
using GridActors.Api.Auth;
using GridActors.Api.Contracts;
using GridActors.Api.Extensions;
using GridActors.Grains.Topology;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GridActors.Api.Endpoints;

public static partial class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth").WithTags("Auth").RequireRateLimiting(RateLimitingExtensions.PerCaller);
        group.MapPost("/dev-token", IssueDevToken)
            .WithName(nameof(IssueDevToken))
            .WithSummary("Mints a token for a role and scope (local runs, drills and tests; 404 in Production).")
            .AllowAnonymous();
        return app;
    }

    public static Results<Ok<DevTokenResponse>, ValidationProblem, ProblemHttpResult> IssueDevToken(
        DevTokenRequest request, AuthOptions options, DevTokenIssuer issuer, CountyTopology topology, TimeProvider time)
    {
        if (options.DevTokens != true)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound,
                title: "Not Found", detail: "Development tokens are turned off here (Auth:DevTokens).");
        }

        var role = request.Role?.Trim().ToLowerInvariant() ?? "";
        var scope = request.Scope?.Trim() ?? "";
        if (role == Roles.City && scope.Length == 0)
        {
            scope = topology.City.Id;
        }
        if (ScopeError(role, scope, topology) is { } error)
        {
            return TypedResults.ValidationProblem(error);
        }
        var subject = request.Subject?.Trim();
        if (subject is not null && (subject.Length is 0 or > 100 || subject.Any(char.IsControl)))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["subject"] = ["A subject is 1 to 100 printable characters."],
            });
        }

        var expiresAt = time.GetUtcNow() + options.DevTokenLifetime;
        return TypedResults.Ok(new DevTokenResponse(issuer.Issue(role, scope, subject), role, scope, expiresAt));
    }

    private static Dictionary<string, string[]>? ScopeError(string role, string scope, CountyTopology topology)
    {
        var known = role switch
        {
            Roles.City => scope == topology.City.Id,
            Roles.Township => topology.FindTownship(scope) is not null,
            Roles.Village => topology.FindVillage(scope) is not null,
            Roles.Worker => topology.FindWorker(scope) is not null,
            Roles.Department => topology.FindDepartment(scope) is not null,
            Roles.Citizen => CitizenId().IsMatch(scope),
            Roles.Volunteer => topology.FindVolunteer(scope) is not null,
            Roles.Feed => FeedChannel().IsMatch(scope),
            _ => (bool?)null,
        };
        return known switch
        {
            null => new() { ["role"] = [$"role must be one of: {string.Join(", ", Roles.All)}."] },
            false => new() { ["scope"] = [$"'{scope}' is not a {role} id of this county."] },
            true => null,
        };
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex CitizenId();

    [GeneratedRegex("^[a-z0-9-]{1,32}$")]
    private static partial Regex FeedChannel();
}
