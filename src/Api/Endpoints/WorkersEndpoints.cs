using GridActors.Api.Audit;
using GridActors.Api.Auth;
using GridActors.Api.Extensions;
using GridActors.Api.Contracts;
using GridActors.Grains.Audit;
using GridActors.Grains.Interfaces.Points;
using GridActors.Grains.Interfaces.Workers;
using GridActors.Grains.Topology;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GridActors.Api.Endpoints;

public static class WorkersEndpoints
{
    public static IEndpointRouteBuilder MapWorkersEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/workers").WithTags("Workers").RequireAuthorization(Policies.Scoped).RequireRateLimiting(RateLimitingExtensions.PerCaller);
        group.MapGet("/{id}", GetWorker)
            .WithName(nameof(GetWorker))
            .WithSummary("A grid worker: grid, duty, open tasks and points.");
        group.MapPut("/{id}/duty", SetWorkerDuty)
            .WithName(nameof(SetWorkerDuty))
            .WithSummary("Puts a worker on or off duty; off-duty workers get no new cases.");
        return app;
    }

    public static async Task<Results<Ok<WorkerResponse>, ProblemHttpResult>> GetWorker(
        string id, CountyTopology topology, IGrainFactory grains, IAuthorizationService authorization, HttpContext http)
    {
        if (await Authorize(id, topology, authorization, http) is { } refusal)
        {
            return refusal;
        }
        return TypedResults.Ok(await Respond(grains, id, grains.GetGrain<IWorkerGrain>(id).GetView()));
    }

    public static async Task<Results<Ok<WorkerResponse>, ValidationProblem, ProblemHttpResult>> SetWorkerDuty(
        string id, DutyRequest request, CountyTopology topology, IGrainFactory grains,
        IAuthorizationService authorization, AuditRecorder audit, CallerResolver callers, HttpContext http)
    {
        if (await Authorize(id, topology, authorization, http) is { } refusal)
        {
            return refusal;
        }
        if (request.OnDuty is not { } onDuty)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["onDuty"] = ["onDuty is required: true or false."],
            });
        }
        var response = await Respond(grains, id, grains.GetGrain<IWorkerGrain>(id).SetDuty(onDuty));
        if (callers.Resolve(http) is { } caller)
        {
            await audit.Changed(caller, "set-duty", new AuditSubject("worker", id), onDuty ? "on duty" : "off duty",
                topology.FindWorker(id)?.Home.Township.Id);
        }
        return TypedResults.Ok(response);
    }

    /// <summary>The worker grain holds duty and tasks; points are the ledger's, read alongside.</summary>
    private static async Task<WorkerResponse> Respond(IGrainFactory grains, string id, Task<WorkerView> worker)
    {
        // A worker's ledger is keyed by the worker's id (docs/POINTS.md).
        var ledger = grains.GetGrain<ILedgerGrain>(id).GetView();
        return WorkerResponse.From(await worker, (await ledger).Balance);
    }

    private static async Task<ProblemHttpResult?> Authorize(
        string id, CountyTopology topology, IAuthorizationService authorization, HttpContext http)
    {
        if (topology.FindWorker(id) is not { } worker)
        {
            return Problems.NotFound("worker", id);
        }
        var home = worker.Home;
        var target = new Place(home.Township.Id, home.Village.Id, home.Grid.Id, id);
        return (await authorization.AuthorizeAsync(http.User, target, Policies.Scoped)).Succeeded
            ? null
            : Problems.OutOfScope("worker", id);
    }
}
