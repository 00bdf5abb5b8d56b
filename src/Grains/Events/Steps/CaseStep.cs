using GridActors.Grains.Events.Store;
using GridActors.Grains.ReadModel;

namespace GridActors.Grains.Events.Steps;

/// <summary>
/// A decided step: the case's next state, its read-model row, its deadline entry when it moved, and the outbox of
/// what other grains must learn, and the receipts of the device alarms it counted. Nothing of it is real until the
/// store has committed it. <see cref="Quiet"/> marks a step live dashboards need not hear of (a fold changes no field
/// they show).
/// </summary>
public sealed record CaseStep(EventState Next, EventSummary Row, DeadlineEntryChange? Deadline, CaseOutbox? Outbox)
{
    public IReadOnlyList<AlarmReceipt>? Alarms { get; init; }

    public bool Quiet { get; init; }
}
