using GridActors.Api.Auth;
using GridActors.Api.Contracts;
using GridActors.Grains.Events;
using GridActors.Grains.Interfaces.Events;

namespace GridActors.Api.Events;

/// <summary>What became of one report: the HTTP status it earns and the case or the problem.</summary>
public sealed record IntakeResult(int Status, EventView? Event = null, Dictionary<string, string[]>? Errors = null, string? Detail = null);

/// <summary>
/// Files reports for the single and the batch endpoint alike: validates, names the case (from the caller's
/// idempotency key when there is one) and hands it to its grain, which answers only once it is durable.
/// </summary>
public sealed class ReportIntake(ReportValidator validator, IGrainFactory grains)
{
    public async Task<IntakeResult> Submit(ReportRequest request, Caller caller, string? idempotencyKey)
    {
        if (IdempotencyKeys.Check(idempotencyKey) is { } keyErrors)
        {
            return new IntakeResult(StatusCodes.Status400BadRequest, Errors: keyErrors);
        }
        var verdict = validator.Validate(request, caller);
        if (verdict.Errors is not null)
        {
            return new IntakeResult(StatusCodes.Status400BadRequest, Errors: verdict.Errors);
        }
        if (verdict.Forbidden)
        {
            return new IntakeResult(StatusCodes.Status403Forbidden,
                Detail: $"Grid '{verdict.Draft?.GridId ?? request.GridId}' is outside your scope for reporting.");
        }

        var id = idempotencyKey is null ? EventIds.New() : EventIds.FromIdempotencyKey(caller.KeyOwner, idempotencyKey);
        var outcome = await grains.GetGrain<IEventGrain>(id).Report(verdict.Draft!, Audit.AuditRecorder.ActorOf(caller));
        return outcome.Result switch
        {
            ReportResult.Created => new IntakeResult(StatusCodes.Status201Created, outcome.Event),
            ReportResult.Duplicate => new IntakeResult(StatusCodes.Status200OK, outcome.Event),
            _ => new IntakeResult(StatusCodes.Status409Conflict,
                Detail: "This idempotency key already names a different report; nothing was changed."),
        };
    }
}
