namespace GridActors.Api.Hubs.Messages;

/// <summary>The grids of the scope whose load changed in a round, with their load now.</summary>
public sealed record GridUpdate(string Scope, IReadOnlyList<GridLoad> Grids);
