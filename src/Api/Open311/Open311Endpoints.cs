using GridActors.Api.Events;
using GridActors.Api.Extensions;
using GridActors.Grains.Clock;
using GridActors.Grains.Events;
using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.ReadModel;
using GridActors.Grains.Topology;
using Microsoft.AspNetCore.Mvc;

namespace GridActors.Api.Open311;

/// <summary>
/// Open311 GeoReport v2 under <c>/open311/v2/</c>, for the systems around the county — the 12345 hotline, a
/// department's own platform, a citizens' app — to file and follow cases in the standard's own terms. Each
/// resource answers as <c>.xml</c> or <c>.json</c>; every error is a list of code and description.
/// </summary>
public static class Open311Endpoints
{
    public const string Root = "/open311";
    public const string Specification = "http://wiki.open311.org/GeoReport_v2";

    /// <summary>When this endpoint's contract last changed, for discovery's changesets.</summary>
    private static readonly DateTimeOffset Changeset = new(2026, 12, 7, 0, 0, 0, TimeSpan.Zero);

    public static bool Covers(PathString path) => path.StartsWithSegments(Root);

    public static IEndpointRouteBuilder MapOpen311Endpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup($"{Root}/v2").WithTags("Open311").RequireRateLimiting(RateLimitingExtensions.PerCaller);
        group.MapGet("/discovery.{format}", Discovery)
            .WithName("Open311Discovery")
            .WithSummary("Service discovery: the endpoint, its specification and formats.")
            .Answers(StatusCodes.Status200OK);
        group.MapGet("/services.{format}", ListServices)
            .WithName("Open311Services")
            .WithSummary("The county's categories as services, with their groups and keywords.")
            .Answers(StatusCodes.Status200OK);
        group.MapGet("/services/{service_code}.{format}", ServiceDefinition)
            .WithName("Open311ServiceDefinition")
            .WithSummary("A service's definition: the attributes a request may carry.")
            .Answers(StatusCodes.Status200OK, StatusCodes.Status404NotFound);
        group.MapGet("/requests.{format}", ListRequests)
            .WithName("Open311ListRequests")
            .WithSummary("Service requests by id, service, date and status, paged; api_key required.")
            .Answers(StatusCodes.Status200OK, StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden);
        group.MapPost("/requests.{format}", Open311Intake.Submit)
            .WithName("Open311CreateRequest")
            .WithSummary("Files a service request (form-encoded, api_key required); the grid is found from lat/long or the address.")
            .Answers(StatusCodes.Status201Created, StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status409Conflict)
            .DisableAntiforgery();
        group.MapGet("/requests/{service_request_id}.{format}", GetRequest)
            .WithName("Open311GetRequest")
            .WithSummary("One service request; api_key required.")
            .Answers(StatusCodes.Status200OK, StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
        group.MapGet("/tokens/{token}.{format}", GetToken)
            .WithName("Open311GetToken")
            .WithSummary("The service request filed with this token (the Idempotency-Key of its POST); api_key required.")
            .Answers(StatusCodes.Status200OK, StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
        return app;
    }

    /// <summary>The statuses an endpoint answers with, each in both formats, for the OpenAPI document.</summary>
    private static RouteHandlerBuilder Answers(this RouteHandlerBuilder endpoint, params int[] statuses)
    {
        foreach (var status in statuses)
        {
            endpoint.Produces(status, responseType: null, "text/xml", "application/json");
        }
        return endpoint;
    }

    public static IResult Discovery(string format, Open311Options options, HttpRequest request)
    {
        if (Open311Format.Parse(format) is not { } answer)
        {
            return UnknownFormat(request);
        }
        var endpoint = new Open311Object(
            new Open311Field("specification", Specification),
            new Open311Field("url", $"{request.Scheme}://{request.Host}{request.PathBase}{Root}/v2"),
            new Open311Field("changeset", Changeset),
            new Open311Field("type", "production"),
            new Open311Field("formats", new Open311List("format", [Open311Format.Xml.ContentType.Split(';')[0], Open311Format.Json.ContentType.Split(';')[0]])));
        return Open311Result.Ok(new Open311Document("discovery", new Open311Object(
            new Open311Field("changeset", Changeset),
            new Open311Field("contact", options.Contact),
            new Open311Field("key_service", "API keys are issued per upstream system by the county's grid centre (Open311:ApiKeys)."),
            new Open311Field("endpoints", new Open311List("endpoint", [endpoint])))), answer);
    }

    public static IResult ListServices(string format, Open311Catalogue catalogue, HttpRequest request) =>
        Open311Format.Parse(format) is { } answer ? Open311Result.Ok(catalogue.Services(), answer) : UnknownFormat(request);

    public static IResult ServiceDefinition(string service_code, string format, Open311Catalogue catalogue, HttpRequest request)
    {
        if (Open311Format.Parse(format) is not { } answer)
        {
            return UnknownFormat(request);
        }
        return catalogue.Find(service_code) is { } category
            ? Open311Result.Ok(catalogue.Definition(category), answer)
            : Open311Result.Error(StatusCodes.Status404NotFound, $"service_code '{service_code}' is not a service of this jurisdiction.", answer);
    }

    public static async Task<IResult> ListRequests(
        string format, [AsParameters] Open311RequestsQuery arguments, HttpRequest request, Open311Systems systems, Open311Catalogue catalogue,
        Open311Requests requests, IEventReadModel readModel, IGrainFactory grains, GridClock clock, CountyTopology topology,
        CancellationToken cancellationToken)
    {
        if (Open311Format.Parse(format) is not { } answer)
        {
            return UnknownFormat(request);
        }
        var (system, refused) = Authenticate(arguments.ApiKey, systems, answer);
        if (refused is not null)
        {
            return refused;
        }
        var filter = Open311Filter.Parse(arguments, clock.GetUtcNow(), code => catalogue.Find(code) is not null, topology.City.Id);
        if (filter.Query is not { } query)
        {
            return Open311Result.Errors(filter.Status, filter.Errors, answer);
        }
        var page = await readModel.Query(query with { TownshipId = system!.TownshipId }, cancellationToken);
        var views = await Task.WhenAll(page.Items.Select(summary => grains.GetGrain<IEventGrain>(summary.Id).GetView()));
        return Open311Result.Ok(requests.List(views.OfType<EventView>()), answer);
    }

    public static async Task<IResult> GetRequest(
        string service_request_id, string format, [FromQuery(Name = "api_key")] string? apiKey, HttpRequest request, Open311Systems systems,
        Open311Requests requests, IGrainFactory grains)
    {
        if (Open311Format.Parse(format) is not { } answer)
        {
            return UnknownFormat(request);
        }
        var (system, refused) = Authenticate(apiKey, systems, answer);
        if (refused is not null)
        {
            return refused;
        }
        var view = await grains.GetGrain<IEventGrain>(service_request_id).GetView();
        if (view is null || view.Report.IsDrill)
        {
            return Open311Result.Error(StatusCodes.Status404NotFound, $"No service request has the id '{service_request_id}'.", answer);
        }
        return system!.TownshipId is { } township && view.Report.TownshipId != township
            ? Open311Result.Error(StatusCodes.Status403Forbidden, $"Service request '{service_request_id}' lies outside the township this api_key may read.", answer)
            : Open311Result.Ok(requests.List([view]), answer);
    }

    public static async Task<IResult> GetToken(
        string token, string format, [FromQuery(Name = "api_key")] string? apiKey, HttpRequest request, Open311Systems systems,
        CountyTopology topology, IGrainFactory grains)
    {
        if (Open311Format.Parse(format) is not { } answer)
        {
            return UnknownFormat(request);
        }
        var (system, refused) = Authenticate(apiKey, systems, answer);
        if (refused is not null)
        {
            return refused;
        }
        var caller = system!.Caller(topology);
        if (IdempotencyKeys.Check(token) is not null)
        {
            return Open311Result.Error(StatusCodes.Status400BadRequest, $"A token is 1 to {IdempotencyKeys.MaxLength} printable characters.", answer);
        }
        var id = EventIds.FromIdempotencyKey(caller.KeyOwner, token);
        return await grains.GetGrain<IEventGrain>(id).GetView() is null
            ? Open311Result.Error(StatusCodes.Status404NotFound, $"No service request was filed with the token '{token}' by this api_key's system.", answer)
            : Open311Result.Ok(Open311Requests.Token(id, token), answer);
    }

    /// <summary>The upstream system behind an api_key, or the error that refuses the request: 400 without one, 403 for a wrong one.</summary>
    public static (Open311System? System, IResult? Problem) Authenticate(string? apiKey, Open311Systems systems, Open311Format format)
    {
        if (string.IsNullOrWhiteSpace(apiKey))
        {
            return (null, Open311Result.Error(StatusCodes.Status400BadRequest, "api_key is required.", format));
        }
        return systems.Find(apiKey) is { } system
            ? (system, null)
            : (null, Open311Result.Error(StatusCodes.Status403Forbidden, "Invalid api_key received; it names no upstream system of this jurisdiction.", format));
    }

    public static IResult UnknownFormat(HttpRequest request) => Open311Result.Error(
        StatusCodes.Status404NotFound, $"{request.Path} names no format this endpoint serves; use .xml or .json.", Open311Format.Xml);
}
