using System.Text.Json;
using GridActors.Api.Audit;
using GridActors.Api.Auth;
using GridActors.Api.Extensions;
using GridActors.Api.Contracts;
using GridActors.Api.Events;
using GridActors.Grains.Audit;
using GridActors.Grains.Clock;
using GridActors.Grains.Interfaces.Visits;
using GridActors.Grains.Topology;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GridActors.Api.Endpoints;

/// <summary>
/// A grid's key persons (重点人员) and their visit schedules. Operators of the area register them; the grid's
/// workers read the register too. Personal data is masked except for the city and the grid's own township.
/// </summary>
public static class KeyPersonsEndpoints
{
    public const int MaxVisits = 4;
    public const double ShortestIntervalDays = 1.0 / 24;
    public const double LongestIntervalDays = 366;

    public static IEndpointRouteBuilder MapKeyPersonsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/grids/{id}/key-persons").WithTags("Key persons").RequireAuthorization(Policies.Scoped).RequireRateLimiting(RateLimitingExtensions.PerCaller);
        group.MapGet("/", ListKeyPersons)
            .WithName(nameof(ListKeyPersons))
            .WithSummary("The grid's key persons with the next due time of each visit.");
        group.MapPost("/", RegisterKeyPerson)
            .WithName(nameof(RegisterKeyPerson))
            .WithSummary("Registers a key person; each visit that comes due becomes a task for the grid's workers.");
        return app;
    }

    public static async Task<Results<Ok<IReadOnlyList<KeyPersonView>>, ProblemHttpResult>> ListKeyPersons(
        string id, IGrainFactory grains, CountyTopology topology, AuditRecorder audit, CallerResolver callers, HttpContext http)
    {
        if (topology.FindGrid(id) is not { } grid)
        {
            return Problems.NotFound("grid", id);
        }
        if (callers.Resolve(http) is not { } caller || !caller.Covers(new Place(grid.Township.Id, grid.Village.Id, grid.Grid.Id)))
        {
            return Problems.OutOfScope("grid", id);
        }
        var people = await grains.GetGrain<IVisitRegisterGrain>(id).List();
        if (people.Count > 0 && SeesPersonalData(caller, grid))
        {
            await audit.PersonalDataRead(caller, new AuditSubject("key-persons", id),
                $"{people.Count} key persons of the grid", grid.Township.Id);
        }
        return TypedResults.Ok(Masked(people, caller, grid));
    }

    public static async Task<Results<Created<KeyPersonView>, ValidationProblem, ProblemHttpResult>> RegisterKeyPerson(
        string id, KeyPersonRequest request, IGrainFactory grains, CountyTopology topology, CallerResolver callers,
        GridClock clock, AuditRecorder audit, HttpContext http)
    {
        if (topology.FindGrid(id) is not { } grid)
        {
            return Problems.NotFound("grid", id);
        }
        if (callers.Resolve(http) is not { } caller || !caller.IsOperator
            || !caller.Covers(new Place(grid.Township.Id, grid.Village.Id, grid.Grid.Id)))
        {
            return Problems.Forbidden($"Only operators of grid '{id}' may register its key persons.");
        }
        var errors = Validate(request);
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var now = clock.GetUtcNow();
        var draft = new KeyPersonDraft(request.Person!, request.Reason!.Trim(),
            [.. request.Visits!.Select(v => new VisitPlan(
                ParseKind(v.Kind)!.Value, v.EveryDays!.Value, v.FirstDueAt ?? now + TimeSpan.FromDays(v.EveryDays!.Value)))],
            caller.Party.ToString());
        var person = await grains.GetGrain<IVisitRegisterGrain>(id).Register(draft);
        await audit.Changed(caller, "register-key-person", new AuditSubject("key-person", person.Id), $"grid {id}", grid.Township.Id);
        return TypedResults.Created($"/api/grids/{id}/key-persons", Masked([person], caller, grid)[0]);
    }

    private static ValidationErrors Validate(KeyPersonRequest request)
    {
        var errors = new ValidationErrors();
        errors.RequireLength("person.name", request.Person?.Name, 50, required: true);
        errors.RequireLength("reason", request.Reason, 500, required: true);
        if (request.Visits is not { Count: > 0 and <= MaxVisits })
        {
            errors.Add("visits", $"visits lists 1 to {MaxVisits} recurring visits.");
            return errors;
        }
        foreach (var (visit, index) in request.Visits.Select((v, i) => (v, i)))
        {
            if (visit is null)
            {
                errors.Add($"visits[{index}]", "a visit needs a kind and everyDays.");
                continue;
            }
            if (ParseKind(visit.Kind) is null)
            {
                errors.Add($"visits[{index}].kind", "kind is scheduled, invited, home or follow_up.");
            }
            if (visit.EveryDays is not (>= ShortestIntervalDays and <= LongestIntervalDays))
            {
                errors.Add($"visits[{index}].everyDays", $"everyDays is from {ShortestIntervalDays:F4} (an hour) to {LongestIntervalDays}.");
            }
        }
        return errors;
    }

    private static VisitKind? ParseKind(string? kind) =>
        Enum.GetValues<VisitKind>().Cast<VisitKind?>()
            .FirstOrDefault(k => JsonNamingPolicy.SnakeCaseLower.ConvertName(k!.Value.ToString()) == kind);

    private static bool SeesPersonalData(Caller caller, GridPlace grid) =>
        caller.Role == Roles.City || (caller.Role == Roles.Township && caller.Scope == grid.Township.Id);

    private static IReadOnlyList<KeyPersonView> Masked(IReadOnlyList<KeyPersonView> people, Caller caller, GridPlace grid) =>
        SeesPersonalData(caller, grid) ? people : [.. people.Select(p => p with { Person = PersonalDataMask.Mask(p.Person)! })];
}
