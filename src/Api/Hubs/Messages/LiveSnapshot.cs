using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.Points;

namespace GridActors.Api.Hubs.Messages;

/// <summary>Everything a dashboard shows of a scope, sent once when it subscribes; deltas follow.</summary>
public sealed record LiveSnapshot(
    string Scope,
    string Level,
    string Name,
    DateTimeOffset AsOf,
    DateTimeOffset DayStart,
    OperatingMode Mode,
    LiveKpi Kpi,
    IReadOnlyList<TrendPoint> Trend,
    IReadOnlyList<GridLoad> Grids,
    IReadOnlyList<LiveCase> Feed,
    Boards? Boards);
