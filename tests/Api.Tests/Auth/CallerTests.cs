using System.Security.Claims;
using GridActors.Api.Auth;
using GridActors.Grains.Topology;

namespace GridActors.Api.Tests.Auth;

public sealed class CallerTests
{
    private static readonly Place WorkerPlace = new("fenglu", "fenglu-01", "fenglu-01-01", "W0001");
    private static readonly Place GridPlace = new("fenglu", "fenglu-01", "fenglu-01-01");

    [Theory]
    [InlineData("city", "chengjiang", true)]
    [InlineData("township", "fenglu", true)]
    [InlineData("township", "longjie", false)]
    [InlineData("village", "fenglu-01", true)]
    [InlineData("village", "fenglu-02", false)]
    [InlineData("worker", "W0001", true)]
    [InlineData("worker", "W0002", false)]
    [InlineData("department", "public-security", false)]
    [InlineData("citizen", "c-1", false)]
    public void Covers_AWorker(string role, string scope, bool expected)
    {
        var caller = new Caller(role, scope, HomeGridId: "fenglu-01-01");

        Assert.Equal(expected, caller.Covers(WorkerPlace));
    }

    [Theory]
    [InlineData("fenglu-01-01", true)]
    [InlineData("fenglu-01-02", false)]
    public void Covers_AWorkersOwnGridOnly(string homeGrid, bool expected)
    {
        var caller = new Caller(Roles.Worker, "W0002", homeGrid);

        Assert.Equal(expected, caller.Covers(GridPlace));
    }

    [Theory]
    [InlineData("admin", "x")]
    [InlineData("township", "")]
    [InlineData(null, "fenglu")]
    public void FromPrincipal_UnknownRoleOrMissingScope_IsNoCaller(string? role, string scope)
    {
        List<Claim> claims = [new(ClaimNames.Scope, scope)];
        if (role is not null)
        {
            claims.Add(new Claim(ClaimNames.Role, role));
        }

        var caller = Caller.FromPrincipal(new ClaimsPrincipal(new ClaimsIdentity(claims, "test")), (_, _) => null);

        Assert.Null(caller);
    }

    // V0001 is the first volunteer of the first grid in id order, V0016 the first of the second (6,441 over 448).
    [Theory]
    [InlineData(Roles.Worker, "W0001", "fenglu-01-01")]
    [InlineData(Roles.Volunteer, "V0001", "fenglu-01-01")]
    [InlineData(Roles.Volunteer, "V0016", "fenglu-01-02")]
    public void Resolve_AWorkerOrVolunteer_LearnsItsHomeGrid(string role, string id, string home)
    {
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimNames.Role, role), new Claim(ClaimNames.Scope, id)], "test"));

        var caller = new CallerResolver(CountyTopology.LoadEmbedded()).Resolve(principal);

        Assert.Equal(new Caller(role, id, home), caller);
    }

    [Fact]
    public void Resolve_AnOperator_HasNoHomeGrid()
    {
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimNames.Role, Roles.Township), new Claim(ClaimNames.Scope, "fenglu")], "test"));

        var caller = new CallerResolver(CountyTopology.LoadEmbedded()).Resolve(principal);

        Assert.Null(caller!.HomeGridId);
    }
}
