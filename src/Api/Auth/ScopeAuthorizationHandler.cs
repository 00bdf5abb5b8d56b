using Microsoft.AspNetCore.Authorization;

namespace GridActors.Api.Auth;

public sealed class ScopeAuthorizationHandler(CallerResolver callers) : AuthorizationHandler<ScopeRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ScopeRequirement requirement)
    {
        var caller = callers.Resolve(context.User);
        var allowed = caller is not null && (context.Resource is not Place place || caller.Covers(place));
        if (allowed)
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}
