using GridActors.Api.Auth;
using GridActors.Api.Contracts;
using GridActors.Api.Events;
using GridActors.Grains.Interfaces.Events;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GridActors.Api.Endpoints;

/// <summary><c>POST /api/events/{id}/{action}</c>: the checks in the order a client can act on them.</summary>
public static class EventActions
{
    public static async Task<Results<Ok<EventResponse>, ValidationProblem, ProblemHttpResult>> ActOnEvent(
        string id, string action, ActionRequest? request, IGrainFactory grains, ActionValidator validator,
        EventAccess access, CallerResolver callers, HttpContext http)
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
        var verdict = validator.Validate(eventAction, request ?? new ActionRequest(), caller);
        if (verdict.Command is not { } command)
        {
            return TypedResults.ValidationProblem(verdict.Errors!);
        }

        var grain = grains.GetGrain<IEventGrain>(id);
        var view = await grain.GetView();
        if (view is null)
        {
            return Problems.NotFound("event", id);
        }
        if (!access.CanAct(caller, eventAction, view, command.WorkerId))
        {
            return Problems.Forbidden($"You may not {action} event '{id}'.");
        }

        // The permission was checked against this version: if the case moved on meanwhile (a reassignment),
        // the grain refuses rather than let the check stand for a case it no longer describes.
        var outcome = await grain.Act(command with { ExpectedVersion = view.Version });
        return outcome.Result switch
        {
            ActionResult.Done => TypedResults.Ok(EventsEndpoints.Respond(outcome.Event!, caller)),
            ActionResult.NotFound => Problems.NotFound("event", id),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: outcome.Reason),
        };
    }
}
