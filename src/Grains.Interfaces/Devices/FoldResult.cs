namespace GridActors.Grains.Interfaces.Devices;

/// <summary>What a case made of a device's further alarms.</summary>
public enum FoldResult
{
    /// <summary>Counted in, durable.</summary>
    Folded,

    /// <summary>The case has finished and takes no more alarms: the device opens a new one.</summary>
    Finished,

    /// <summary>No case has this id (its opening never committed): the device reports it under the same id.</summary>
    Missing,
}
