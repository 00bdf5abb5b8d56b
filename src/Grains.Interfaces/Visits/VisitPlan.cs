namespace GridActors.Grains.Interfaces.Visits;

/// <summary>A recurring visit: its kind, how often, and when the first one is due.</summary>
[GenerateSerializer, Immutable, Alias("GridActors.VisitPlan")]
public sealed record VisitPlan(
    [property: Id(0)] VisitKind Kind,
    [property: Id(1)] double EveryDays,
    [property: Id(2)] DateTimeOffset FirstDueAt);
