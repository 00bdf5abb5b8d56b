namespace GridActors.Api.Hubs.Messages;

/// <summary>
/// The tiles of a dashboard. <see cref="ReportedToday"/>, <see cref="ClosureRate"/> and <see cref="OnTimeRate"/>
/// are <c>GET /api/stats?period=day</c>'s figures; <see cref="Open"/> and <see cref="Overdue"/> count every open
/// case whatever day it came in.
/// </summary>
public sealed record LiveKpi(int ReportedToday, int Open, int Overdue, int ClosedToday, double ClosureRate, double OnTimeRate);
