namespace GridActors.Api.Auth;

/// <summary>
/// Something in the county tree that a caller wants to touch, described by its ancestry, so one rule can
/// decide for grids, workers and (later) events alike.
/// </summary>
public sealed record Place(string TownshipId, string VillageId, string GridId, string? WorkerId = null);
