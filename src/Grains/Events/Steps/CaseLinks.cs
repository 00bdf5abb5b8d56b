using GridActors.Grains.Events.Store;
using GridActors.Grains.Interfaces.Nearby;
using GridActors.Grains.Nearby;

namespace GridActors.Grains.Events.Steps;

/// <summary>
/// What a step owes the spatial index and the case's duplicates or original, read from the difference between the
/// case before and after it, as the handler's task is: a case enters the index while it is open, located, on its own
/// workflow and not a drill's; a duplicate joins and leaves its original; a case that finishes tells its duplicates,
/// and so does a finished case that a duplicate joins late.
/// </summary>
public static class CaseLinks
{
    public static IEnumerable<CaseEffect> Effects(string id, EventState? before, EventState after)
    {
        var (wasIndexed, isIndexed) = (before is not null && Indexed(before), Indexed(after));
        if (!wasIndexed && isIndexed)
        {
            var report = after.Report!;
            yield return new IndexSpot(GeoCells.KeyOf(report.Location!),
                new OpenCaseSpot(id, report.Category, report.Title, report.Location!, after.ReportedAt, report.TownshipId));
        }
        if (wasIndexed && !isIndexed)
        {
            yield return new UnindexSpot(GeoCells.KeyOf(after.Report!.Location!));
        }
        if (before?.DuplicateOf is { } left && left != after.DuplicateOf)
        {
            yield return new LeaveOriginal(left);
        }
        if (after.DuplicateOf is { } joined && joined != before?.DuplicateOf)
        {
            yield return new JoinOriginal(joined);
        }
        if (!EventTransitions.IsOpen(after.Status))
        {
            var told = before is not null && !EventTransitions.IsOpen(before.Status) ? before.Duplicates : [];
            foreach (var duplicate in after.Duplicates.Except(told))
            {
                yield return new TellDuplicate(duplicate, after.Status);
            }
        }
    }

    private static bool Indexed(EventState state) =>
        EventTransitions.IsWorking(state.Status) && state.Report is { Location: not null, IsDrill: false };
}
