namespace GridActors.Grains.Interfaces;

/// <summary>Names of the grain storage providers; the silo binds each to memory or PostgreSQL.</summary>
public static class StorageNames
{
    /// <summary>State of the county's standing grains that change rarely: the city, registers, the clock.</summary>
    public const string County = "county";

    /// <summary>
    /// Workers' duty and task lists: standing grains, but written with every assignment and release, so at
    /// peak as often as the events themselves.
    /// </summary>
    public const string Workers = "workers";

    /// <summary>State of event (case) grains: the hot path at peak load.</summary>
    public const string Events = "events";
}
