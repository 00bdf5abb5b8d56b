using System.Security.Claims;
using GridActors.Grains.Topology;

namespace GridActors.Api.Auth;

/// <summary>Reads the <see cref="Caller"/> of a request, knowing a worker's home grid from the topology.</summary>
public sealed class CallerResolver(CountyTopology topology)
{
    public Caller? Resolve(HttpContext http) => Resolve(http.User);

    public Caller? Resolve(ClaimsPrincipal user) =>
        Caller.FromPrincipal(user, worker => topology.FindWorker(worker)?.Home.Grid.Id);
}
