using GridActors.Api.Auth;
using GridActors.Api.Contracts;
using GridActors.Api.Extensions;
using GridActors.Grains.Devices;
using GridActors.Grains.Interfaces.Devices;
using GridActors.Grains.Topology;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GridActors.Api.Endpoints;

public static class DevicesEndpoints
{
    public static IEndpointRouteBuilder MapDevicesEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/devices").WithTags("Devices").RequireAuthorization(Policies.Scoped).RequireRateLimiting(RateLimitingExtensions.PerCaller)
            .MapGet("/", ListDevices)
            .WithName(nameof(ListDevices))
            .WithSummary("The county's devices (video channels) with their grid, place and owner; operators see their own area's.");
        return app;
    }

    public static Results<Ok<DeviceListResponse>, ValidationProblem, ProblemHttpResult> ListDevices(
        [AsParameters] DeviceListFilter filter, DeviceCatalogue devices, CountyTopology topology, CallerResolver callers, HttpContext http)
    {
        if (callers.Resolve(http) is not { } caller || !MaySee(caller))
        {
            return Problems.Forbidden("Devices are listed for the command centre, its workers and the feeds.");
        }
        var errors = new Dictionary<string, string[]>();
        if (filter.Grid is not null && topology.FindGrid(filter.Grid) is null)
        {
            errors["grid"] = [$"'{filter.Grid}' is not a grid of this county."];
        }
        if (filter.Kind is not null && !DeviceKinds.All.Contains(filter.Kind))
        {
            errors["kind"] = [$"kind must be one of: {string.Join(", ", DeviceKinds.All)}."];
        }
        if (filter.Page is < 1 or > DeviceListFilter.MaxPage)
        {
            errors["page"] = [$"page is 1 to {DeviceListFilter.MaxPage}."];
        }
        if (filter.PageSize is < 1 or > DeviceListFilter.MaxPageSize)
        {
            errors["pageSize"] = [$"pageSize is 1 to {DeviceListFilter.MaxPageSize}."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        if (filter.Grid is { } gridId && !Covers(caller, topology.FindGrid(gridId)!))
        {
            return Problems.OutOfScope("grid", gridId);
        }

        var matching = devices.All
            .Where(d => (filter.Grid is null || d.GridId == filter.Grid) && (filter.Kind is null || d.Kind == filter.Kind))
            .Where(d => Covers(caller, topology.FindGrid(d.GridId)!))
            .ToList();
        var (page, pageSize) = (filter.Page ?? 1, filter.PageSize ?? DeviceListFilter.DefaultPageSize);
        return TypedResults.Ok(new DeviceListResponse(
            [.. matching.Skip((page - 1) * pageSize).Take(pageSize)], matching.Count, page, pageSize));
    }

    private static bool MaySee(Caller caller) => caller.IsOperator || caller.Role is Roles.Worker or Roles.Feed;

    /// <summary>Feeds file alarms for every device, so they see all; others see the devices of their own area.</summary>
    private static bool Covers(Caller caller, GridPlace grid) =>
        caller.Role == Roles.Feed || caller.Covers(new Place(grid.Township.Id, grid.Village.Id, grid.Grid.Id));
}
