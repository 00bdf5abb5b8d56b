using GridActors.Api.Auth;
using GridActors.Api.Extensions;
using GridActors.Api.Contracts;
using GridActors.Api.Events;
using GridActors.Grains.Clock;
using GridActors.Grains.ReadModel;
using GridActors.Silo.Simulation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GridActors.Api.Endpoints;

/// <summary>The built-in simulation of field work: its status for everyone, start and stop for the city.</summary>
public static class SimulationEndpoints
{
    public const double MaxEventsPerDay = 10_000_000;

    /// <summary>The longest period a run plays: the report's is fifteen and a half months.</summary>
    public static readonly TimeSpan MaxPeriod = TimeSpan.FromDays(3 * 366);

    /// <summary>
    /// The years a period may lie in: the county clock, its calendars and the read model's dates are made for
    /// instants of this century, not for year 1 or 9999 a typing slip could give.
    /// </summary>
    public static readonly DateTimeOffset EarliestFrom = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset LatestUntil = new(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static IEndpointRouteBuilder MapSimulationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/simulation").WithTags("Simulation").RequireAuthorization(Policies.Scoped).RequireRateLimiting(RateLimitingExtensions.PerCaller);
        group.MapGet("/", GetSimulation)
            .WithName(nameof(GetSimulation))
            .WithSummary("Whether the simulation runs, the clock's speed, the report rate and what it has done.");
        group.MapPost("/start", StartSimulation)
            .WithName(nameof(StartSimulation))
            .WithSummary("Starts (or retunes) the simulation; speed sets the county clock for everything; from and until play a period in an empty county.");
        group.MapPost("/stop", StopSimulation)
            .WithName(nameof(StopSimulation))
            .WithSummary("Stops generating work; cases already reported keep their clocks.");
        return app;
    }

    public static Ok<SimulationStatus> GetSimulation(CountySimulation simulation) => TypedResults.Ok(simulation.Status());

    public static async Task<Results<Ok<SimulationStatus>, ValidationProblem, ProblemHttpResult>> StartSimulation(
        SimulationRequest? request, CountySimulation simulation, IEventReadModel readModel, CallerResolver callers,
        HttpContext http, CancellationToken cancellationToken)
    {
        if (callers.Resolve(http) is not { Role: Roles.City })
        {
            return Problems.Forbidden("Only the city command centre starts the simulation.");
        }
        var errors = new ValidationErrors();
        if (request?.Speed is { } speed && speed is not (>= GridClock.MinSpeed and <= GridClock.MaxSpeed))
        {
            errors.Add("speed", $"speed is {GridClock.MinSpeed} to {GridClock.MaxSpeed} simulated seconds per second.");
        }
        if (request?.EventsPerDay is { } rate && rate is not (> 0 and <= MaxEventsPerDay))
        {
            errors.Add("eventsPerDay", $"eventsPerDay is more than 0 and at most {MaxEventsPerDay}.");
        }
        if (request is { From: { } from, Until: { } until })
        {
            if (from < EarliestFrom || from >= LatestUntil)
            {
                errors.Add("from", $"from lies in {EarliestFrom.Year} to {LatestUntil.Year - 1}.");
            }
            if (until <= from || until - from > MaxPeriod || until > LatestUntil)
            {
                errors.Add("until", $"until is after from, at most {MaxPeriod.TotalDays} days after it, and no later than {LatestUntil:yyyy-MM-dd}.");
            }
        }
        else if (request?.From is not null || request?.Until is not null)
        {
            errors.Add(request.From is null ? "from" : "until", "A period needs both from and until.");
        }
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        try
        {
            if (request is not { From: { } start, Until: { } end })
            {
                return TypedResults.Ok(await simulation.Start(request?.Speed, request?.EventsPerDay));
            }
            // The county clock goes back to the period's start: cases already made would then lie in the future.
            var held = (await readModel.Query(new EventQuery(PageSize: 1), cancellationToken)).Total;
            return held > 0
                ? Conflict($"The county holds {held} cases; a period plays only in a county that holds none (start a fresh system).")
                : TypedResults.Ok(await simulation.StartPeriod(start, end, request.Speed ?? simulation.Status().Speed, request.EventsPerDay));
        }
        catch (SimulationBusyException busy)
        {
            return Conflict(busy.Message);
        }
    }

    private static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: detail);

    public static Results<Ok<SimulationStatus>, ProblemHttpResult> StopSimulation(
        CountySimulation simulation, CallerResolver callers, HttpContext http) =>
        callers.Resolve(http) is { Role: Roles.City }
            ? TypedResults.Ok(simulation.Stop())
            : Problems.Forbidden("Only the city command centre stops the simulation.");
}
