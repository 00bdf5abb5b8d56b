using GridActors.Grains.Audit;
using GridActors.Grains.ReadModel;

namespace GridActors.Grains.Events.Store;

/// <summary>
/// Everything one step of a case changes, committed together or not at all: the case file at its new version,
/// its read-model row, its deadline entry (when it moved), the outbox of what other grains must learn, the
/// step's line in the audit trail (none for a drill's case) and the receipts of the alarms it counted.
/// <c>ExpectedVersion</c> is the version the step was decided on, 0 for a new case.
/// </summary>
public sealed record CaseCommit(
    string CaseId,
    long ExpectedVersion,
    EventState State,
    EventSummary Row,
    DeadlineEntryChange? Deadline,
    CaseOutbox? Outbox,
    AuditEntry? Audit = null,
    IReadOnlyList<AlarmReceipt>? Alarms = null);
