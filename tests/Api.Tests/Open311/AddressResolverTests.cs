using GridActors.Api.Open311;
using GridActors.Api.Tests.Infrastructure;

namespace GridActors.Api.Tests.Open311;

public sealed class AddressResolverTests
{
    private static readonly AddressResolver Resolver = new(County.Topology);
    private static readonly GridActors.Grains.Topology.GridPlace Grid = County.GridOf(townshipIndex: 0, gridIndex: 1);

    [Fact]
    public void Resolve_AnAddressNamingOneGrid_IsThatGrid()
    {
        var match = Resolver.Resolve($"云南省玉溪市澄江市{Grid.Township.Name}{Grid.Grid.Name}小区门口");

        Assert.Equal(Grid.Grid.Id, match.Grid?.Grid.Id);
        Assert.Null(match.Problem);
    }

    [Fact]
    public void Resolve_AnAddressNamingOnlyItsVillage_NamesTheVillageAndItsGrids_AndPicksNone()
    {
        var match = Resolver.Resolve($"{Grid.Village.Name}菜市场旁");

        Assert.Null(match.Grid);
        Assert.Contains(Grid.Village.Name, match.Problem);
        Assert.Contains(Grid.Village.Grids[0].Name, match.Problem);
    }

    [Fact]
    public void Resolve_AnAddressNamingTwoGrids_PicksNeither()
    {
        var village = Grid.Village;

        var match = Resolver.Resolve($"{village.Grids[0].Name}与{village.Grids[1].Name}交界处");

        Assert.Null(match.Grid);
        Assert.Contains("more than one grid", match.Problem);
    }

    [Fact]
    public void Resolve_AnAddressOutsideTheCounty_SaysSo() =>
        Assert.Contains("names no grid", Resolver.Resolve("1234 5th street").Problem);
}
