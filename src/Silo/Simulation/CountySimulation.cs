using GridActors.Grains.Clock;
using GridActors.Grains.Interfaces;
using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.Topology;
using GridActors.Silo.Configuration;
using GridActors.Silo.Hosting;
using GridActors.Silo.Simulation.Model;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GridActors.Silo.Simulation;

/// <summary>
/// A county at work on the county clock: reports arrive by the hour of the day, the weekday and the platform's
/// growth (<see cref="ArrivalProfile"/>) from grid workers on patrol, volunteers, citizens, the hotline and the
/// cameras; each is drawn a <see cref="CaseScript"/> — category, fate, how long each step takes — and its people
/// play it through the same grains as the API (<see cref="CaseSteps"/>). Seeded: one seed replays one county.
/// Open-ended for demos, or a period from a given start to a cut-off (<see cref="StartPeriod"/>), which the
/// calibrate command plays against the report's figures (docs/CALIBRATION.md).
/// </summary>
public sealed partial class CountySimulation(
    IGrainFactory grains,
    CountyTopology topology,
    GridClock clock,
    ClockKeeper clockKeeper,
    IOptions<SimulationOptions> options,
    ILogger<CountySimulation> logger) : BackgroundService
{
    /// <summary>A demo that fell behind drops what it owes beyond this a tick instead of flooding the county.</summary>
    private const int MaxReportsPerTick = 500;

    /// <summary>Calls in flight at once: enough to keep both cores busy, few enough to leave the API its share.</summary>
    private const int Parallelism = 32;

    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan RetryStepAfter = TimeSpan.FromMinutes(5);
    private readonly Lock _lock = new();
    private readonly GridPlace[] _grids = [.. topology.Grids.OrderBy(g => g.Grid.Id, StringComparer.Ordinal)];
    private readonly CaseSteps _caseSteps = new(topology);
    private readonly CaseReporters _reporters = new(topology);
    private readonly IReadOnlyDictionary<string, Priority> _priorities = topology.Document.Categories
        .ToDictionary(c => c.Id, c => Enum.Parse<Priority>(c.Priority, ignoreCase: true));

    /// <summary>Steps by the county time their people take them: the script's time, which lag never moves.</summary>
    private readonly PriorityQueue<PendingStep, DateTimeOffset> _steps = new();
    private readonly Queue<NewCaseItem> _unreported = new();
    private bool _running;
    private bool _completed;
    private double _eventsPerDay = options.Value.EventsPerDay;
    private Arrivals? _arrivals;
    private CaseScripts? _scripts;
    private Random _places = new(options.Value.Seed + 1);
    private DateTimeOffset? _startedAt;
    private DateTimeOffset? _from;
    private DateTimeOffset? _until;
    private int _inFlight;
    private long _reported;
    private long _actions;

    public SimulationStatus Status()
    {
        lock (_lock)
        {
            return new SimulationStatus(_running, clock.Speed, _eventsPerDay, _reported, _actions, _steps.Count, _startedAt,
                _from, _until, _completed, _arrivals?.Reached);
        }
    }

    /// <summary>Starts or retunes the open-ended simulation; a <paramref name="speed"/> is the whole cluster's, stored before it answers.</summary>
    public async Task<SimulationStatus> Start(double? speed, double? eventsPerDay)
    {
        if (speed is { } newSpeed)
        {
            await clockKeeper.ChangeSpeed(newSpeed);
        }
        lock (_lock)
        {
            if (eventsPerDay is { } rate && rate != _eventsPerDay && _arrivals is not null)
            {
                _arrivals = new Arrivals(new ArrivalProfile(rate), _arrivals.Reached);
            }
            _eventsPerDay = eventsPerDay ?? _eventsPerDay;
            if (!_running)
            {
                Begin(clock.GetUtcNow(), until: null);
            }
        }
        LogStarted(clock.Speed, _eventsPerDay);
        return Status();
    }

    /// <summary>
    /// Plays the period from <paramref name="from"/> to <paramref name="until"/>: sets the county clock to its start
    /// (a county that holds cases must be refused by the caller, since its cases would then lie in the future),
    /// reports every arrival the period owes however far the county falls behind, and performs every step scripted
    /// before the cut-off; then it stops on its own and says it has <c>completed</c>.
    /// </summary>
    public async Task<SimulationStatus> StartPeriod(DateTimeOffset from, DateTimeOffset until, double speed, double? eventsPerDay)
    {
        lock (_lock)
        {
            if (_running)
            {
                throw new InvalidOperationException("The simulation is running; stop it before playing a period.");
            }
        }
        await clockKeeper.Restart(from, speed);
        lock (_lock)
        {
            _eventsPerDay = eventsPerDay ?? ReportFigures.ReportsPerDay;
            _steps.Clear();
            _unreported.Clear();
            Begin(from, until);
        }
        LogPeriodStarted(from, until, speed, _eventsPerDay);
        return Status();
    }

    public SimulationStatus Stop()
    {
        lock (_lock)
        {
            _running = false;
        }
        return Status();
    }

    private void Begin(DateTimeOffset from, DateTimeOffset? until)
    {
        _arrivals = new Arrivals(new ArrivalProfile(_eventsPerDay), from);
        _scripts = new CaseScripts(options.Value.Seed, _priorities);
        _places = new Random(options.Value.Seed + 1);
        _running = true;
        _completed = false;
        _startedAt = from;
        _from = until is null ? null : from;
        _until = until;
        _reported = 0;
        _actions = 0;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Enabled)
        {
            await Start(speed: null, eventsPerDay: null);
        }
        using var timer = new PeriodicTimer(Tick);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await Step(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // The silo may still be starting: the next tick goes on.
                LogStepFailed(exception);
            }
        }
    }

    private async Task Step(CancellationToken stoppingToken)
    {
        var work = NextWork();
        if (work.Count == 0)
        {
            return;
        }
        await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = stoppingToken },
            async (item, _) =>
            {
                try
                {
                    await (item.Step is { } step ? Perform(step) : Report(item.Case!));
                }
                catch (Exception exception)
                {
                    // A report that timed out may have been made: it is tried again under its own id, which the
                    // case answers as the same report. The other items of the tick go on either way.
                    LogStepFailed(exception);
                    if (item.Case is { } unreported)
                    {
                        lock (_lock)
                        {
                            _unreported.Enqueue(unreported);
                        }
                    }
                }
                finally
                {
                    lock (_lock)
                    {
                        _inFlight--;
                    }
                }
            });
    }

    /// <summary>The reports the clock owes since the last tick, drawn in order, and the steps that have come due.</summary>
    private List<WorkItem> NextWork()
    {
        lock (_lock)
        {
            if (!_running || _arrivals is null || _scripts is null)
            {
                return [];
            }
            var now = clock.GetUtcNow();
            var horizon = _until is { } until && until < now ? until : now;
            var work = new List<WorkItem>();
            while (_unreported.TryDequeue(out var retry))
            {
                work.Add(new WorkItem(retry, null));
            }
            foreach (var at in _arrivals.Until(horizon, _until is null ? MaxReportsPerTick : null))
            {
                work.Add(new WorkItem(NewCase(_scripts.Next(), at), null));
            }
            while (_steps.TryPeek(out _, out var due) && due <= horizon)
            {
                work.Add(new WorkItem(null, _steps.Dequeue()));
            }
            _inFlight += work.Count;
            if (_until is { } cutOff && now >= cutOff && work.Count == 0 && _inFlight == 0 && _unreported.Count == 0)
            {
                // Everything scripted before the cut-off is done; what is scripted after it never happens.
                _running = false;
                _completed = true;
                _steps.Clear();
                LogPeriodCompleted(cutOff, _reported, _actions);
            }
            return work;
        }
    }

    /// <summary>The draft of a case arriving at <paramref name="at"/>: where, by whom and in what words (under the lock).</summary>
    private NewCaseItem NewCase(CaseScript script, DateTimeOffset at)
    {
        var place = _grids[_places.Next(_grids.Length)];
        var (title, description) = CaseWording.For(script.Category, place.Village.Name, _places);
        var (reporter, person) = _reporters.For(script.Channel, place, _places);
        var draft = new ReportDraft(place.Grid.Id, place.Village.Id, place.Township.Id, script.Category, title, description,
            script.Priority, reporter, PointIn(place.Grid), person);
        return new NewCaseItem(Grains.Events.EventIds.New(), draft, script, at);
    }

    private GeoPoint PointIn(GridNode grid)
    {
        double minLat = grid.Polygon.Min(p => p.Lat), maxLat = grid.Polygon.Max(p => p.Lat);
        double minLng = grid.Polygon.Min(p => p.Lng), maxLng = grid.Polygon.Max(p => p.Lng);
        return new GeoPoint(Math.Round(minLat + (maxLat - minLat) * _places.NextDouble(), 6),
            Math.Round(minLng + (maxLng - minLng) * _places.NextDouble(), 6));
    }

    private async Task Report(NewCaseItem item)
    {
        var outcome = await grains.GetGrain<IEventGrain>(item.EventId).Report(item.Draft);
        if (outcome.Result == ReportResult.Conflict)
        {
            return;
        }
        lock (_lock)
        {
            _reported++;
        }
        if (outcome.Event is { } view)
        {
            Plan(item.Script, view, item.At);
        }
    }

    private async Task Perform(PendingStep step)
    {
        ActionOutcome outcome;
        try
        {
            outcome = await grains.GetGrain<IEventGrain>(step.EventId).Act(step.Command);
        }
        catch (Exception exception)
        {
            // A timeout must not strand the case: its step is tried again a little later on the county clock.
            LogStepFailed(exception);
            Enqueue(step with { At = step.At + RetryStepAfter });
            return;
        }
        lock (_lock)
        {
            _actions++;
        }
        if (outcome.Result == ActionResult.Done)
        {
            Plan(step.Script, outcome.Event!, step.At);
        }
        else if (outcome.Result == ActionResult.Conflict && await grains.GetGrain<IEventGrain>(step.EventId).GetView() is { } moved)
        {
            // The system moved the case on its own meanwhile (a grab window expired): the script goes on from there.
            Plan(step.Script, moved, step.At);
        }
    }

    private void Plan(CaseScript script, EventView view, DateTimeOffset scriptedAt)
    {
        if (_caseSteps.Next(script, view) is { } next)
        {
            Enqueue(new PendingStep(view.Id, script, next.Command, scriptedAt + next.After));
        }
    }

    private void Enqueue(PendingStep step)
    {
        lock (_lock)
        {
            if (_running)
            {
                _steps.Enqueue(step, step.At);
            }
        }
    }

    private sealed record NewCaseItem(string EventId, ReportDraft Draft, CaseScript Script, DateTimeOffset At);

    private sealed record PendingStep(string EventId, CaseScript Script, EventCommand Command, DateTimeOffset At);

    private sealed record WorkItem(NewCaseItem? Case, PendingStep? Step);

    [LoggerMessage(Level = LogLevel.Information, Message = "Simulation running: clock at {Speed}x, {EventsPerDay} reports a simulated day")]
    private partial void LogStarted(double speed, double eventsPerDay);

    [LoggerMessage(Level = LogLevel.Information, Message = "Simulation plays {From:u} to {Until:u} at {Speed}x, {EventsPerDay} reports a simulated day")]
    private partial void LogPeriodStarted(DateTimeOffset from, DateTimeOffset until, double speed, double eventsPerDay);

    [LoggerMessage(Level = LogLevel.Information, Message = "Simulated period completed at {CutOff:u}: {Reported} reports, {Actions} actions")]
    private partial void LogPeriodCompleted(DateTimeOffset cutOff, long reported, long actions);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A simulation step failed; continuing")]
    private partial void LogStepFailed(Exception exception);
}
