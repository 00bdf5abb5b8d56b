namespace GridActors.Grains.Sla;

/// <summary>One running stage: when it started, how long it may take, counted how, and when it is due.</summary>
[GenerateSerializer, Alias("GridActors.StageClock")]
public sealed record StageClock(
    [property: Id(0)] SlaStage Stage,
    [property: Id(1)] DateTimeOffset StartedAt,
    [property: Id(2)] TimeSpan Limit,
    [property: Id(3)] TimeBasis Basis,
    [property: Id(4)] DateTimeOffset DueAt);
