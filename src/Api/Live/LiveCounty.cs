using GridActors.Api.Events;
using GridActors.Api.Hubs.Messages;
using GridActors.Grains.Clock;
using GridActors.Grains.Points;
using GridActors.Grains.ReadModel;
using GridActors.Grains.Topology;

namespace GridActors.Api.Live;

/// <summary>
/// This Api node's view of the county as it is now: every open case by id at its newest version, in the few
/// fields its figures count (<see cref="OpenCase"/>), each grid's load, today's finished cases as counts
/// (<see cref="FinishedToday"/>), the newest cases of each grid whole for the feeds, and what changed since the
/// last round. Folding is idempotent — an older or repeated version changes nothing — so stream batches and
/// read-model reloads may overlap and arrive in any order. Its memory is bounded by the open cases (about a
/// hundred bytes each) and the rate of cases, not by the length of the day: the soak (docs/RELIABILITY.md) runs
/// a day's worth of cases through it, and the 400,000-case peak holds them all open at once.
/// </summary>
public sealed class LiveCounty(CountyTopology topology, GridClock clock, int feedSize = LiveCounty.DefaultFeedSize)
{
    public const int DefaultFeedSize = 20;

    private readonly Lock _gate = new();

    // By grid, so that a township's, village's or grid's figures read only its own grids' cases.
    private readonly Dictionary<string, GridOpenCases> _open =
        topology.Grids.ToDictionary(g => g.Grid.Id, _ => new GridOpenCases(feedSize), StringComparer.Ordinal);
    private readonly Dictionary<string, GridLoad> _loads = topology.Grids.ToDictionary(g => g.Grid.Id, g => new GridLoad(g.Grid.Id, 0, 0));
    private readonly Dictionary<DateTimeOffset, Dictionary<string, FinishedToday>> _finishedByDay = [];
    private readonly Dictionary<string, (EventSummary Summary, long Sequence)> _changed = new(StringComparer.Ordinal);
    private readonly HashSet<string> _changedGrids = new(StringComparer.Ordinal);
    private readonly DepartedCases _departed = new();
    private readonly Queue<DateTimeOffset> _reloads = new();
    private long _sequence;
    private DateTimeOffset _dayStart = Period.Start("day", clock.GetUtcNow())!.Value;

    // A finished case whose report and closure are both before this was counted already: by the reload that read
    // it, or as it finished. It is where the next reload reads from, and what DepartedCases remembers back to.
    private DateTimeOffset _counted = DateTimeOffset.MinValue;

    /// <summary>The start of the county's day the view is on; cases finished before it have left.</summary>
    public DateTimeOffset DayStart
    {
        get
        {
            lock (_gate)
            {
                return _dayStart;
            }
        }
    }

    /// <summary>
    /// Where a read-model reload reads from (what is current since then: open, or reported or closed since), and
    /// when it began. The first two read the whole day; later ones read back to the start of the completed reload
    /// before the last, a whole reload interval of margin over what the last one read, and no further: the
    /// finished cases the view remembers (<see cref="DepartedCases"/>) cover that far and no more.
    /// </summary>
    public LiveReload BeginReload()
    {
        lock (_gate)
        {
            return new LiveReload(NextSince(), clock.GetUtcNow());
        }
    }

    /// <summary>
    /// The open cases of the view that a reload did not read, so that the read model has them finished before the
    /// reload's window (a batch lost with a dying silo) or not projected yet: each is worth reading again by id,
    /// and the fold keeps whichever version is newer.
    /// </summary>
    public IReadOnlyList<string> OpenNotIn(IReadOnlyCollection<EventSummary> read)
    {
        var seen = read.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        lock (_gate)
        {
            return [.. _open.Values.SelectMany(grid => grid.Ids).Where(id => !seen.Contains(id))];
        }
    }

    /// <summary>The reload's cases are folded in: it counts as done, and the oldest memory of finished cases may go.</summary>
    public void EndReload(LiveReload reload)
    {
        lock (_gate)
        {
            _reloads.Enqueue(reload.StartedAt);
            if (_reloads.Count > 2)
            {
                _reloads.Dequeue();
            }
            _counted = NextSince();
            _departed.ForgetBefore(_counted);
        }
    }

    /// <summary>Folds in changed cases: each replaces what is known of it only when its version is higher.</summary>
    public void Apply(IEnumerable<EventSummary> cases)
    {
        lock (_gate)
        {
            foreach (var summary in cases)
            {
                Fold(summary);
            }
        }
    }

    /// <summary>
    /// Takes what changed since the last round. At the county's midnight the view moves to the new day: the
    /// counts of yesterday's finished cases go, and every scope's figures count as changed.
    /// </summary>
    public LiveRound TakeRound(DateTimeOffset now)
    {
        lock (_gate)
        {
            var newDay = MoveToDay(now);
            var round = new LiveRound(
                [.. _changed.Values.OrderByDescending(c => c.Sequence).Select(c => c.Summary)],
                [.. _changedGrids.Select(id => _loads[id])],
                newDay);
            _changed.Clear();
            _changedGrids.Clear();
            return round;
        }
    }

    /// <summary>The tiles and trend of an area, by the same formulas as the statistics endpoint.</summary>
    public (LiveKpi Kpi, IReadOnlyList<TrendPoint> Trend) Figures(Area area, DateTimeOffset now)
    {
        lock (_gate)
        {
            return FiguresLocked(area, now);
        }
    }

    /// <summary>Everything a snapshot shows of an area, read at one moment so its parts agree.</summary>
    public LiveView View(Area area, DateTimeOffset now, int recent)
    {
        lock (_gate)
        {
            var (kpi, trend) = FiguresLocked(area, now);
            return new LiveView(kpi, trend, LoadsLocked(area), RecentLocked(area, recent), _dayStart);
        }
    }

    private (LiveKpi Kpi, IReadOnlyList<TrendPoint> Trend) FiguresLocked(Area area, DateTimeOffset now)
    {
        var reported = new int[24];
        var closed = new int[24];
        var finishedTally = CaseTally.Empty;
        var closedToday = 0;
        foreach (var finished in FinishedOf(area))
        {
            finishedTally = finishedTally.Plus(finished.Reported);
            closedToday += finished.Closed;
            for (var hour = 0; hour < 24; hour++)
            {
                reported[hour] += finished.ReportedByHour[hour];
                closed[hour] += finished.ClosedByHour[hour];
            }
        }
        var openToday = new OpenTally();
        var dayStartTicks = _dayStart.UtcTicks;
        foreach (var grid in OpenOf(area))
        {
            foreach (var open in grid.Cases)
            {
                if (open.ReportedTicks >= dayStartTicks)
                {
                    openToday.Add(open, now);
                    reported[FinishedToday.CountyHour(open.ReportedAt)]++;
                }
            }
        }
        // Open and overdue are the grids' loads, kept as cases fold; the rest is today's cases, as the statistics count them.
        var loads = LoadsLocked(area);
        var indicators = Indicators.From(finishedTally.Plus(openToday.ToTally()), area.Workers);
        var kpi = new LiveKpi(indicators.Reported, loads.Sum(l => l.Open), loads.Sum(l => l.Overdue), closedToday,
            indicators.ClosureRate, indicators.OnTimeRate);
        return (kpi, [.. Enumerable.Range(0, 24).Select(hour => new TrendPoint(hour, reported[hour], closed[hour]))]);
    }

    private List<GridLoad> LoadsLocked(Area area) => [.. topology.Grids.Where(area.Covers).Select(g => _loads[g.Grid.Id])];

    /// <summary>The area's most recent cases, by the later of report and closure, newest first; a top-k, not a sort.</summary>
    private List<LiveCase> RecentLocked(Area area, int count)
    {
        var newest = new PriorityQueue<EventSummary, DateTimeOffset>(count + 1);
        foreach (var summary in OpenOf(area).SelectMany(g => g.Newest).Concat(FinishedOf(area).SelectMany(f => f.Newest)))
        {
            newest.Enqueue(summary, FinishedToday.Shown(summary));
            if (newest.Count > count)
            {
                newest.Dequeue();
            }
        }
        var recent = new List<LiveCase>(newest.Count);
        while (newest.Count > 0)
        {
            recent.Add(LiveCase.From(newest.Dequeue()));
        }
        recent.Reverse();
        return recent;
    }

    private IEnumerable<GridOpenCases> OpenOf(Area area) => topology.Grids.Where(area.Covers).Select(g => _open[g.Grid.Id]);

    private IEnumerable<FinishedToday> FinishedOf(Area area)
    {
        var today = Finished(_dayStart);
        return topology.Grids.Where(area.Covers).Select(g => today[g.Grid.Id]);
    }

    /// <summary>The finished counts of a county day by grid, made when first asked for.</summary>
    private Dictionary<string, FinishedToday> Finished(DateTimeOffset dayStart)
    {
        if (!_finishedByDay.TryGetValue(dayStart, out var day))
        {
            day = topology.Grids.ToDictionary(g => g.Grid.Id, _ => new FinishedToday(dayStart, feedSize), StringComparer.Ordinal);
            _finishedByDay[dayStart] = day;
        }
        return day;
    }

    private void Fold(EventSummary summary)
    {
        if (!_open.TryGetValue(summary.GridId, out var grid) || _departed.Knows(summary))
        {
            return;
        }
        var isKnown = grid.TryGet(summary.Id, out var known);
        if (isKnown && known.Version >= summary.Version)
        {
            if (known.Version == summary.Version)
            {
                // A reload's copy of what the view has: the feed may want it back (GridOpenCases).
                grid.Offer(Shared(summary));
            }
            return;
        }
        if (isKnown)
        {
            Count(summary.GridId, known.Overdue, -1);
            grid.Remove(summary.Id);
        }
        summary = Shared(summary);
        if (summary.IsOpen)
        {
            grid.Set(summary);
            Count(summary.GridId, summary.Overdue, +1);
        }
        else if (DepartedCases.Latest(summary) >= _counted)
        {
            _departed.Remember(summary);
            CountFinished(summary);
        }
        _changed[summary.Id] = (summary, ++_sequence);
    }

    /// <summary>
    /// The summary with its place and category as the topology's own strings. Each arrives deserialized with
    /// copies of its own, and a day's 400,000 cases would keep a million of them alive in every node.
    /// </summary>
    private EventSummary Shared(EventSummary summary) =>
        topology.FindGrid(summary.GridId) is { } place
            ? summary with
            {
                GridId = place.Grid.Id,
                VillageId = place.Village.Id,
                TownshipId = place.Township.Id,
                Category = topology.FindCategory(summary.Category)?.Id ?? summary.Category,
            }
            : summary;

    /// <summary>Adds an open case to its grid's load, or takes it off.</summary>
    private void Count(string gridId, bool overdue, int sign)
    {
        var load = _loads[gridId];
        _loads[gridId] = load with
        {
            Open = load.Open + sign,
            Overdue = load.Overdue + (overdue ? sign : 0),
        };
        _changedGrids.Add(gridId);
    }

    /// <summary>
    /// Counts a finished case in the day of its report and in the day of its closure, today or later: a case
    /// that finished after the county's midnight but reached this node before its round moved the view to the
    /// new day counts in the new day, as does one from a silo whose clock runs ahead.
    /// </summary>
    private void CountFinished(EventSummary finished)
    {
        var reportDay = Period.Start("day", finished.ReportedAt)!.Value;
        var shownDay = Period.Start("day", FinishedToday.Shown(finished))!.Value;
        foreach (var day in new[] { reportDay, shownDay }.Distinct())
        {
            if (day >= _dayStart && Finished(day).TryGetValue(finished.GridId, out var grid))
            {
                grid.Add(finished);
            }
        }
    }

    private bool MoveToDay(DateTimeOffset now)
    {
        var dayStart = Period.Start("day", now)!.Value;
        if (dayStart <= _dayStart)
        {
            return false;
        }
        _dayStart = dayStart;
        foreach (var gone in _finishedByDay.Keys.Where(day => day < dayStart).ToList())
        {
            _finishedByDay.Remove(gone);
        }
        return true;
    }

    /// <summary>
    /// Where the next reload reads from: the whole day for the first two, then the start of the completed reload
    /// before the last, a whole reload interval of margin over what the last one read.
    /// </summary>
    private DateTimeOffset NextSince() => _reloads.Count < 2 ? _dayStart : Max(_reloads.Peek(), _dayStart);

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
