using GridActors.Grains.ReadModel;

namespace GridActors.Api.Live;

/// <summary>
/// This node's two live views: the county's own cases, and the drills' (<c>SubscribeDrill</c>). They are kept apart
/// so that a load-test drill, which measures how fast its own cases reach a dashboard, never moves a tile, a
/// feed or a grid load of the county. A drill's cases are erased with their drill; the drill view then starts
/// afresh from the read model, since a fold only ever moves forward.
/// </summary>
public sealed class LiveViews(Func<LiveCounty> create)
{
    private LiveCounty _drills = create();
    private int _drillsRestarted;

    public LiveCounty County { get; } = create();

    public LiveCounty Drills => Volatile.Read(ref _drills);

    public LiveCounty Of(CaseSet cases) => cases.IsDrill ? Drills : County;

    /// <summary>Folds each changed case into the view it belongs to.</summary>
    public void Apply(IReadOnlyCollection<EventSummary> cases)
    {
        County.Apply(cases.Where(c => c.Drill is null));
        Drills.Apply(cases.Where(c => c.Drill is not null));
    }

    /// <summary>
    /// Replaces the drill view with an empty one, which folds what arrives from now on while the caller loads it;
    /// its first round after <see cref="DrillsLoaded"/> restates every figure.
    /// </summary>
    public LiveCounty RestartDrills()
    {
        var fresh = create();
        Volatile.Write(ref _drills, fresh);
        return fresh;
    }

    public void DrillsLoaded() => Interlocked.Exchange(ref _drillsRestarted, 1);

    /// <summary>True once after a restarted drill view was loaded: its groups get every figure again, not only what changed.</summary>
    public bool TakeDrillsRestart() => Interlocked.Exchange(ref _drillsRestarted, 0) == 1;
}
