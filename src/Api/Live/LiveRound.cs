using GridActors.Api.Hubs.Messages;
using GridActors.Grains.ReadModel;

namespace GridActors.Api.Live;

/// <summary>
/// What changed in the county since the last round: each changed case once, latest change first; the grids
/// whose load moved; whether a new day began.
/// </summary>
public sealed record LiveRound(
    IReadOnlyList<EventSummary> Changed,
    IReadOnlyList<GridLoad> Grids,
    bool NewDay);
