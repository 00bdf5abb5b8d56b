namespace GridActors.Grains.Interfaces.Events;

public enum ActionResult
{
    Done,

    /// <summary>No case has this id.</summary>
    NotFound,

    /// <summary>The action is not allowed in the case's current state (or another caller won a race).</summary>
    Conflict,
}

/// <summary>What an action did: the case after it, or why it was refused (nothing changed then).</summary>
[GenerateSerializer, Immutable, Alias("GridActors.ActionOutcome")]
public sealed record ActionOutcome(
    [property: Id(0)] ActionResult Result,
    [property: Id(1)] EventView? Event,
    [property: Id(2)] string? Reason = null);
