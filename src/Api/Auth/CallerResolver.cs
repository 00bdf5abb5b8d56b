using System.Security.Claims;
using GridActors.Grains.Topology;

namespace GridActors.Api.Auth;

/// <summary>Reads the <see cref="Caller"/> of a request, knowing a worker's or volunteer's home grid from the topology.</summary>
public sealed class CallerResolver(CountyTopology topology)
{
    public Caller? Resolve(HttpContext http) => Resolve(http.User);

    public Caller? Resolve(ClaimsPrincipal user) => Caller.FromPrincipal(user, HomeGridOf);

    private string? HomeGridOf(string role, string scope) => role switch
    {
        Roles.Worker => topology.FindWorker(scope)?.Home.Grid.Id,
        Roles.Volunteer => topology.FindVolunteer(scope)?.Grid.Id,
        _ => null,
    };
}
