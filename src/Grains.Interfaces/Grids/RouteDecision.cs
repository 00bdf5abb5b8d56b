namespace GridActors.Grains.Interfaces.Grids;

public enum RouteKind
{
    /// <summary>Dispatch to the least-loaded on-duty worker of the grid.</summary>
    Worker,

    /// <summary>The category belongs to a department (police, health, …).</summary>
    Department,

    /// <summary>Open the case for grabbing by the grid's and neighbouring grids' workers.</summary>
    Grab,
}

/// <summary>A grid's answer to "who takes this case?"; <see cref="AssigneeId"/> is null for grabbing.</summary>
[GenerateSerializer, Immutable, Alias("GridActors.RouteDecision")]
public sealed record RouteDecision([property: Id(0)] RouteKind Kind, [property: Id(1)] string? AssigneeId = null);
