using GridActors.Grains.Events;
using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.Topology;

namespace GridActors.Storage.Tests.Infrastructure;

/// <summary>Places of the shipped county and reports in them, as the grain tests make them.</summary>
public static class Reports
{
    public static CountyTopology County { get; } = CountyTopology.LoadEmbedded();

    public static GridPlace Grid(int index) => County.Grids.ElementAt(index);

    /// <summary>A report by the grid's first worker; "hazard" is dispatched to a worker of the grid at once.</summary>
    public static ReportDraft In(GridPlace grid, Priority priority = Priority.Normal, string title = "Loose manhole cover") => new(
        grid.Grid.Id, grid.Village.Id, grid.Township.Id, "hazard", title, null, priority,
        new Party(PartyKinds.Worker, grid.Grid.Workers[0].Id), null, null);

    public static string NewId() => EventIds.New();

    public static EventCommand By(EventAction action, bool? passed = null) =>
        new(action, new Party("city", "chengjiang"), Passed: passed);
}
