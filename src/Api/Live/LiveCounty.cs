using GridActors.Api.Events;
using GridActors.Api.Hubs.Messages;
using GridActors.Grains.Clock;
using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.Points;
using GridActors.Grains.ReadModel;
using GridActors.Grains.Topology;

namespace GridActors.Api.Live;

/// <summary>
/// This Api node's view of the county as it is now: every current case (open, or reported or closed today) by
/// id at its newest version, each grid's load, and what changed since the last round. Folding is idempotent —
/// an older or repeated version changes nothing — so stream batches and read-model reloads may overlap and
/// arrive in any order.
/// </summary>
public sealed class LiveCounty(CountyTopology topology, GridClock clock)
{
    private readonly Lock _gate = new();

    // By township, so that a township's, village's or grid's figures read only the township's cases.
    private readonly Dictionary<string, Dictionary<string, EventSummary>> _cases =
        topology.Document.Townships.ToDictionary(t => t.Id, _ => new Dictionary<string, EventSummary>(StringComparer.Ordinal));
    private readonly Dictionary<string, GridLoad> _loads = topology.Grids.ToDictionary(g => g.Grid.Id, g => new GridLoad(g.Grid.Id, 0, 0));
    private readonly Dictionary<string, (EventSummary Summary, long Sequence)> _changed = new(StringComparer.Ordinal);
    private readonly HashSet<string> _changedGrids = new(StringComparer.Ordinal);
    private readonly DepartedCases _departed = new();
    private long _sequence;
    private DateTimeOffset _dayStart = Period.Start("day", clock.GetUtcNow())!.Value;

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
    /// cases finished yesterday leave it, and every scope's figures count as changed.
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
        List<EventSummary> today = [];
        var closedToday = 0;
        var reported = new int[24];
        var closed = new int[24];
        foreach (var summary in CasesOf(area))
        {
            if (summary.ReportedAt >= _dayStart)
            {
                today.Add(summary);
                reported[CountyHour(summary.ReportedAt)]++;
            }
            if (summary is { Status: EventStatus.Closed, ClosedAt: { } closedAt } && closedAt >= _dayStart)
            {
                closedToday++;
                closed[CountyHour(closedAt)]++;
            }
        }
        // Open and overdue are the grids' loads, kept as cases fold; the rest is today's cases, as the statistics count them.
        var loads = LoadsLocked(area);
        var indicators = Indicators.Compute(today, now, area.Workers);
        var kpi = new LiveKpi(indicators.Reported, loads.Sum(l => l.Open), loads.Sum(l => l.Overdue), closedToday,
            indicators.ClosureRate, indicators.OnTimeRate);
        return (kpi, [.. Enumerable.Range(0, 24).Select(hour => new TrendPoint(hour, reported[hour], closed[hour]))]);
    }

    private List<GridLoad> LoadsLocked(Area area) => [.. topology.Grids.Where(area.Covers).Select(g => _loads[g.Grid.Id])];

    /// <summary>The area's most recent cases, by the later of report and closure, newest first; a top-k, not a sort.</summary>
    private List<LiveCase> RecentLocked(Area area, int count)
    {
        var newest = new PriorityQueue<EventSummary, DateTimeOffset>(count + 1);
        foreach (var summary in CasesOf(area))
        {
            newest.Enqueue(summary, summary.ClosedAt ?? summary.ReportedAt);
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

    private IEnumerable<EventSummary> CasesOf(Area area)
    {
        IEnumerable<Dictionary<string, EventSummary>> townships = area.Filter.TownshipId is { } id ? [_cases[id]] : _cases.Values;
        return townships.SelectMany(cases => cases.Values).Where(area.Filter.Matches);
    }

    private void Fold(EventSummary summary)
    {
        if (!_cases.TryGetValue(summary.TownshipId, out var township) || _departed.Knows(summary))
        {
            return;
        }
        var known = township.GetValueOrDefault(summary.Id);
        if (known is not null && known.Version >= summary.Version)
        {
            return;
        }
        if (known is not null)
        {
            Count(known, -1);
            township.Remove(summary.Id);
        }
        if (summary.IsCurrent(_dayStart))
        {
            summary = Shared(summary);
            township[summary.Id] = summary;
            Count(summary, +1);
        }
        else
        {
            _departed.Remember(summary);
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

    private void Count(EventSummary summary, int sign)
    {
        if (!summary.IsOpen || !_loads.TryGetValue(summary.GridId, out var load))
        {
            return;
        }
        _loads[summary.GridId] = load with
        {
            Open = load.Open + sign,
            Overdue = load.Overdue + (summary.Overdue ? sign : 0),
        };
        _changedGrids.Add(summary.GridId);
    }

    private bool MoveToDay(DateTimeOffset now)
    {
        var dayStart = Period.Start("day", now)!.Value;
        if (dayStart <= _dayStart)
        {
            return false;
        }
        _dayStart = dayStart;
        _departed.NewDay();
        foreach (var township in _cases.Values)
        {
            foreach (var finished in township.Values.Where(c => !c.IsCurrent(dayStart)).ToList())
            {
                township.Remove(finished.Id);
                _departed.Remember(finished);
            }
        }
        return true;
    }

    private static int CountyHour(DateTimeOffset at) => at.ToOffset(Period.CountyOffset).Hour;
}
