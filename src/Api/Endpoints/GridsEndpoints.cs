using GridActors.Api.Auth;
using GridActors.Api.Extensions;
using GridActors.Grains.Interfaces;
using GridActors.Grains.Interfaces.Grids;
using GridActors.Grains.Topology;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GridActors.Api.Endpoints;

public static class GridsEndpoints
{
    public static IEndpointRouteBuilder MapGridsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/grids").WithTags("Grids").RequireAuthorization(Policies.Scoped).RequireRateLimiting(RateLimitingExtensions.PerCaller);
        group.MapGet("/locate", LocateGrid)
            .WithName(nameof(LocateGrid))
            .WithSummary("The grid whose polygon contains a position (lat, lng in decimal degrees).");
        group.MapGet("/{id}", GetGrid)
            .WithName(nameof(GetGrid))
            .WithSummary("A grid: its place, polygon, workers and who of them is on duty.");
        return app;
    }

    public static async Task<Results<Ok<GridView>, ProblemHttpResult>> GetGrid(
        string id, CountyTopology topology, IGrainFactory grains, IAuthorizationService authorization, HttpContext http)
    {
        if (topology.FindGrid(id) is not { } place)
        {
            return Problems.NotFound("grid", id);
        }
        var target = new Place(place.Township.Id, place.Village.Id, place.Grid.Id);
        if (!(await authorization.AuthorizeAsync(http.User, target, Policies.Scoped)).Succeeded)
        {
            return Problems.OutOfScope("grid", id);
        }
        return TypedResults.Ok(await grains.GetGrain<IGridGrain>(id).GetView());
    }

    /// <summary>Anyone signed in may ask where a position falls: citizens need it to report.</summary>
    public static Results<Ok<LocatedGrid>, ValidationProblem, ProblemHttpResult> LocateGrid(
        double? lat, double? lng, CountyTopology topology)
    {
        var errors = new Dictionary<string, string[]>();
        if (lat is not (>= -90 and <= 90))
        {
            errors["lat"] = ["lat is required, in decimal degrees from -90 to 90."];
        }
        if (lng is not (>= -180 and <= 180))
        {
            errors["lng"] = ["lng is required, in decimal degrees from -180 to 180."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var point = new GeoPoint(lat!.Value, lng!.Value);
        return topology.Locate(point) is { } place
            ? TypedResults.Ok(new LocatedGrid(place.Grid.Id, place.Grid.Name, place.Village.Id, place.Township.Id, place.Grid.Centroid))
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found",
                detail: $"({point.Lat}, {point.Lng}) lies outside every grid of the county.");
    }

    public sealed record LocatedGrid(string Id, string Name, string VillageId, string TownshipId, GeoPoint Centroid);
}
