using GridActors.Grains.Topology;

namespace GridActors.Api.Open311;

/// <summary>Where an address string places a request: its grid, or why it places it nowhere.</summary>
public sealed record AddressMatch(GridPlace? Grid, string? Problem);

/// <summary>
/// Places an Open311 <c>address_string</c> in a grid. The county has no street gazetteer, but every grid has a
/// unique name that people write in addresses (“明甸社区第1网格”), so an address naming one grid is that grid. An
/// address naming only its village or community cannot say which grid of it is meant, and is refused with the
/// grids it could be, rather than guessed.
/// </summary>
public sealed class AddressResolver(CountyTopology topology)
{
    private const int GridsListed = 5;

    public AddressMatch Resolve(string address)
    {
        var grids = topology.Grids.Where(g => address.Contains(g.Grid.Name, StringComparison.Ordinal)).ToList();
        if (grids.Count == 1)
        {
            return new AddressMatch(grids[0], null);
        }
        if (grids.Count > 1)
        {
            return new AddressMatch(null,
                $"address_string names more than one grid ({string.Join(", ", grids.Select(g => g.Grid.Name))}); name one, or send lat and long.");
        }
        var village = topology.Grids.Select(g => g.Village).Distinct()
            .Where(v => address.Contains(v.Name, StringComparison.Ordinal))
            .MaxBy(v => v.Name.Length);
        return village is null
            ? new AddressMatch(null, "address_string names no grid of the county; send lat and long, or the grid's name (such as 明甸社区第1网格).")
            : new AddressMatch(null, $"address_string names {village.Name} but not which of its {village.Grids.Count} grids; send lat and long, "
                + $"or a grid's name ({string.Join(", ", village.Grids.Take(GridsListed).Select(g => g.Name))}{(village.Grids.Count > GridsListed ? ", …" : "")}).");
    }
}
