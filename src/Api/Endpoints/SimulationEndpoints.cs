using GridActors.Api.Auth;
using GridActors.Api.Extensions;
using GridActors.Api.Contracts;
using GridActors.Api.Events;
using GridActors.Grains.Clock;
using GridActors.Silo.Simulation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GridActors.Api.Endpoints;

/// <summary>The built-in simulation of field work: its status for everyone, start and stop for the city.</summary>
public static class SimulationEndpoints
{
    public const double MaxEventsPerDay = 10_000_000;

    public static IEndpointRouteBuilder MapSimulationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/simulation").WithTags("Simulation").RequireAuthorization(Policies.Scoped).RequireRateLimiting(RateLimitingExtensions.PerCaller);
        group.MapGet("/", GetSimulation)
            .WithName(nameof(GetSimulation))
            .WithSummary("Whether the simulation runs, the clock's speed, the report rate and what it has done.");
        group.MapPost("/start", StartSimulation)
            .WithName(nameof(StartSimulation))
            .WithSummary("Starts (or retunes) the simulation; speed sets the county clock for everything.");
        group.MapPost("/stop", StopSimulation)
            .WithName(nameof(StopSimulation))
            .WithSummary("Stops generating work; cases already reported keep their clocks.");
        return app;
    }

    public static Ok<SimulationStatus> GetSimulation(CountySimulation simulation) => TypedResults.Ok(simulation.Status());

    public static async Task<Results<Ok<SimulationStatus>, ValidationProblem, ProblemHttpResult>> StartSimulation(
        SimulationRequest? request, CountySimulation simulation, CallerResolver callers, HttpContext http)
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
        return errors.Any
            ? TypedResults.ValidationProblem(errors.ToDictionary())
            : TypedResults.Ok(await simulation.Start(request?.Speed, request?.EventsPerDay));
    }

    public static Results<Ok<SimulationStatus>, ProblemHttpResult> StopSimulation(
        CountySimulation simulation, CallerResolver callers, HttpContext http) =>
        callers.Resolve(http) is { Role: Roles.City }
            ? TypedResults.Ok(simulation.Stop())
            : Problems.Forbidden("Only the city command centre stops the simulation.");
}
