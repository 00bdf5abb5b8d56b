namespace GridActors.Grains.Workers;

/// <summary>
/// A worker's steps, each deciding the next state as a new copy — or null when the step changes nothing:
/// setting the duty the worker already has, assigning a task it already holds, releasing one it does not
/// hold. A repeated call (a case's retried follow-up) then writes nothing and tells the grid nothing.
/// </summary>
public static class WorkerRules
{
    public static WorkerState? SetDuty(WorkerState current, bool onDuty, DateTimeOffset now) =>
        onDuty == !current.OffDuty ? null : Changed(current with { OffDuty = !onDuty, DutyChangedAt = now });

    /// <summary>A drill case goes to the drill tasks, so the worker's real load stays what the county gave them.</summary>
    public static WorkerState? Assign(WorkerState current, string eventId, bool drill = false) =>
        Holds(current, eventId) ? null
        : drill ? Changed(current with { DrillTaskIds = [.. current.DrillTaskIds, eventId] })
        : Changed(current with { OpenTaskIds = [.. current.OpenTaskIds, eventId] });

    /// <summary>Releases the case from whichever list holds it; the release needs not know what the case was.</summary>
    public static WorkerState? Release(WorkerState current, string eventId) =>
        current.OpenTaskIds.Contains(eventId)
            ? Changed(current with { OpenTaskIds = [.. current.OpenTaskIds.Where(id => id != eventId)] })
        : current.DrillTaskIds.Contains(eventId)
            ? Changed(current with { DrillTaskIds = [.. current.DrillTaskIds.Where(id => id != eventId)] })
        : null;

    private static bool Holds(WorkerState current, string eventId) =>
        current.OpenTaskIds.Contains(eventId) || current.DrillTaskIds.Contains(eventId);

    /// <summary>Every change is one the grid must hear of, so every change moves the version.</summary>
    private static WorkerState Changed(WorkerState next) => next with { Version = next.Version + 1 };
}
