using System.Text.Json;
using GridActors.Grains.Events;
using GridActors.Grains.Interfaces.Audit;

namespace GridActors.Grains.Audit;

/// <summary>
/// The audit entry of one step of a case, committed with the step itself. Its action is the step's first entry
/// in the case history (a report's step also accepts and dispatches it: those follow in the detail, with where
/// the case stands after). A drill's case is not audited — its steps are a load test's, not anyone's doing — unless
/// <c>includeDrills</c> (<see cref="AuditOptions.IncludeDrills"/>) asks to measure what auditing costs.
/// </summary>
public static class CaseAudit
{
    public const string SubjectKind = "event";

    public static AuditEntry? Of(
        string caseId, EventState? previous, EventState next, AuditActor? by, DateTimeOffset now, bool includeDrills = false)
    {
        if (next.Report is not { } report || (report.IsDrill && !includeDrills))
        {
            return null;
        }
        var kept = previous?.History.Count ?? 0;
        if (kept > 0 && kept <= next.History.Count && next.History[kept - 1] != previous!.History[kept - 1])
        {
            // A fold rewrites the entry before it when that is a fold too (EventAction.Fold): it is this step's.
            kept--;
        }
        var added = next.History.Skip(kept).ToList();
        var actions = added.Select(h => Name(h.Action)).ToList();
        var assignee = next.Assignee is { } party ? $" to {party}" : "";
        return new AuditEntry(
            added.Count > 0 ? added[0].At : now,
            by ?? AuditActor.System,
            actions.Count > 0 ? actions[0] : "update",
            new AuditSubject(SubjectKind, caseId),
            AuditOutcomes.Ok,
            $"{string.Join(" → ", actions)}; now {Name(next.Status)}{assignee}, version {next.Version}",
            report.TownshipId);
    }

    private static string Name<T>(T value) where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
