using GridActors.Grains.Clock;
using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.Topology;
using GridActors.Silo.Configuration;
using GridActors.Silo.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GridActors.Silo.Simulation;

/// <summary>
/// A county at work, for demos: grid workers report what they find at <c>EventsPerDay</c> on the county clock,
/// then carry their cases through the loop — start, resolve, and an operator's verification, one in ten
/// failing it — each step after a random share of its time limit, so that some cases run late and escalate.
/// It acts through the same grains as the API, as the workers and the township operators.
/// </summary>
public sealed partial class CountySimulation(
    IGrainFactory grains,
    CountyTopology topology,
    GridClock clock,
    ClockKeeper clockKeeper,
    IOptions<SimulationOptions> options,
    ILogger<CountySimulation> logger) : BackgroundService
{
    private const int MaxReportsPerTick = 500;
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan RetryStepAfter = TimeSpan.FromMinutes(5);
    private readonly Lock _lock = new();
    private readonly Random _random = new(20221116);
    private readonly List<GridPlace> _grids = [.. topology.Grids];
    private readonly string[] _categories = [.. topology.Document.Categories.Select(c => c.Id).Where(c => c != "key-person-visit")];
    private readonly PriorityQueue<PendingStep, DateTimeOffset> _steps = new();
    private bool _running;
    private double _eventsPerDay = options.Value.EventsPerDay;
    private double _owed;
    private DateTimeOffset _last;
    private DateTimeOffset? _startedAt;
    private long _reported;
    private long _actions;

    public SimulationStatus Status()
    {
        lock (_lock)
        {
            return new SimulationStatus(_running, clock.Speed, _eventsPerDay, _reported, _actions, _steps.Count, _startedAt);
        }
    }

    /// <summary>Starts or retunes the simulation; a <paramref name="speed"/> is the whole cluster's, stored before it answers.</summary>
    public async Task<SimulationStatus> Start(double? speed, double? eventsPerDay)
    {
        if (speed is { } newSpeed)
        {
            await clockKeeper.ChangeSpeed(newSpeed);
        }
        lock (_lock)
        {
            _eventsPerDay = eventsPerDay ?? _eventsPerDay;
            if (!_running)
            {
                _running = true;
                _last = clock.GetUtcNow();
                _startedAt = _last;
            }
        }
        LogStarted(clock.Speed, _eventsPerDay);
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
                await Step();
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // The silo may still be starting, or a grain call may time out under load: the next tick goes on.
                LogStepFailed(exception);
            }
        }
    }

    private async Task Step()
    {
        var (reports, due) = NextWork();
        foreach (var _ in Enumerable.Range(0, reports))
        {
            await ReportOne();
        }
        foreach (var step in due)
        {
            try
            {
                await Perform(step);
            }
            catch (Exception exception)
            {
                // A timeout must not strand the case: its step is tried again a little later on the county clock.
                LogStepFailed(exception);
                lock (_lock)
                {
                    _steps.Enqueue(step, clock.GetUtcNow() + RetryStepAfter);
                }
            }
        }
    }

    /// <summary>How many reports the clock owes since the last tick, and which steps have come due.</summary>
    private (int Reports, List<PendingStep> Due) NextWork()
    {
        lock (_lock)
        {
            if (!_running)
            {
                return (0, []);
            }
            var now = clock.GetUtcNow();
            // Never more than one tick's batch owed: a slowed or lowered rate must not leave a backlog behind.
            _owed = Math.Min(_owed + (now - _last).TotalDays * _eventsPerDay, MaxReportsPerTick);
            _last = now;
            var reports = (int)_owed;
            _owed -= reports;
            var due = new List<PendingStep>();
            while (_steps.TryPeek(out _, out var at) && at <= now)
            {
                due.Add(_steps.Dequeue());
            }
            return (reports, due);
        }
    }

    private async Task ReportOne()
    {
        GridPlace grid;
        string category;
        string reporter;
        lock (_lock)
        {
            grid = _grids[_random.Next(_grids.Count)];
            category = _categories[_random.Next(_categories.Length)];
            reporter = grid.Grid.Workers[_random.Next(grid.Grid.Workers.Count)].Id;
        }
        var draft = new ReportDraft(grid.Grid.Id, grid.Village.Id, grid.Township.Id, category,
            $"巡查发现 {topology.FindCategory(category)!.Name}", "simulated field report", Priority.Normal,
            new Party(PartyKinds.Worker, reporter), grid.Grid.Centroid, null);
        var outcome = await grains.GetGrain<IEventGrain>(Grains.Events.EventIds.New()).Report(draft);
        lock (_lock)
        {
            _reported++;
        }
        Plan(outcome.Event!);
    }

    private async Task Perform(PendingStep step)
    {
        var outcome = await grains.GetGrain<IEventGrain>(step.EventId).Act(step.Command);
        lock (_lock)
        {
            _actions++;
        }
        if (outcome.Result == ActionResult.Done)
        {
            Plan(outcome.Event!);
        }
    }

    /// <summary>
    /// The case's next step as its handler or operator would take it: after a random share (up to 1.3) of its
    /// stage's limit, so most cases finish in time and some run late.
    /// </summary>
    private void Plan(EventView view)
    {
        var township = new Party("township", view.Report.TownshipId);
        var handler = view.Assignee ?? township;
        EventCommand? next = view.Status switch
        {
            EventStatus.Grabbing or EventStatus.Accepted => new EventCommand(EventAction.Dispatch, township,
                WorkerId: topology.FindGrid(view.Report.GridId)!.Grid.Workers[0].Id),
            EventStatus.Dispatched => new EventCommand(EventAction.Start, handler),
            EventStatus.InProgress => new EventCommand(EventAction.Resolve, handler, Note: "handled on site"),
            EventStatus.Resolved => new EventCommand(EventAction.Verify, township, Passed: Chance(0.9)),
            _ => null,
        };
        if (next is null)
        {
            return;
        }
        var stage = view.Deadlines.FirstOrDefault(d => d.Stage != "whole");
        var now = clock.GetUtcNow();
        var limit = stage is null ? TimeSpan.FromHours(1) : stage.DueAt - now;
        lock (_lock)
        {
            var at = now + (limit > TimeSpan.Zero ? limit : TimeSpan.FromMinutes(5)) * (_random.NextDouble() * 1.3);
            _steps.Enqueue(new PendingStep(view.Id, next), at);
        }
    }

    private bool Chance(double probability)
    {
        lock (_lock)
        {
            return _random.NextDouble() < probability;
        }
    }

    private sealed record PendingStep(string EventId, EventCommand Command);

    [LoggerMessage(Level = LogLevel.Information, Message = "Simulation running: clock at {Speed}x, {EventsPerDay} reports a simulated day")]
    private partial void LogStarted(double speed, double eventsPerDay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A simulation step failed; continuing")]
    private partial void LogStepFailed(Exception exception);
}
