using GridActors.Grains.Topology;
using Microsoft.AspNetCore.Authorization;

namespace GridActors.Api.Auth;

public sealed class ScopeAuthorizationHandler(CountyTopology topology) : AuthorizationHandler<ScopeRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ScopeRequirement requirement)
    {
        var caller = Caller.FromPrincipal(context.User, worker => topology.FindWorker(worker)?.Home.Grid.Id);
        var allowed = caller is not null && (context.Resource is not Place place || caller.Covers(place));
        if (allowed)
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}
