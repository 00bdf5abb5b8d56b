namespace GridActors.Grains.Interfaces.Events;

public enum ReportResult
{
    /// <summary>A new case, durable.</summary>
    Created,

    /// <summary>The same report under the same id again: the case it already made.</summary>
    Duplicate,

    /// <summary>A different report under an id that is taken: nothing changed.</summary>
    Conflict,
}

[GenerateSerializer, Immutable, Alias("GridActors.ReportOutcome")]
public sealed record ReportOutcome([property: Id(0)] ReportResult Result, [property: Id(1)] EventView? Event);
