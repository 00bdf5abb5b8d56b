namespace GridActors.Grains.Interfaces.Workers;

/// <summary>A worker as the worker grain holds it.</summary>
[GenerateSerializer, Immutable, Alias("GridActors.WorkerView")]
public sealed record WorkerView(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Role,
    [property: Id(3)] string Employment,
    [property: Id(4)] string GridId,
    [property: Id(5)] string VillageId,
    [property: Id(6)] string TownshipId,
    [property: Id(7)] bool OnDuty,
    [property: Id(8)] DateTimeOffset? DutyChangedAt,
    [property: Id(9)] IReadOnlyList<string> OpenTaskIds,
    // Id(10) carried points the worker grain never held: a worker's points are its ledger's (ILedgerGrain).
    [property: Id(11)] IReadOnlyList<string> DrillTaskIds);
