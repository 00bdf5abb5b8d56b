using GridActors.Api.Hubs.Messages;

namespace GridActors.Api.Live;

/// <summary>What a snapshot shows of an area, read at one moment.</summary>
public sealed record LiveView(
    LiveKpi Kpi,
    IReadOnlyList<TrendPoint> Trend,
    IReadOnlyList<GridLoad> Grids,
    IReadOnlyList<LiveCase> Recent,
    DateTimeOffset DayStart);
