namespace GridActors.Grains.Interfaces.Devices;

public enum AlarmResult
{
    /// <summary>The alarm opened a new case, durable.</summary>
    Opened,

    /// <summary>The alarm folded into its device's open case of that kind, durable.</summary>
    Folded,

    /// <summary>The alarm id was used for a different alarm of this device; nothing was changed.</summary>
    Conflict,
}

/// <summary>What became of one alarm; the same alarm again gets the same answer.</summary>
[GenerateSerializer, Immutable, Alias("GridActors.AlarmAnswer")]
public sealed record AlarmAnswer(
    [property: Id(0)] string AlarmId,
    [property: Id(1)] AlarmResult Result,
    [property: Id(2)] string? EventId);
