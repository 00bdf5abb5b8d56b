using GridActors.Api.Audit;
using GridActors.Api.Auth;
using GridActors.Api.Contracts;
using GridActors.Api.Events;
using GridActors.Grains.Audit;
using GridActors.Grains.Interfaces.Events;
using Microsoft.AspNetCore.Http.HttpResults;
using FromHeaderAttribute = Microsoft.AspNetCore.Mvc.FromHeaderAttribute;

namespace GridActors.Api.Endpoints;

/// <summary>
/// <c>POST /api/events/{id}/{action}</c>: what the request itself can be checked for here, then one call to the
/// case, which checks the caller's rights, <c>If-Match</c> and the request key against its own state.
/// </summary>
public static class EventActions
{
    public static async Task<Results<Ok<EventResponse>, ValidationProblem, ProblemHttpResult>> ActOnEvent(
        string id, string action, ActionRequest? request, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        IGrainFactory grains, ActionValidator validator, AuditRecorder audit, CallerResolver callers, HttpContext http)
    {
        if (!ActionValidator.Actions.TryGetValue(action, out var eventAction))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["action"] = [$"'{action}' is not an action; one of: {string.Join(", ", ActionValidator.Actions.Keys)}."],
            });
        }
        if (callers.Resolve(http) is not { } caller)
        {
            return Problems.Forbidden("Your token names no known role and scope.");
        }
        if (IdempotencyKeys.Check(idempotencyKey) is { } keyErrors)
        {
            return TypedResults.ValidationProblem(keyErrors);
        }
        if (!CaseVersionTags.TryReadIfMatch(http.Request, out var expectedVersion))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["If-Match"] = ["If-Match names one case version as this API gives it in ETag, such as \"12\", or *."],
            });
        }
        var body = request ?? new ActionRequest();
        var verdict = validator.Validate(eventAction, body, caller);
        if (verdict.Command is not { } command)
        {
            return TypedResults.ValidationProblem(verdict.Errors!);
        }

        var outcome = await grains.GetGrain<IEventGrain>(id).Act(command with
        {
            ExpectedVersion = expectedVersion,
            RequestKey = idempotencyKey is null ? null : IdempotencyKeys.Scoped(caller.KeyOwner, idempotencyKey),
            Fingerprint = idempotencyKey is null ? null : IdempotencyKeys.Fingerprint(action, body),
            By = AuditRecorder.ActorOf(caller),
        });
        if (outcome.Result == ActionResult.Done)
        {
            CaseVersionTags.Tag(http, outcome.Event!);
            return TypedResults.Ok(await EventsEndpoints.RespondAudited(outcome.Event!, caller, audit, withHistory: false));
        }
        if (outcome.Result == ActionResult.Forbidden)
        {
            await audit.Refused(caller, action, new AuditSubject(CaseAudit.SubjectKind, id), outcome.Reason!, outcome.Event?.Report.TownshipId);
        }
        return outcome.Result switch
        {
            ActionResult.NotFound => Problems.NotFound("event", id),
            ActionResult.Forbidden => Problems.Forbidden(outcome.Reason!),
            ActionResult.PreconditionFailed => TypedResults.Problem(
                statusCode: StatusCodes.Status412PreconditionFailed, title: "Precondition Failed", detail: outcome.Reason),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: outcome.Reason),
        };
    }
}
