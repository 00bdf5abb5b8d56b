using GridActors.Grains.Interfaces.Topology;
using GridActors.Grains.ReadModel;

namespace GridActors.Grains.Live;

/// <summary>
/// Where grains hand what dashboards should see. Called in-process and never waits: live state is a view, and
/// a case must not slow down, or fail, because nobody is watching. The silo's implementation batches what it
/// is given onto Orleans streams.
/// </summary>
public interface ILiveFeed
{
    /// <summary>A case changed; only its newest version is kept until the next batch.</summary>
    void Publish(EventSummary summary);

    /// <summary>The county's operating modes switched.</summary>
    void Publish(ModesView modes);

    /// <summary>A drill's cases were erased; the drill views hold cases that are gone.</summary>
    void Publish(DrillErased erased);
}
