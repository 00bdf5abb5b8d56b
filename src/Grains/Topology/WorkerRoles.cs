namespace GridActors.Grains.Topology;

/// <summary>The roles a worker has in its grid, as the topology file spells them.</summary>
public static class WorkerRoles
{
    /// <summary>The grid head (网格长): one per grid.</summary>
    public const string Head = "head";

    /// <summary>A grid worker (网格员).</summary>
    public const string Worker = "worker";
}
