using GridActors.Grains.Events.Store;
using GridActors.Grains.ReadModel;

namespace GridActors.Grains.Events.Steps;

/// <summary>
/// A decided step: the case's next state, its read-model row, its deadline entry when it moved, and the outbox of
/// what other grains must learn. Nothing of it is real until the store has committed it.
/// </summary>
public sealed record CaseStep(EventState Next, EventSummary Row, DeadlineEntryChange? Deadline, CaseOutbox? Outbox);
