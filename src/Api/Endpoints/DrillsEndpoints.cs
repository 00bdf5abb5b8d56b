using GridActors.Api.Audit;
using GridActors.Api.Auth;
using GridActors.Api.Contracts;
using GridActors.Api.Extensions;
using GridActors.Grains.Audit;
using GridActors.Grains.Drills;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GridActors.Api.Endpoints;

/// <summary>Load-test drills: their cases are marked with the drill's id, and one call erases them (docs/ARCHITECTURE.md).</summary>
public static class DrillsEndpoints
{
    public static IEndpointRouteBuilder MapDrillsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/drills").WithTags("Drills").RequireAuthorization(Policies.Scoped).RequireRateLimiting(RateLimitingExtensions.PerCaller)
            .MapDelete("/{id}", DeleteDrill)
            .WithName(nameof(DeleteDrill))
            .WithSummary("Erases every trace of the drill — its cases (open ones too), their deadlines, outboxes and the drill's ledgers; idempotent.");
        return app;
    }

    /// <remarks>
    /// Open cases are erased too, not refused with 409: a drill that was stopped or crashed leaves cases open, and
    /// the operator calling this wants them gone, not a list of cases to close by hand first. The cleanup goes on
    /// when the caller hangs up, since stopping half way helps nobody; it stops only with the host.
    /// </remarks>
    public static async Task<Results<Ok<DrillCleanupResponse>, ValidationProblem, ProblemHttpResult>> DeleteDrill(
        string id, DrillCleanup cleanup, AuditRecorder audit, CallerResolver callers, IHostApplicationLifetime lifetime, HttpContext http)
    {
        if (callers.Resolve(http) is not { Role: Roles.City } caller)
        {
            return Problems.Forbidden("Only the city command centre erases a drill.");
        }
        if (!DrillIds.IsValid(id))
        {
            return Problems.InvalidDrill();
        }
        var erased = await cleanup.Erase(id, lifetime.ApplicationStopping);
        await audit.Changed(caller, "erase-drill", new AuditSubject("drill", id), $"{erased} {(erased == 1 ? "case" : "cases")} erased", townshipId: null);
        return TypedResults.Ok(new DrillCleanupResponse(id, erased));
    }
}
