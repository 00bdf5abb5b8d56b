namespace GridActors.Grains.Sla;

/// <summary>
/// One running stage: since when it runs, its whole limit, counted how, when it is due, and how much of the
/// limit was already <see cref="Used"/> before <see cref="StartedAt"/> (a stage resumed after parking keeps
/// its original limit, so its later alarms stay where they were).
/// </summary>
[GenerateSerializer, Alias("GridActors.StageClock")]
public sealed record StageClock(
    [property: Id(0)] SlaStage Stage,
    [property: Id(1)] DateTimeOffset StartedAt,
    [property: Id(2)] TimeSpan Limit,
    [property: Id(3)] TimeBasis Basis,
    [property: Id(4)] DateTimeOffset DueAt,
    [property: Id(5)] TimeSpan Used = default);
