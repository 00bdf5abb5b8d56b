using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.ReadModel;

namespace GridActors.Grains.Events;

/// <summary>How a case file is shown: whole to its readers, without history to those who just acted, as a row to lists.</summary>
public static class CaseViews
{
    public static EventView View(string id, EventState state, bool withHistory = true) => new(
        id,
        state.Report!,
        state.Status,
        state.Assignee,
        state.EscalationLevel,
        state.Overdue,
        state.ReworkCount,
        state.ExtensionCount,
        state.SupervisionCount,
        CaseClock.Deadlines(state),
        withHistory ? [.. state.History] : [],
        state.ReportedAt,
        state.ClosedAt,
        state.Version,
        state.Mode,
        state.Priority,
        state.Whole?.DueAt,
        state.Alarms,
        state.DuplicateOf,
        [.. state.Duplicates]);

    public static EventSummary Summary(string id, EventState state)
    {
        var report = state.Report!;
        return new EventSummary(
            id,
            report.GridId,
            report.VillageId,
            report.TownshipId,
            report.Category,
            report.Title,
            state.Status,
            state.Priority,
            report.Reporter,
            state.Assignee,
            state.EscalationLevel,
            state.Overdue,
            state.ReworkCount,
            state.ReportedAt,
            state.ClosedAt,
            state.Version,
            state.ExtensionCount,
            state.Whole?.DueAt,
            FinishedAt(state),
            report.Drill);
    }

    /// <summary>When a finished case finished: its closure, or the step that cancelled it.</summary>
    private static DateTimeOffset? FinishedAt(EventState state) => state.Status switch
    {
        EventStatus.Closed => state.ClosedAt,
        // The step that cancelled it, not the last entry: a duplicate joining later must not move the time.
        EventStatus.Cancelled => state.History.LastOrDefault(h => h.Action is EventAction.Cancel or EventAction.OriginalFinished)?.At
            ?? (state.History.Count > 0 ? state.History[^1].At : state.ReportedAt),
        _ => null,
    };
}
