using GridActors.Grains.Interfaces.Events;

namespace GridActors.Grains.Interfaces.Visits;

/// <summary>A person put on a grid's key-person register, with why and how they are to be visited.</summary>
[GenerateSerializer, Immutable, Alias("GridActors.KeyPersonDraft")]
public sealed record KeyPersonDraft(
    [property: Id(0)] PersonInfo Person,
    [property: Id(1)] string Reason,
    [property: Id(2)] IReadOnlyList<VisitPlan> Visits,
    [property: Id(3)] string RegisteredBy);
