using GridActors.Grains.Interfaces.Deadlines;

namespace GridActors.Grains.Interfaces.Visits;

/// <summary>
/// A grid's key-person register and the clock of their visits; keyed by grid id. Each visit that comes due
/// becomes a task event for the grid's workers, with its own deadline, and the next one is scheduled.
/// </summary>
[Alias("GridActors.IVisitRegisterGrain")]
public interface IVisitRegisterGrain : IAlarmTarget
{
    [Alias("Register")]
    Task<KeyPersonView> Register(KeyPersonDraft draft);

    [Alias("List")]
    Task<IReadOnlyList<KeyPersonView>> List();
}
