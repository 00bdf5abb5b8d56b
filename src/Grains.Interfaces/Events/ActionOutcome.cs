namespace GridActors.Grains.Interfaces.Events;

public enum ActionResult
{
    Done,

    /// <summary>No case has this id.</summary>
    NotFound,

    /// <summary>The action is not allowed in the case's current state (or another caller won a race).</summary>
    Conflict,

    /// <summary>The caller may not take this action on this case.</summary>
    Forbidden,

    /// <summary>The case is no longer at the version the caller named.</summary>
    PreconditionFailed,

    /// <summary>The idempotency key was used before for another action or body.</summary>
    KeyReused,
}

/// <summary>
/// What an action did: the case after it, or why it was refused (nothing changed then). <see cref="Replayed"/>:
/// the request key had been applied before, and this is that outcome again, not a second step.
/// <see cref="Event"/> leaves out the history of an action's answer; the case file has it.
/// </summary>
[GenerateSerializer, Immutable, Alias("GridActors.ActionOutcome")]
public sealed record ActionOutcome(
    [property: Id(0)] ActionResult Result,
    [property: Id(1)] EventView? Event,
    [property: Id(2)] string? Reason = null,
    [property: Id(3)] bool Replayed = false);
