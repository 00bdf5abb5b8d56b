using GridActors.Api.Auth;
using GridActors.Api.Extensions;
using GridActors.Api.Events;
using GridActors.Grains.Clock;
using GridActors.Grains.Points;
using GridActors.Grains.ReadModel;
using GridActors.Grains.Topology;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GridActors.Api.Endpoints;

/// <summary>Red, yellow and black boards (红黄黑榜) of an area's townships, villages, workers or party branches.</summary>
public static class LeaderboardsEndpoints
{
    public static IReadOnlyList<string> Kinds { get; } = ["townships", "villages", "workers", "branches"];

    public static IEndpointRouteBuilder MapLeaderboardsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/leaderboards").WithTags("Statistics").RequireAuthorization(Policies.Scoped).RequireRateLimiting(RateLimitingExtensions.PerCaller)
            .MapGet("/", GetLeaderboards)
            .WithName(nameof(GetLeaderboards))
            .WithSummary("Boards for an area and period: areas by indicators, workers by points, branches against their targets.");
        return app;
    }

    public static async Task<Results<Ok<Boards>, ValidationProblem, ProblemHttpResult>> GetLeaderboards(
        string? scope, string? period, string? kind, ScopeResolver scopes, CountyTopology topology,
        IEventReadModel events, IPointsReadModel points, PointsPolicy policy, GridClock clock,
        CallerResolver callers, HttpContext http, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var name = period ?? "month";
        var from = Period.Start(name, now);
        var area = scopes.Resolve(scope);
        var ranked = kind ?? area?.Level switch { "city" => "townships", "township" => "villages", _ => "workers" };
        var errors = new ValidationErrors();
        if (area is null)
        {
            errors.Add("scope", $"scope is the city, a township, village or grid id, not '{scope}'.");
        }
        if (from is null)
        {
            errors.Add("period", $"period is one of: {string.Join(", ", Period.Names)}.");
        }
        if (!Kinds.Contains(ranked) || (ranked == "townships" && area?.Level != "city")
            || (ranked == "villages" && area?.Level is not ("city" or "township")))
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

        var grids = topology.Grids.Where(g => area!.Filter.TownshipId is null || g.Township.Id == area.Filter.TownshipId)
            .Where(g => area!.Filter.VillageId is null || g.Village.Id == area.Filter.VillageId)
            .Where(g => area!.Filter.GridId is null || g.Grid.Id == area.Filter.GridId)
            .ToList();
        IEnumerable<RankedEntry> entries;
        if (ranked is "townships" or "villages")
        {
            var cases = await events.Select(area!.Filter with { From = name == "all" ? null : from }, cancellationToken);
            var byArea = cases.ToLookup(c => ranked == "townships" ? c.TownshipId : c.VillageId);
            entries = ranked == "townships"
                ? topology.Document.Townships.Select(t => AreaEntry(t.Id, t.Name, byArea[t.Id], now, policy))
                : grids.Select(g => g.Village).DistinctBy(v => v.Id).Select(v => AreaEntry(v.Id, v.Name, byArea[v.Id], now, policy));
        }
        else
        {
            var totals = await points.Totals(from!.Value, now.AddTicks(1));
            entries = ranked == "workers"
                ? grids.SelectMany(g => g.Grid.Workers).Select(w => new RankedEntry(w.Id, w.Name, totals.GetValueOrDefault(w.Id)))
                : grids.Select(g => new RankedEntry(ParticipantIds.Branch(g.Grid.Id), $"{g.Grid.Name}党支部",
                    Math.Round(100.0 * totals.GetValueOrDefault(ParticipantIds.Branch(g.Grid.Id)) / BranchTarget(policy, name), 2)));
        }
        return TypedResults.Ok(Bands.Split(entries, policy.Document.BandShare));
    }

    /// <summary>A composite score out of 100 from the area's indicators, weighted as points-rules.json says.</summary>
    private static RankedEntry AreaEntry(string id, string name, IEnumerable<EventSummary> cases, DateTimeOffset now, PointsPolicy policy)
    {
        var indicators = Indicators.Compute([.. cases], now, workers: 0);
        var weights = policy.Document.RankingWeights;
        var score = 100 * (weights.GetValueOrDefault("closureRate") * indicators.ClosureRate
            + weights.GetValueOrDefault("onTimeRate") * indicators.OnTimeRate
            + weights.GetValueOrDefault("reworkRate") * indicators.ReworkRate);
        return new RankedEntry(id, name, Math.Round(score, 2));
    }

    /// <summary>A branch's monthly target, pro-rated to the period (a year for all time).</summary>
    private static double BranchTarget(PointsPolicy policy, string period) => policy.Document.BranchMonthlyTarget * period switch
    {
        "day" => 1.0 / 30,
        "week" => 7.0 / 30,
        "month" => 1.0,
        _ => 12.0,
    };
}
