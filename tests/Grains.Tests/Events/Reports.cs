using GridActors.Grains.Events;
using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.Tests.Topology;
using GridActors.Grains.Topology;

namespace GridActors.Grains.Tests.Events;

/// <summary>Reports and grid picks for the grain tests; each test takes grids no other test uses.</summary>
public static class Reports
{
    public static GridPlace Grid(int index) => Chengjiang.Topology.Grids.ElementAt(index);

    public static ReportDraft In(GridPlace grid, string category = "hazard", string title = "Loose manhole cover") => new(
        grid.Grid.Id, grid.Village.Id, grid.Township.Id, category, title, null, Priority.Normal,
        new Party(PartyKinds.Worker, grid.Grid.Workers[0].Id), null, null);

    public static string NewId() => EventIds.New();

    public static EventCommand By(EventAction action, bool? passed = null, string? workerId = null, bool grabMode = false) =>
        new(action, new Party("city", "chengjiang"), WorkerId: workerId, GrabMode: grabMode, Passed: passed);
}
