using GridActors.Api.Auth;
using GridActors.Api.Extensions;
using GridActors.Api.Contracts;
using GridActors.Grains.Topology;

namespace GridActors.Api.Endpoints;

public static class TopologyEndpoints
{
    public static IEndpointRouteBuilder MapTopologyEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/topology").WithTags("Topology").RequireAuthorization(Policies.Scoped).RequireRateLimiting(RateLimitingExtensions.PerCaller);

        // The tree never changes while the process runs, so it is shaped once, not per request.
        var response = TopologyResponse.From(app.ServiceProvider.GetRequiredService<CountyTopology>().Document);
        group.MapGet("/", () => TypedResults.Ok(response))
            .WithName("GetTopology")
            .WithSummary("The county: townships, villages, grids with their workers, departments and categories.");
        return app;
    }
}
