using GridActors.Api.Auth;
using GridActors.Api.Extensions;
using GridActors.Api.Events;
using GridActors.Grains.Clock;
using GridActors.Grains.Points;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GridActors.Api.Endpoints;

/// <summary>Red, yellow and black boards (红黄黑榜) of an area's townships, villages, workers or party branches.</summary>
public static class LeaderboardsEndpoints
{
    public static IEndpointRouteBuilder MapLeaderboardsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/leaderboards").WithTags("Statistics").RequireAuthorization(Policies.Scoped).RequireRateLimiting(RateLimitingExtensions.PerCaller)
            .MapGet("/", GetLeaderboards)
            .WithName(nameof(GetLeaderboards))
            .WithSummary("Boards for an area and period: areas by indicators, workers by points, branches against their targets.");
        return app;
    }

    public static async Task<Results<Ok<Boards>, ValidationProblem, ProblemHttpResult>> GetLeaderboards(
        string? scope, string? period, string? kind, ScopeResolver scopes, Leaderboards leaderboards, GridClock clock,
        CallerResolver callers, HttpContext http, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var name = period ?? "month";
        var area = scopes.Resolve(scope);
        var ranked = kind ?? Leaderboards.DefaultKind(area);
        var errors = new ValidationErrors();
        if (area is null)
        {
            errors.Add("scope", $"scope is the city, a township, village or grid id, not '{scope}'.");
        }
        if (Period.Start(name, now) is null)
        {
            errors.Add("period", $"period is one of: {string.Join(", ", Period.Names)}.");
        }
        if (!Leaderboards.Allows(ranked, area))
        {
            errors.Add("kind", "kind is townships (city scope), villages (city or township scope), workers or branches.");
        }
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        if (callers.Resolve(http) is not { } caller || !ScopeResolver.CanSee(caller, area!))
        {
            return Problems.Forbidden($"The boards of '{area!.Id}' are outside your scope.");
        }
        return TypedResults.Ok(await leaderboards.Build(area!, ranked, name, now, cancellationToken));
    }
}
