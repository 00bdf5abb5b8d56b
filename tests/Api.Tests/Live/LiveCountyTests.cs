using GridActors.Api.Auth;
using GridActors.Api.Events;
using GridActors.Api.Live;
using GridActors.Api.Tests.Infrastructure;
using GridActors.Grains.Clock;
using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.Points;
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

    [Fact]
    public void View_MoreFinishedCasesThanTheFeedShows_FeedsTheNewestAndCountsThemAll()
    {
        var county = new LiveCounty(County.Topology, new GridClock(_time, 1), feedSize: 5);
        county.Apply(Enumerable.Range(0, 30).Select(i => Case($"c{i}", 3, EventStatus.Closed, closedAt: Morning.AddMinutes(i))));
        county.Apply([Case("open", 1, EventStatus.Dispatched) with { ReportedAt = Morning.AddMinutes(27.5) }]);

        var view = county.View(City, Morning.AddHours(1), 5);

        Assert.Equal(["c29", "c28", "open", "c27", "c26"], view.Recent.Select(c => c.Id));
        Assert.Equal((31, 1, 30), (view.Kpi.ReportedToday, view.Kpi.Open, view.Kpi.ClosedToday));
        Assert.Equal(30, view.Trend.Sum(t => t.Closed));
    }

    [Fact]
    public void Figures_OpenAndFinishedCases_AreTheIndicatorsOfTheSameCases()
    {
        var yesterday = Morning.AddDays(-1);
        List<EventSummary> cases =
        [
            Case("open", 1, EventStatus.InProgress, overdue: true),
            Case("parked", 1, EventStatus.Parked),
            Case("late-due", 1, EventStatus.Dispatched) with { WholeDueAt = Morning.AddMinutes(-5) },
            Case("closed", 4, EventStatus.Closed, closedAt: Morning.AddHours(2)),
            Case("closed-late", 4, EventStatus.Closed, overdue: true, closedAt: Morning.AddHours(3)) with { ReworkCount = 1, ExtensionCount = 1 },
            Case("cancelled", 2, EventStatus.Cancelled),
            Case("from-yesterday", 4, EventStatus.Closed, closedAt: Morning.AddHours(1)) with { ReportedAt = yesterday },
            Case("open-from-yesterday", 1, EventStatus.Accepted) with { ReportedAt = yesterday },
        ];
        var now = Morning.AddHours(4);
        _county.Apply(cases);

        var (kpi, trend) = _county.Figures(City, now);
        var expected = Indicators.Compute([.. cases.Where(c => c.ReportedAt >= _county.DayStart)], now, City.Workers);

        Assert.Equal((expected.Reported, expected.ClosureRate, expected.OnTimeRate), (kpi.ReportedToday, kpi.ClosureRate, kpi.OnTimeRate));
        Assert.Equal((4, 3), (kpi.Open, kpi.ClosedToday));
        Assert.Equal((6, 1, 1, 1), (trend[10].Reported, trend[11].Closed, trend[12].Closed, trend[13].Closed));
    }

    [Fact]
    public void Reloads_ReadingBackOverCasesTheStreamBrought_CountEachOnceAndBringNoneBack()
    {
        // Twelve reloads two minutes apart. Before each, the stream brings a case that finished on a silo whose clock
        // runs 20 s ahead, twice; each reload reads what the read model has current since its start, and also a
        // stale open version of each of those cases, as a read that overtook their projections would.
        List<EventSummary> stored = [];
        for (var i = 0; i < 12; i++)
        {
            var now = Morning.AddMinutes(2 * i);
            _time.Now = now;
            var finished = Case($"c{i}", 4, EventStatus.Closed, closedAt: now.AddSeconds(-10)) with { ReportedAt = now.AddSeconds(-70) };
            stored.Add(finished);
            _county.Apply([finished, finished]);

            var reload = _county.BeginReload();
            var read = stored.Where(c => c.IsCurrent(reload.Since)).ToList();
            _county.Apply(read);
            _county.Apply(read.Select(c => c with { Version = 1, Status = EventStatus.Dispatched, ClosedAt = null }));
            _county.EndReload(reload);

            var (kpi, _) = _county.Figures(City, now);
            Assert.Equal((i + 1, 0, i + 1), (kpi.ReportedToday, kpi.Open, kpi.ClosedToday));
        }
    }

    [Fact]
    public void OpenNotIn_AGhostOfACaseCountedLongAgo_IsReadAgainAndLeavesWithoutCountingTwice()
    {
        var closed = Case("x", 4, EventStatus.Closed, closedAt: Morning.AddMinutes(1));
        _county.Apply([closed]);
        for (var i = 1; i <= 4; i++)
        {
            _time.Now = Morning.AddMinutes(2 * i);
            _county.EndReload(_county.BeginReload());
        }
        // A batch held back for minutes: long enough that no reload reads the case again, and the view forgot it.
        _county.Apply([closed with { Version = 2, Status = EventStatus.Dispatched, ClosedAt = null }]);
        var ghost = _county.Figures(City, _time.Now).Kpi.Open;

        var readAgain = _county.OpenNotIn([]);
        _county.Apply([closed]);
        var (kpi, _) = _county.Figures(City, _time.Now);

        Assert.Equal(1, ghost);
        Assert.Equal(["x"], readAgain);
        Assert.Equal((0, 1, 1), (kpi.Open, kpi.ReportedToday, kpi.ClosedToday));
    }

    [Fact]
    public void Apply_ACaseFinishedJustAfterMidnightBeforeTheRoundMovedTheDay_CountsInTheNewDay()
    {
        var midnight = Morning.AddHours(14);
        _county.Apply([
            Case("late", 4, EventStatus.Closed, closedAt: midnight.AddSeconds(1)) with { ReportedAt = midnight.AddMinutes(-30) },
            Case("new", 4, EventStatus.Closed, closedAt: midnight.AddSeconds(3)) with { ReportedAt = midnight.AddSeconds(2) },
        ]);
        var before = _county.Figures(City, midnight.AddSeconds(-1)).Kpi;
        _time.Now = midnight.AddSeconds(5);

        var round = _county.TakeRound(_time.Now);
        var (kpi, trend) = _county.Figures(City, _time.Now);

        Assert.Equal((1, 0), (before.ReportedToday, before.ClosedToday));
        Assert.True(round.NewDay);
        Assert.Equal((1, 2, 2), (kpi.ReportedToday, kpi.ClosedToday, trend[0].Closed));
        Assert.Equal(["new", "late"], _county.View(City, _time.Now, 10).Recent.Select(c => c.Id));
    }

    [Fact]
    public void BeginReload_FirstReadsTheWholeDay_ThenBackToTheCompletedReloadBeforeTheLast()
    {
        var starts = new List<DateTimeOffset>();
        var sinces = new List<DateTimeOffset>();
        for (var i = 0; i < 4; i++)
        {
            _time.Now = Morning.AddMinutes(2 * i);
            var reload = _county.BeginReload();
            (starts, sinces) = ([.. starts, reload.StartedAt], [.. sinces, reload.Since]);
            _county.EndReload(reload);
        }

        Assert.Equal([_county.DayStart, _county.DayStart, starts[0], starts[1]], sinces);
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
