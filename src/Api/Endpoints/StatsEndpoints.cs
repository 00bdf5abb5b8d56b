using GridActors.Api.Auth;
using GridActors.Api.Extensions;
using GridActors.Api.Events;
using GridActors.Grains.Clock;
using GridActors.Grains.Points;
using GridActors.Grains.ReadModel;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GridActors.Api.Endpoints;

/// <summary>The evaluation indicators of an area for a period, from the read model (docs/POINTS.md).</summary>
public static class StatsEndpoints
{
    public static IEndpointRouteBuilder MapStatsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/stats").WithTags("Statistics").RequireAuthorization(Policies.Scoped).RequireRateLimiting(RateLimitingExtensions.PerCaller)
            .MapGet("/", GetStats)
            .WithName(nameof(GetStats))
            .WithSummary("Reported, open, closed, overdue, closing, on-time, rework and extension rates for an area and period.");
        return app;
    }

    public sealed record StatsResponse(string Scope, string Level, string Period, DateTimeOffset? From, DateTimeOffset AsOf, Indicators Indicators);

    public static async Task<Results<Ok<StatsResponse>, ValidationProblem, ProblemHttpResult>> GetStats(
        string? scope, string? period, ScopeResolver scopes, IEventReadModel readModel, GridClock clock,
        CallerResolver callers, HttpContext http, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var name = period ?? "all";
        var from = Period.Start(name, now);
        if (scopes.Resolve(scope) is not { } area || from is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                [from is null ? "period" : "scope"] = [from is null
                    ? $"period is one of: {string.Join(", ", Period.Names)}."
                    : $"scope is the city, a township, village or grid id, not '{scope}'."],
            });
        }
        if (callers.Resolve(http) is not { } caller || !ScopeResolver.CanSee(caller, area))
        {
            return Problems.Forbidden($"The statistics of '{area.Id}' are outside your scope.");
        }
        var tally = await readModel.Tally(area.Filter with { From = name == "all" ? null : from }, now, TallyBy.Whole, cancellationToken);
        return TypedResults.Ok(new StatsResponse(area.Id, area.Level, name, name == "all" ? null : from, now,
            Indicators.From(tally.GetValueOrDefault("", CaseTally.Empty), area.Workers)));
    }
}
