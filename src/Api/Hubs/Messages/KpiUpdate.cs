namespace GridActors.Api.Hubs.Messages;

/// <summary>The scope's tiles and today's trend as they stand after a round in which its cases changed.</summary>
public sealed record KpiUpdate(string Scope, DateTimeOffset AsOf, LiveKpi Kpi, IReadOnlyList<TrendPoint> Trend);
