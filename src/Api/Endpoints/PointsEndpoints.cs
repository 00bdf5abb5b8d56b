using GridActors.Api.Audit;
using GridActors.Api.Auth;
using GridActors.Api.Extensions;
using GridActors.Api.Contracts;
using GridActors.Api.Events;
using GridActors.Grains.Audit;
using GridActors.Grains.Interfaces.Points;
using GridActors.Grains.Points;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GridActors.Api.Endpoints;

/// <summary>Points ledgers (积分) and redemption against the catalogue.</summary>
public static class PointsEndpoints
{
    public static IEndpointRouteBuilder MapPointsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/points").WithTags("Points").RequireAuthorization(Policies.Scoped).RequireRateLimiting(RateLimitingExtensions.PerCaller);
        group.MapGet("/catalogue", GetCatalogue)
            .WithName(nameof(GetCatalogue))
            .WithSummary("What points buy, and for whom.");
        group.MapGet("/{participantId}", GetLedger)
            .WithName(nameof(GetLedger))
            .WithSummary("A participant's balance and entries, newest first.");
        group.MapPost("/{participantId}/redeem", RedeemPoints)
            .WithName(nameof(RedeemPoints))
            .WithSummary("Spends points on a catalogue item; 409 when the balance is short; requestId makes it idempotent.");
        return app;
    }

    public static Ok<IReadOnlyList<CatalogueItem>> GetCatalogue(PointsPolicy policy) => TypedResults.Ok(policy.Document.Catalogue);

    public static async Task<Results<Ok<LedgerView>, ProblemHttpResult>> GetLedger(
        string participantId, ParticipantAccess participants, IGrainFactory grains, CallerResolver callers, HttpContext http)
    {
        if (participants.Find(participantId) is not { } participant)
        {
            return Problems.NotFound("participant", participantId);
        }
        if (callers.Resolve(http) is not { } caller || !ParticipantAccess.CanUse(caller, participant))
        {
            return Problems.OutOfScope("ledger", participantId);
        }
        return TypedResults.Ok(await grains.GetGrain<ILedgerGrain>(participantId).GetView());
    }

    public static async Task<Results<Ok<LedgerView>, ValidationProblem, ProblemHttpResult>> RedeemPoints(
        string participantId, RedeemRequest request, ParticipantAccess participants, PointsPolicy policy,
        IGrainFactory grains, AuditRecorder audit, CallerResolver callers, HttpContext http)
    {
        if (participants.Find(participantId) is not { } participant)
        {
            return Problems.NotFound("participant", participantId);
        }
        if (callers.Resolve(http) is not { } caller || !ParticipantAccess.CanSpend(caller, participant))
        {
            return Problems.OutOfScope("ledger", participantId);
        }
        var errors = new ValidationErrors();
        errors.RequireLength("requestId", request.RequestId, 200, required: true);
        var item = request.Item is null ? null : policy.FindItem(request.Item);
        if (item is null)
        {
            errors.Add("item", "item is required: an id from GET /api/points/catalogue.");
        }
        else if (!item.For.Contains(participant.Kind))
        {
            errors.Add("item", $"'{item.Id}' is not offered to a {participant.Kind}.");
        }
        else if (request.Points != item.Points)
        {
            errors.Add("points", $"'{item.Id}' costs {item.Points} points.");
        }
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var outcome = await grains.GetGrain<ILedgerGrain>(participantId).Redeem(request.RequestId!, item!.Id, item.Points);
        // A retry is audited too: the first answer may have been lost with its entry (a 503), and a second entry is
        // better than none.
        if (outcome.Result is RedeemResult.Redeemed or RedeemResult.AlreadyRedeemed)
        {
            await audit.Changed(caller, "redeem", new AuditSubject("ledger", participantId),
                $"{item.Points} points for {item.Id}, request {request.RequestId}", participant.Place?.TownshipId);
        }
        return outcome.Result == RedeemResult.Short
            ? TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict",
                detail: $"The balance of {outcome.Ledger.Balance} is short of {item.Points}; nothing was redeemed.")
            : TypedResults.Ok(outcome.Ledger);
    }
}
