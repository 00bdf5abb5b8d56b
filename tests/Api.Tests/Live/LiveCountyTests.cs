using GridActors.Api.Auth;
using GridActors.Api.Events;
using GridActors.Api.Live;
using GridActors.Api.Tests.Infrastructure;
using GridActors.Grains.Clock;
using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.ReadModel;

namespace GridActors.Api.Tests.Live;

public sealed class LiveCountyTests
{
    // 10:00 in the county (UTC+8) on a Tuesday.
    private static readonly DateTimeOffset Morning = new(2026, 11, 24, 2, 0, 0, TimeSpan.Zero);
    private static readonly Area City = new(County.Topology.City.Id, "city", null, new EventQuery(), 1318);
    private static readonly string GridId = County.GridOf(0).Grid.Id;

    private readonly ManualTime _time = new(Morning);
    private readonly LiveCounty _county;

    public LiveCountyTests() => _county = new LiveCounty(County.Topology, new GridClock(_time, 1));

    [Fact]
    public void Apply_AnOlderOrRepeatedVersion_ChangesNothing()
    {
        _county.Apply([Case("a", 2, EventStatus.InProgress, overdue: true)]);
        _county.TakeRound(Morning);

        _county.Apply([Case("a", 1, EventStatus.Reported), Case("a", 2, EventStatus.InProgress, overdue: true)]);
        var round = _county.TakeRound(Morning);

        Assert.Empty(round.Changed);
        Assert.Equal((1, 1), Load(_county.View(City, Morning, 10).Grids));
    }

    [Fact]
    public void Apply_ClosingACase_TakesItOffItsGridsLoad()
    {
        _county.Apply([Case("a", 1, EventStatus.Dispatched, overdue: true), Case("b", 1, EventStatus.Dispatched)]);

        _county.Apply([Case("a", 2, EventStatus.Closed, overdue: true, closedAt: Morning)]);

        Assert.Equal((1, 0), Load(_county.View(City, Morning, 10).Grids));
        var (kpi, trend) = _county.Figures(City, Morning);
        Assert.Equal((2, 1, 0, 1), (kpi.ReportedToday, kpi.Open, kpi.Overdue, kpi.ClosedToday));
        Assert.Equal(0.5, kpi.ClosureRate);
        Assert.Equal(2, trend[10].Reported);
        Assert.Equal(1, trend[10].Closed);
    }

    [Fact]
    public void TakeRound_ListsEachChangedCaseOnce_LatestChangeFirst()
    {
        _county.Apply([Case("a", 1, EventStatus.Reported), Case("b", 1, EventStatus.Reported)]);
        _county.Apply([Case("a", 2, EventStatus.Dispatched)]);

        var round = _county.TakeRound(Morning);

        Assert.Equal(["a", "b"], round.Changed.Select(c => c.Id));
        Assert.Equal(2, round.Changed[0].Version);
        Assert.Empty(_county.TakeRound(Morning).Changed);
    }

    [Fact]
    public void TakeRound_AtTheCountysMidnight_LetsYesterdaysFinishedCasesGo_AndKeepsTheOpenOnes()
    {
        _county.Apply([Case("open", 1, EventStatus.InProgress), Case("done", 2, EventStatus.Closed, closedAt: Morning)]);
        var tomorrow = Morning.AddDays(1);
        _time.Now = tomorrow;

        var round = _county.TakeRound(tomorrow);
        var (kpi, _) = _county.Figures(City, tomorrow);

        Assert.True(round.NewDay);
        Assert.Equal((0, 1, 0), (kpi.ReportedToday, kpi.Open, kpi.ClosedToday));
        Assert.Equal(["open"], _county.View(City, tomorrow, 10).Recent.Select(c => c.Id));
    }

    [Fact]
    public void Apply_AStaleVersionOfACaseThatLeftAtMidnight_DoesNotBringItBack()
    {
        _county.Apply([Case("x", 7, EventStatus.Closed, closedAt: Morning)]);
        var tomorrow = Morning.AddDays(1);
        _time.Now = tomorrow;
        _county.TakeRound(tomorrow);

        // A read-model reload that read the case before it closed.
        _county.Apply([Case("x", 6, EventStatus.InProgress)]);

        Assert.Equal(0, _county.Figures(City, tomorrow).Kpi.Open);
        Assert.Equal((0, 0), Load(_county.View(City, tomorrow, 10).Grids));
    }

    [Fact]
    public void View_OfATownship_CountsOnlyItsCasesAndGrids()
    {
        var other = County.GridOf(1);
        _county.Apply([Case("here", 1, EventStatus.Dispatched), Case("there", 1, EventStatus.Dispatched) with
        {
            GridId = other.Grid.Id, VillageId = other.Village.Id, TownshipId = other.Township.Id,
        }]);
        var township = County.Township(0);
        var area = new Area(township.Id, "township", new Place(township.Id, "", ""), new EventQuery(TownshipId: township.Id), 0);

        var view = _county.View(area, Morning, 10);

        Assert.Equal(1, view.Kpi.Open);
        Assert.Equal(["here"], view.Recent.Select(c => c.Id));
        Assert.Equal(township.Villages.Sum(v => v.Grids.Count), view.Grids.Count);
    }

    private static (int Open, int Overdue) Load(IReadOnlyList<Hubs.Messages.GridLoad> loads)
    {
        var load = loads.Single(l => l.Id == GridId);
        return (load.Open, load.Overdue);
    }

    private static EventSummary Case(string id, long version, EventStatus status, bool overdue = false, DateTimeOffset? closedAt = null)
    {
        var grid = County.GridOf(0);
        return new EventSummary(id, grid.Grid.Id, grid.Village.Id, grid.Township.Id, "hazard", "Blocked drain", status,
            Priority.Normal, new Party("worker", "w"), null, 0, overdue, 0, Morning, closedAt, version,
            WholeDueAt: Morning.AddDays(3));
    }

    /// <summary>A clock the test moves by hand.</summary>
    private sealed class ManualTime(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
