using GridActors.Grains.Interfaces.Events;

namespace GridActors.Grains.Interfaces.Visits;

/// <summary>A registered key person with the next due time of each of their visits (personal data unmasked).</summary>
[GenerateSerializer, Immutable, Alias("GridActors.KeyPersonView")]
public sealed record KeyPersonView(
    [property: Id(0)] string Id,
    [property: Id(1)] string GridId,
    [property: Id(2)] PersonInfo Person,
    [property: Id(3)] string Reason,
    [property: Id(4)] IReadOnlyList<ScheduledVisit> Visits,
    [property: Id(5)] DateTimeOffset RegisteredAt);

/// <summary>One recurring visit: when the next one is due, and how many task events it has made so far.</summary>
[GenerateSerializer, Immutable, Alias("GridActors.ScheduledVisit")]
public sealed record ScheduledVisit(
    [property: Id(0)] VisitKind Kind,
    [property: Id(1)] double EveryDays,
    [property: Id(2)] DateTimeOffset NextDueAt,
    [property: Id(3)] int Made,
    [property: Id(4)] string? LastEventId);
