using GridActors.Grains.Events.Store;
using GridActors.Grains.Interfaces.Events;

namespace GridActors.Grains.Events;

/// <summary>What an erased case must take back from others, since no step of it will ever release anything again.</summary>
public static class CaseErasure
{
    /// <summary>
    /// Every worker whose task list may hold the case: its assignee, and whoever an undelivered outbox was to assign
    /// it to or release it from (a release may not have landed; an assignment may have). Releasing is idempotent,
    /// so asking one who does not hold it changes nothing.
    /// </summary>
    public static IReadOnlySet<string> WorkersToRelease(EventState state, IEnumerable<CaseEffect> undelivered)
    {
        var workers = new HashSet<string>(StringComparer.Ordinal);
        if (state.Assignee is { Kind: PartyKinds.Worker } assignee)
        {
            workers.Add(assignee.Id);
        }
        foreach (var effect in undelivered)
        {
            if (effect is AssignTask { WorkerId: var assigned })
            {
                workers.Add(assigned);
            }
            else if (effect is ReleaseTask { WorkerId: var released })
            {
                workers.Add(released);
            }
        }
        return workers;
    }
}
