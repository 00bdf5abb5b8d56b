using GridActors.Api.Events;
using GridActors.Api.Hubs.Messages;
using GridActors.Grains.Clock;
using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.Interfaces.Topology;
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
    private readonly Dictionary<string, EventSummary> _cases = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GridLoad> _loads = topology.Grids.ToDictionary(g => g.Grid.Id, g => new GridLoad(g.Grid.Id, 0, 0));
    private readonly List<EventSummary> _changed = [];
    private readonly HashSet<string> _changedGrids = new(StringComparer.Ordinal);
    private DateTimeOffset _dayStart = Period.Start("day", clock.GetUtcNow())!.Value;
    private ModesView? _modes;
    private bool _modesChanged;

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

    public void SetModes(ModesView modes)
    {
        lock (_gate)
        {
            _modes = modes;
            _modesChanged = true;
        }
    }

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
    /// Takes what changed since the last round. At the county's midnight the view moves to the new day: the
    /// cases finished yesterday leave it, and every scope's figures count as changed.
    /// </summary>
    public LiveRound TakeRound(DateTimeOffset now)
    {
        lock (_gate)
        {
            var newDay = MoveToDay(now);
            var round = new LiveRound(
                NewestFirst(_changed),
                [.. _changedGrids.Select(id => _loads[id])],
                newDay,
                _modesChanged ? _modes : null);
            _changed.Clear();
            _changedGrids.Clear();
            _modesChanged = false;
            return round;
        }
    }

    /// <summary>The tiles and trend of an area, by the same formulas as the statistics endpoint.</summary>
    public (LiveKpi Kpi, IReadOnlyList<TrendPoint> Trend) Figures(Area area, DateTimeOffset now)
    {
        List<EventSummary> today = [];
        int open = 0, overdue = 0, closedToday = 0;
        var reported = new int[24];
        var closed = new int[24];
        lock (_gate)
        {
            foreach (var summary in _cases.Values)
            {
                if (!area.Filter.Matches(summary))
                {
                    continue;
                }
                if (summary.IsOpen)
                {
                    open++;
                    overdue += summary.Overdue ? 1 : 0;
                }
                if (summary.ReportedAt >= _dayStart)
                {
                    today.Add(summary);
                    reported[CountyHour(summary.ReportedAt)]++;
                }
                if (summary.ClosedAt is { } closedAt && closedAt >= _dayStart && summary.Status == EventStatus.Closed)
                {
                    closedToday++;
                    closed[CountyHour(closedAt)]++;
                }
            }
        }
        var indicators = Indicators.Compute(today, now, area.Workers);
        var kpi = new LiveKpi(indicators.Reported, open, overdue, closedToday, indicators.ClosureRate, indicators.OnTimeRate);
        return (kpi, [.. Enumerable.Range(0, 24).Select(hour => new TrendPoint(hour, reported[hour], closed[hour]))]);
    }

    /// <summary>The load of every grid of the area.</summary>
    public IReadOnlyList<GridLoad> Loads(Area area)
    {
        lock (_gate)
        {
            return [.. topology.Grids.Where(g => Contains(area, g)).Select(g => _loads[g.Grid.Id])];
        }
    }

    /// <summary>The area's most recent cases, by when they were last reported or closed, newest first.</summary>
    public IReadOnlyList<LiveCase> Recent(Area area, int count)
    {
        lock (_gate)
        {
            return [.. _cases.Values.Where(area.Filter.Matches)
                .OrderByDescending(c => c.ClosedAt ?? c.ReportedAt)
                .Take(count)
                .Select(LiveCase.From)];
        }
    }

    /// <summary>The mode the area runs in: emergency when the city or its township is switched to it.</summary>
    public OperatingMode ModeOf(Area area)
    {
        lock (_gate)
        {
            return ModeOf(_modes, area);
        }
    }

    public static OperatingMode ModeOf(ModesView? modes, Area area) =>
        modes is null ? OperatingMode.Routine
        : modes.City == OperatingMode.Emergency ? OperatingMode.Emergency
        : area.Place is { } place ? modes.Townships.GetValueOrDefault(place.TownshipId) : OperatingMode.Routine;

    public static bool Contains(Area area, GridPlace grid) =>
        (area.Filter.TownshipId is null || grid.Township.Id == area.Filter.TownshipId)
        && (area.Filter.VillageId is null || grid.Village.Id == area.Filter.VillageId)
        && (area.Filter.GridId is null || grid.Grid.Id == area.Filter.GridId);

    private void Fold(EventSummary summary)
    {
        var known = _cases.GetValueOrDefault(summary.Id);
        if (known is not null && known.Version >= summary.Version)
        {
            return;
        }
        if (known is not null)
        {
            Count(known, -1);
            _cases.Remove(summary.Id);
        }
        if (summary.IsCurrent(_dayStart))
        {
            _cases[summary.Id] = summary;
            Count(summary, +1);
        }
        _changed.Add(summary);
    }

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
        foreach (var finished in _cases.Values.Where(c => !c.IsCurrent(dayStart)).ToList())
        {
            _cases.Remove(finished.Id);
        }
        return true;
    }

    /// <summary>Each changed case once, at the newest version folded, the latest change first.</summary>
    private static List<EventSummary> NewestFirst(List<EventSummary> changes)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var distinct = new List<EventSummary>();
        for (var i = changes.Count - 1; i >= 0; i--)
        {
            if (seen.Add(changes[i].Id))
            {
                distinct.Add(changes[i]);
            }
        }
        return distinct;
    }

    private static int CountyHour(DateTimeOffset at) => at.ToOffset(Period.CountyOffset).Hour;
}
