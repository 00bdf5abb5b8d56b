using GridActors.Api.Audit;
using GridActors.Api.Auth;
using GridActors.Api.Extensions;
using GridActors.Api.Contracts;
using GridActors.Grains.Audit;
using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.Interfaces.Topology;
using GridActors.Grains.Topology;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GridActors.Api.Endpoints;

/// <summary>Routine and emergency operation (平急转换): who runs in which mode, and switching it.</summary>
public static class ModeEndpoints
{
    public static IEndpointRouteBuilder MapModeEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/mode").WithTags("Mode").RequireAuthorization(Policies.Scoped).RequireRateLimiting(RateLimitingExtensions.PerCaller);
        group.MapGet("/", GetMode)
            .WithName(nameof(GetMode))
            .WithSummary("The city's mode, the mode in force in each township and why, and the log of switches with who and why.");
        group.MapPut("/", SetMode)
            .WithName(nameof(SetMode))
            .WithSummary("Switches the city or one township between routine and emergency, with an optional reason; new cases get the mode's limits.");
        return app;
    }

    public static async Task<Ok<ModesView>> GetMode(IGrainFactory grains, CountyTopology topology) =>
        TypedResults.Ok(await grains.GetGrain<ICityGrain>(topology.City.Id).GetModes());

    /// <summary>The city may switch anything; a township operator only its own township.</summary>
    public static async Task<Results<Ok<ModesView>, ValidationProblem, ProblemHttpResult>> SetMode(
        ModeRequest request, IGrainFactory grains, CountyTopology topology, AuditRecorder audit, CallerResolver callers, HttpContext http)
    {
        var scope = string.IsNullOrWhiteSpace(request.Scope) ? topology.City.Id : request.Scope.Trim();
        var errors = new Dictionary<string, string[]>();
        if (!Enum.TryParse<OperatingMode>(request.Mode, ignoreCase: true, out var mode) || int.TryParse(request.Mode, out _))
        {
            errors["mode"] = ["mode is 'routine' or 'emergency'."];
        }
        if (scope != topology.City.Id && topology.FindTownship(scope) is null)
        {
            errors["scope"] = [$"scope is the city id '{topology.City.Id}' or a township id, not '{scope}'."];
        }
        var reason = string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim();
        if (reason is not null && (reason.Length > ModeRequest.ReasonMaxLength || reason.Any(char.IsControl)))
        {
            errors["reason"] = [$"reason is at most {ModeRequest.ReasonMaxLength} printable characters, on one line."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        if (callers.Resolve(http) is not { } caller
            || !(caller.Role == Roles.City || (caller.Role == Roles.Township && caller.Scope == scope)))
        {
            return Problems.Forbidden($"You may not switch the mode of '{scope}'.");
        }
        var modes = await grains.GetGrain<ICityGrain>(topology.City.Id).SetMode(scope, mode, caller.Party.ToString(), caller.Subject, reason);
        await audit.Changed(caller, "switch-mode", new AuditSubject("mode", scope),
            $"{mode.ToString().ToLowerInvariant()}{(reason is null ? "" : $": {reason}")}", scope == topology.City.Id ? null : scope);
        return TypedResults.Ok(modes);
    }
}
