namespace GridActors.Grains.Topology;

/// <summary>Where a grid sits in the hierarchy: what scope checks and roll-ups need to know about it.</summary>
public sealed record GridPlace(GridNode Grid, VillageNode Village, TownshipNode Township);
