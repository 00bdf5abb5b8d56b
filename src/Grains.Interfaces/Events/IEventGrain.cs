using GridActors.Grains.Interfaces.Deadlines;

namespace GridActors.Grains.Interfaces.Events;

/// <summary>
/// One reported case and the single writer of its state: every action, every grab in a race, goes through
/// it one at a time. Keyed by the event id (minted from the client's idempotency key when there is one).
/// </summary>
[Alias("GridActors.IEventGrain")]
public interface IEventGrain : IAlarmTarget
{
    /// <summary>Files the report, durable before it returns; routes it when automatic dispatch is on.</summary>
    [Alias("Report")]
    Task<ReportOutcome> Report(ReportDraft draft);

    /// <summary>The case, or null when nothing was reported under this id.</summary>
    [Alias("GetView")]
    Task<EventView?> GetView();

    [Alias("Act")]
    Task<ActionOutcome> Act(EventCommand command);
}
