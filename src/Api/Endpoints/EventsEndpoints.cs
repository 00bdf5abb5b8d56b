using GridActors.Api.Audit;
using GridActors.Api.Auth;
using GridActors.Api.Extensions;
using GridActors.Api.Contracts;
using GridActors.Api.Events;
using GridActors.Grains.Audit;
using GridActors.Grains.Configuration;
using GridActors.Grains.Interfaces;
using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.Nearby;
using GridActors.Grains.ReadModel;
using GridActors.Grains.Topology;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace GridActors.Api.Endpoints;

public static class EventsEndpoints
{
    public const int MaxBatch = 1000;

    public static IEndpointRouteBuilder MapEventsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/events").WithTags("Events").RequireAuthorization(Policies.Scoped).RequireRateLimiting(RateLimitingExtensions.PerCaller);
        group.MapPost("/", ReportEvent)
            .WithName(nameof(ReportEvent))
            .WithSummary("Files a report; 201 once it is durable. The same Idempotency-Key again answers with the same case.");
        group.MapPost("/batch", ReportEventBatch)
            .WithName(nameof(ReportEventBatch))
            .WithSummary("Files up to 1,000 reports from an upstream feed; each item's requestId makes it idempotent.");
        group.MapGet("/nearby", NearbyEvents)
            .WithName(nameof(NearbyEvents))
            .WithSummary("Open cases near a point, nearest first, for an app to offer before a report is submitted (docs/INTAKE.md).");
        group.MapGet("/{id}", GetEvent)
            .WithName(nameof(GetEvent))
            .WithSummary("The case file: status, assignee, deadlines and history.");
        group.MapGet("/", ListEvents)
            .WithName(nameof(ListEvents))
            .WithSummary("Cases from the read model, newest first, filtered and paged.");
        group.MapPost("/{id}/{action}", EventActions.ActOnEvent)
            .WithName(nameof(EventActions.ActOnEvent))
            .WithSummary("One step of the loop: accept, dispatch, grab, start, resolve, verify, return, extend, escalate, supervise, park or cancel. Idempotency-Key makes a retry safe; If-Match names the version decided on.");
        return app;
    }

    public static async Task<Results<Created<EventResponse>, Ok<EventResponse>, ValidationProblem, ProblemHttpResult>> ReportEvent(
        ReportRequest request, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        ReportIntake intake, CallerResolver callers, HttpContext http)
    {
        if (callers.Resolve(http) is not { } caller)
        {
            return Problems.Forbidden("Your token names no known role and scope.");
        }
        var result = await intake.Submit(request, caller, idempotencyKey);
        if (result.Event is { } created)
        {
            CaseVersionTags.Tag(http, created);
        }
        return result.Status switch
        {
            StatusCodes.Status201Created => TypedResults.Created($"/api/events/{result.Event!.Id}", Respond(result.Event, caller)),
            StatusCodes.Status200OK => TypedResults.Ok(Respond(result.Event!, caller)),
            StatusCodes.Status400BadRequest => TypedResults.ValidationProblem(result.Errors!),
            _ => TypedResults.Problem(statusCode: result.Status, detail: result.Detail),
        };
    }

    public static async Task<Results<Ok<List<BatchItemResult>>, ValidationProblem, ProblemHttpResult>> ReportEventBatch(
        List<ReportRequest> items, ReportIntake intake, CallerResolver callers, HttpContext http)
    {
        if (callers.Resolve(http) is not { } caller)
        {
            return Problems.Forbidden("Your token names no known role and scope.");
        }
        if (items.Count is 0 or > MaxBatch || items.Any(i => i is null))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["items"] = [$"A batch holds 1 to {MaxBatch} reports."],
            });
        }

        // Items naming the same request go one after another, in the order sent, so a batch reads the same way
        // as its items would one by one; different requests go in parallel.
        var results = new BatchItemResult[items.Count];
        var sameRequest = items.Select((item, index) => (item, index)).GroupBy(x => x.item.RequestId ?? $"#{x.index}");
        await Task.WhenAll(sameRequest.Select(async group =>
        {
            foreach (var (item, index) in group)
            {
                results[index] = await SubmitBatchItem(item, intake, caller);
            }
        }));
        return TypedResults.Ok(results.ToList());
    }

    private static async Task<BatchItemResult> SubmitBatchItem(ReportRequest item, ReportIntake intake, Caller caller)
    {
        if (string.IsNullOrWhiteSpace(item.RequestId))
        {
            return new BatchItemResult(item.RequestId, StatusCodes.Status400BadRequest,
                Errors: new Dictionary<string, string[]> { ["requestId"] = ["Every batch item needs a requestId."] });
        }
        var result = await intake.Submit(item, caller, item.RequestId);
        return new BatchItemResult(item.RequestId, result.Status, result.Event?.Id,
            result.Event is null ? null : Respond(result.Event, caller), result.Detail, result.Errors);
    }

    public static async Task<Results<Ok<EventResponse>, ProblemHttpResult>> GetEvent(
        string id, IGrainFactory grains, EventAccess access, AuditRecorder audit, CallerResolver callers, HttpContext http)
    {
        var view = await grains.GetGrain<IEventGrain>(id).GetView();
        if (view is null)
        {
            return Problems.NotFound("event", id);
        }
        if (callers.Resolve(http) is not { } caller)
        {
            return Problems.OutOfScope("event", id);
        }
        if (!access.CanRead(caller, view))
        {
            await audit.Refused(caller, "read", new AuditSubject(CaseAudit.SubjectKind, id), "outside the caller's scope", view.Report.TownshipId);
            return Problems.OutOfScope("event", id);
        }
        CaseVersionTags.Tag(http, view);
        return TypedResults.Ok(await RespondAudited(view, caller, audit));
    }

    public static async Task<Results<Ok<EventListResponse>, ValidationProblem, ProblemHttpResult>> ListEvents(
        [AsParameters] EventListFilter filter, IEventReadModel readModel, EventAccess access, CallerResolver callers,
        HttpContext http, CancellationToken cancellationToken)
    {
        if (filter.ToQuery() is not { } query)
        {
            return TypedResults.ValidationProblem(filter.Errors());
        }
        if (callers.Resolve(http) is not { } caller || access.Restrict(caller, query) is not { } restricted)
        {
            return Problems.Forbidden("The filters ask for cases outside your scope.");
        }
        if (filter.Mine == true)
        {
            // What the caller reported itself, within what it may list: a citizen's app follows its own cases.
            restricted = restricted with { Reporter = caller.Party };
        }
        var page = await readModel.Query(restricted, cancellationToken);
        return TypedResults.Ok(new EventListResponse(page.Items, page.Total, page.Page, page.PageSize));
    }

    public static async Task<Results<Ok<NearbyResponse>, ValidationProblem>> NearbyEvents(
        [AsParameters] NearbyFilter filter, NearbyCases nearby, CountyTopology topology, IOptions<DuplicatesOptions> duplicates)
    {
        var options = duplicates.Value;
        var errors = new Dictionary<string, string[]>();
        if (filter.Lat is not (>= -90 and <= 90) || filter.Lng is not (>= -180 and <= 180)
            || topology.Locate(new GeoPoint(filter.Lat.Value, filter.Lng.Value)) is null)
        {
            errors["lat"] = ["lat and lng are required: a point inside the county, in decimal degrees."];
        }
        if (filter.Category is not null && topology.FindCategory(filter.Category) is null)
        {
            errors["category"] = [$"'{filter.Category}' is not a category of this county."];
        }
        if (filter.Radius is { } asked && (asked <= 0 || asked > options.MaxNearbyRadiusMeters || double.IsNaN(asked)))
        {
            errors["radius"] = [$"radius is more than 0 and at most {options.MaxNearbyRadiusMeters} metres."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var radius = filter.Radius ?? options.RadiusMeters;
        var found = await nearby.Around(new GeoPoint(filter.Lat!.Value, filter.Lng!.Value), radius, filter.Category);
        return TypedResults.Ok(new NearbyResponse(
            [.. found.Select(c => new NearbyEvent(c.Spot.CaseId, c.Spot.Category, c.Spot.Title, c.Spot.Location, Math.Round(c.DistanceMeters, 1), c.Spot.ReportedAt))],
            radius));
    }

    public static EventResponse Respond(EventView view, Caller caller, bool withHistory = true) =>
        EventResponse.From(view, unmasked: EventAccess.SeesPersonalData(caller, view), withHistory);

    /// <summary>The case as the caller may see it; when that shows its person unmasked, the read is audited first.</summary>
    public static async Task<EventResponse> RespondAudited(EventView view, Caller caller, AuditRecorder audit, bool withHistory = true)
    {
        if (EventAccess.SeesPersonalData(caller, view))
        {
            await audit.PersonalDataRead(caller, view);
        }
        return Respond(view, caller, withHistory);
    }
}
