namespace GridActors.Grains.Interfaces;

/// <summary>Names of the grain storage providers; the silo binds each to memory or PostgreSQL.</summary>
public static class StorageNames
{
    /// <summary>State of the county's standing grains: workers, grids and areas.</summary>
    public const string County = "county";

    /// <summary>State of event (case) grains: the hot path at peak load.</summary>
    public const string Events = "events";
}
