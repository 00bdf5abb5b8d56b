using GridActors.Grains.Interfaces.Deadlines;

namespace GridActors.Grains.Deadlines;

/// <summary>
/// Where deadline shards keep their entries, one row per target. A shard writes only the entry that changed,
/// so arming costs the same with ten open cases in a grid as with a thousand — rewriting the shard's whole
/// map on every arm made the report rate fall as open cases piled up.
/// </summary>
public interface IDeadlineStore
{
    Task<IReadOnlyList<ArmedDeadline>> Load(string shard);

    /// <summary>Stores the target's deadline, replacing its previous one; durable when it completes.</summary>
    Task Upsert(string shard, ArmedDeadline deadline);

    Task Remove(string shard, AlarmTarget target);
}
