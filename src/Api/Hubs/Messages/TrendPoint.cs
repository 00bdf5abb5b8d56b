namespace GridActors.Api.Hubs.Messages;

/// <summary>Today's cases reported and closed in one hour of the county's clock (0–23).</summary>
public sealed record TrendPoint(int Hour, int Reported, int Closed);
