using GridActors.Api.Auth;
using GridActors.Api.Extensions;
using GridActors.Api.Events;
using GridActors.Grains.Clock;
using GridActors.Grains.Drills;
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
            .WithSummary("Reported, open, closed, overdue, closing, on-time, rework and extension rates for an area and period; of one drill's cases with drill.");
        return app;
    }

    /// <summary>The indicators of the area; <see cref="Drill"/> names the drill they count, null for the county's own cases.</summary>
    public sealed record StatsResponse(string Scope, string Level, string Period, DateTimeOffset? From, DateTimeOffset AsOf, Indicators Indicators, string? Drill);

    public static async Task<Results<Ok<StatsResponse>, ValidationProblem, ProblemHttpResult>> GetStats(
        string? scope, string? period, string? drill, ScopeResolver scopes, IEventReadModel readModel, GridClock clock,
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
        if (drill is not null && !DrillIds.IsValid(drill))
        {
            return Problems.InvalidDrill();
        }
        if (callers.Resolve(http) is not { } caller || !ScopeResolver.CanSee(caller, area))
        {
            return Problems.Forbidden($"The statistics of '{area.Id}' are outside your scope.");
        }
        var filter = area.Filter with { From = name == "all" ? null : from, Cases = CaseSet.Of(drill) };
        var tally = await readModel.Tally(filter, now, TallyBy.Whole, cancellationToken);
        return TypedResults.Ok(new StatsResponse(area.Id, area.Level, name, name == "all" ? null : from, now,
            Indicators.From(tally.GetValueOrDefault("", CaseTally.Empty), area.Workers), drill));
    }
}
