using GridActors.Grains.Clock;
using GridActors.Grains.Configuration;
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
/// calibrate command plays against the report's figures (docs/CALIBRATION.md). Each start is a new
/// <see cref="SimulationRun"/>; this class decides when runs start and stop and makes their calls.
/// </summary>
public sealed partial class CountySimulation(
    IGrainFactory grains,
    CountyTopology topology,
    GridClock clock,
    ClockKeeper clockKeeper,
    IOptions<SimulationOptions> options,
    IOptions<DispatchOptions> dispatch,
    ILogger<CountySimulation> logger) : BackgroundService
{
    /// <summary>Calls in flight at once: enough to keep both cores busy, few enough to leave the API its share.</summary>
    private const int Parallelism = 32;

    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(250);
    private readonly Lock _lock = new();
    private readonly CaseSteps _caseSteps = new(topology, dispatch.Value);
    private readonly IReadOnlyDictionary<string, Priority> _priorities = topology.Document.Categories
        .ToDictionary(c => c.Id, c => Enum.Parse<Priority>(c.Priority, ignoreCase: true));

    private SimulationRun? _run;
    private bool _periodStarting;
    private double _eventsPerDay = options.Value.EventsPerDay;

    public SimulationStatus Status()
    {
        lock (_lock)
        {
            return _run?.Status(clock.Speed, _eventsPerDay)
                ?? new SimulationStatus(false, clock.Speed, _eventsPerDay, 0, 0, 0, null);
        }
    }

    /// <summary>Starts or retunes the open-ended simulation; a <paramref name="speed"/> is the whole cluster's, stored before it answers.</summary>
    /// <exception cref="SimulationBusyException">A period is being played or started.</exception>
    public async Task<SimulationStatus> Start(double? speed, double? eventsPerDay)
    {
        lock (_lock)
        {
            if (_periodStarting || _run is { IsRunning: true, Until: not null })
            {
                throw new SimulationBusyException("A period is being played; stop it before starting the open-ended simulation.");
            }
        }
        if (speed is { } newSpeed)
        {
            await clockKeeper.ChangeSpeed(newSpeed);
        }
        lock (_lock)
        {
            _eventsPerDay = eventsPerDay ?? _eventsPerDay;
            if (_run is { IsRunning: true } running)
            {
                running.Retune(_eventsPerDay);
            }
            else
            {
                _run = NewRun(clock.GetUtcNow(), until: null);
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
    /// <exception cref="SimulationBusyException">A run is going or another period is being started.</exception>
    public async Task<SimulationStatus> StartPeriod(DateTimeOffset from, DateTimeOffset until, double speed, double? eventsPerDay)
    {
        lock (_lock)
        {
            // Reserved under the lock: two starts that both saw an idle simulation must not both set the clock.
            if (_periodStarting || _run is { IsRunning: true })
            {
                throw new SimulationBusyException("The simulation is running; stop it before playing a period.");
            }
            _periodStarting = true;
        }
        try
        {
            // The new line stands at `from` for a moment before it runs (CountyTime.Restart), so every silo follows it
            // before the run's first arrival, which comes due only once the clock reads `from`.
            await clockKeeper.Restart(from, speed);
            lock (_lock)
            {
                _eventsPerDay = eventsPerDay ?? ReportFigures.ReportsPerDay;
                _run = NewRun(from, until);
            }
        }
        finally
        {
            lock (_lock)
            {
                _periodStarting = false;
            }
        }
        LogPeriodStarted(from, until, speed, _eventsPerDay);
        return Status();
    }

    public SimulationStatus Stop()
    {
        lock (_lock)
        {
            _run?.Stop();
        }
        return Status();
    }

    private SimulationRun NewRun(DateTimeOffset from, DateTimeOffset? until) => new(
        new Arrivals(new ArrivalProfile(_eventsPerDay), from),
        new CaseScripts(options.Value.Seed, _priorities),
        new CaseDrafts(topology, options.Value.Seed + 1),
        from,
        until);

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
        SimulationRun? run;
        lock (_lock)
        {
            run = _run;
        }
        if (run is null)
        {
            return;
        }
        var work = run.TakeWork(clock.GetUtcNow(), out var completedNow);
        if (completedNow && run.Status(clock.Speed, _eventsPerDay) is var done)
        {
            LogPeriodCompleted(run.Until!.Value, done.Reported, done.Actions, done.Dropped);
        }
        await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = stoppingToken },
            async (item, _) =>
            {
                try
                {
                    await (item.Step is { } step ? Perform(item.Run, step) : Report(item.Run, item.Case!));
                }
                finally
                {
                    item.Run.Returned();
                }
            });
    }

    /// <summary>
    /// Makes the report; one that timed out may have been made, so it is tried again under its own id, which the
    /// case answers as the same report.
    /// </summary>
    private async Task Report(SimulationRun run, NewCase report)
    {
        ReportOutcome outcome;
        try
        {
            outcome = await grains.GetGrain<IEventGrain>(report.EventId).Report(report.Draft);
        }
        catch (Exception exception)
        {
            LogReportFailed(exception, report.EventId, report.Attempt + 1);
            if (!run.RetryReport(report))
            {
                LogDropped("report", report.EventId);
            }
            return;
        }
        if (outcome is not { Result: ReportResult.Created or ReportResult.Duplicate, Event: { } view })
        {
            LogRefused("report", report.EventId, outcome.Result.ToString());
            run.Dropped();
            return;
        }
        run.Reported();
        Plan(run, report.Script, view, report.At);
    }

    /// <summary>
    /// Takes the step. A step the case refuses as a conflict is where the system moved the case on its own meanwhile
    /// (a grab window expired): the script goes on from the case as it now stands. Any other refusal is dropped and logged.
    /// </summary>
    private async Task Perform(SimulationRun run, PendingStep step)
    {
        var grain = grains.GetGrain<IEventGrain>(step.EventId);
        try
        {
            var outcome = await grain.Act(step.Command);
            run.Acted();
            if (outcome.Result == ActionResult.Done)
            {
                Plan(run, step.Script, outcome.Event!, step.At);
            }
            else if (outcome.Result == ActionResult.Conflict && await grain.GetView() is { } moved)
            {
                Plan(run, step.Script, moved, step.At);
            }
            else
            {
                LogRefused(step.Command.Action.ToString(), step.EventId, outcome.Result.ToString());
                run.Dropped();
            }
        }
        catch (Exception exception)
        {
            // A timeout must not strand the case: its step is tried again a little later on the county clock.
            LogStepFailed(exception);
            if (!run.RetryStep(step))
            {
                LogDropped(step.Command.Action.ToString(), step.EventId);
            }
        }
    }

    private void Plan(SimulationRun run, CaseScript script, EventView view, DateTimeOffset scriptedAt)
    {
        if (_caseSteps.Next(script, view) is { } next)
        {
            run.Plan(new PendingStep(view.Id, script, next.Command, scriptedAt + next.After));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Simulation running: clock at {Speed}x, {EventsPerDay} reports a simulated day")]
    private partial void LogStarted(double speed, double eventsPerDay);

    [LoggerMessage(Level = LogLevel.Information, Message = "Simulation plays {From:u} to {Until:u} at {Speed}x, {EventsPerDay} reports a simulated day")]
    private partial void LogPeriodStarted(DateTimeOffset from, DateTimeOffset until, double speed, double eventsPerDay);

    [LoggerMessage(Level = LogLevel.Information, Message = "Simulated period completed at {CutOff:u}: {Reported} reports, {Actions} actions, {Dropped} dropped")]
    private partial void LogPeriodCompleted(DateTimeOffset cutOff, long reported, long actions, long dropped);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A simulation step failed; continuing")]
    private partial void LogStepFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Simulated report {EventId} failed (attempt {Attempt}); it goes again next tick")]
    private partial void LogReportFailed(Exception exception, string eventId, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The simulation's {Step} of {EventId} was refused ({Result}) and is dropped")]
    private partial void LogRefused(string step, string eventId, string result);

    [LoggerMessage(Level = LogLevel.Error, Message = "The simulation's {Step} of {EventId} failed every attempt and is dropped")]
    private partial void LogDropped(string step, string eventId);
}
