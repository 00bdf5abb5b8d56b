using GridActors.Grains.Configuration;
using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.Interfaces.Grids;
using GridActors.Grains.Interfaces.Workers;
using GridActors.Grains.Topology;

namespace GridActors.Grains.Routing;

/// <summary>Who takes a new case: the rule the grid grain applies to its roster.</summary>
public static class RoutingPolicy
{
    /// <summary>
    /// Departments take what they own in any mode. In emergency mode everything else is grabbed by the
    /// township's on-duty workers, the fastest way to reach whoever is free; in routine, the category's way.
    /// A <paramref name="drill"/> case is routed by the workers' whole load (<see cref="LoadOf"/>).
    /// </summary>
    public static RouteDecision Decide(
        CategoryNode category, DepartmentNode? owner, IEnumerable<WorkerStatus> roster, DispatchOptions options,
        OperatingMode mode = OperatingMode.Routine, bool drill = false)
    {
        if (category.HandledBy == CategoryHandlers.Department && owner is not null)
        {
            return new RouteDecision(RouteKind.Department, owner.Id);
        }
        if (mode == OperatingMode.Emergency || options.GrabList.Contains(category.Id))
        {
            return new RouteDecision(RouteKind.Grab);
        }
        return LeastLoaded(roster, options.WorkerCapacity, drill) is { } worker
            ? new RouteDecision(RouteKind.Worker, worker.WorkerId)
            : new RouteDecision(RouteKind.Grab);
    }

    /// <summary>The on-duty worker with the least load (<see cref="LoadOf"/>) and room for one more; ties go to the lower id.</summary>
    public static WorkerStatus? LeastLoaded(IEnumerable<WorkerStatus> roster, int capacity, bool drill = false) =>
        roster
            .Where(w => w.OnDuty && LoadOf(w, drill) < capacity)
            .OrderBy(w => LoadOf(w, drill))
            .ThenBy(w => w.WorkerId, StringComparer.Ordinal)
            .FirstOrDefault();

    /// <summary>
    /// The load a case is routed by. A real case sees only real tasks, so a drill running over the county never
    /// moves a real case to another worker or to the grab list. A drill case sees real and drill tasks: the drill
    /// plays a peak on top of the county as it stands.
    /// </summary>
    public static int LoadOf(WorkerStatus worker, bool drill) => worker.OpenTasks + (drill ? worker.DrillTasks : 0);
}
