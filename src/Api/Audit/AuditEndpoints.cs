using GridActors.Api.Auth;
using GridActors.Api.Endpoints;
using GridActors.Api.Events;
using GridActors.Api.Extensions;
using GridActors.Grains.Audit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace GridActors.Api.Audit;

/// <summary>
/// <c>GET /api/audit</c>: who read whose personal data and who changed what. The city reads the whole trail, a
/// township's operators what concerns their township; nobody else reads it.
/// </summary>
public static class AuditEndpoints
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;
    public const int MaxPage = 100_000;

    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/audit").WithTags("Audit").RequireAuthorization(Policies.Scoped).RequireRateLimiting(RateLimitingExtensions.PerCaller)
            .MapGet("/", GetAudit)
            .WithName(nameof(GetAudit))
            .WithSummary("The audit trail, newest first: reads of personal data and every change, filtered by actor, subject, action and time.");
        return app;
    }

    public static async Task<Results<Ok<AuditResponse>, ValidationProblem, ProblemHttpResult>> GetAudit(
        [AsParameters] AuditFilter filter, IAuditTrail trail, CallerResolver callers, HttpContext http, CancellationToken cancellationToken)
    {
        if (filter.Errors() is { Count: > 0 } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var caller = callers.Resolve(http);
        string? township = caller?.Role switch
        {
            Roles.City => null,
            Roles.Township => caller.Scope,
            _ => "",
        };
        if (township == "")
        {
            return Problems.Forbidden("The audit trail is for the city and, for their own township, its operators.");
        }
        var query = new AuditQuery(filter.Actor, filter.Subject, filter.Action, filter.From, filter.To, township,
            filter.Page ?? 1, filter.PageSize ?? DefaultPageSize);
        var page = await trail.Query(query, cancellationToken);
        return TypedResults.Ok(new AuditResponse(
            [.. page.Items.Select(AuditItem.From)], page.Total, query.Page, query.PageSize));
    }
}

/// <summary>The query string of <c>GET /api/audit</c>; <c>actor</c> is a token subject, or role:scope for a token without one.</summary>
public sealed record AuditFilter(
    [FromQuery(Name = "actor")] string? Actor = null,
    [FromQuery(Name = "subject")] string? Subject = null,
    [FromQuery(Name = "action")] string? Action = null,
    [FromQuery(Name = "from")] DateTimeOffset? From = null,
    [FromQuery(Name = "to")] DateTimeOffset? To = null,
    [FromQuery(Name = "page")] int? Page = null,
    [FromQuery(Name = "pageSize")] int? PageSize = null)
{
    public Dictionary<string, string[]> Errors()
    {
        var errors = new ValidationErrors();
        if (Page is < 1 or > AuditEndpoints.MaxPage)
        {
            errors.Add("page", $"page counts from 1, up to {AuditEndpoints.MaxPage}.");
        }
        if (PageSize is < 1 or > AuditEndpoints.MaxPageSize)
        {
            errors.Add("pageSize", $"pageSize is 1 to {AuditEndpoints.MaxPageSize}.");
        }
        if (From is not null && To is not null && From >= To)
        {
            errors.Add("to", "to must be later than from.");
        }
        return errors.ToDictionary();
    }
}

public sealed record AuditResponse(IReadOnlyList<AuditItem> Items, int Total, int Page, int PageSize);

public sealed record AuditItem(DateTimeOffset At, AuditItemActor Actor, string Action, AuditSubject Subject, string Outcome, string? Detail)
{
    public static AuditItem From(AuditEntry entry) => new(
        entry.At.ToUniversalTime(),
        new AuditItemActor(entry.Actor.Role, entry.Actor.Scope, entry.Actor.Subject),
        entry.Action,
        entry.Subject,
        entry.Outcome,
        entry.Detail);
}

public sealed record AuditItemActor(string Role, string Scope, string? Subject);
