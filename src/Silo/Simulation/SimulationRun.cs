using GridActors.Silo.Simulation.Model;

namespace GridActors.Silo.Simulation;

/// <summary>
/// One run of the simulation: the arrivals it owes, the steps waiting by their scripted county time, and what it
/// has done. Every call in flight names its run, so a stopped run's late answers land in it and never in the next.
/// A step or report that keeps failing is given up after <see cref="MaxAttempts"/> and counted as dropped, so a
/// period's <c>completed</c> says whether everything scripted before its cut-off happened.
/// </summary>
public sealed class SimulationRun(Arrivals arrivals, CaseScripts scripts, CaseDrafts drafts, DateTimeOffset startedAt, DateTimeOffset? until)
{
    private Arrivals _arrivals = arrivals;
    /// <summary>A demo that fell behind drops what it owes beyond this a tick instead of flooding the county.</summary>
    private const int MaxReportsPerTick = 500;

    /// <summary>Tries of one report or step before it is dropped: enough to ride out a silo's restart.</summary>
    public const int MaxAttempts = 5;

    private static readonly TimeSpan RetryStepAfter = TimeSpan.FromMinutes(5);

    private readonly Lock _lock = new();
    private readonly PriorityQueue<PendingStep, DateTimeOffset> _steps = new();
    private readonly Queue<NewCase> _unreported = new();
    private bool _stopped;
    private bool _completed;
    private int _inFlight;
    private long _reported;
    private long _actions;
    private long _dropped;

    public DateTimeOffset StartedAt => startedAt;

    public DateTimeOffset? Until => until;

    /// <summary>Neither stopped nor completed: it still reports and plays its cases.</summary>
    public bool IsRunning
    {
        get
        {
            lock (_lock)
            {
                return !_stopped && !_completed;
            }
        }
    }

    /// <summary>Arrivals from here on at another rate; the cases already made play on.</summary>
    public void Retune(double eventsPerDay)
    {
        lock (_lock)
        {
            _arrivals = new Arrivals(new ArrivalProfile(eventsPerDay), _arrivals.Reached);
        }
    }

    public SimulationStatus Status(double speed, double eventsPerDay)
    {
        lock (_lock)
        {
            return new SimulationStatus(!_stopped && !_completed, speed, eventsPerDay, _reported, _actions, _steps.Count + _inFlight,
                startedAt, until is null ? null : startedAt, until, _completed, _arrivals.Reached, _dropped);
        }
    }

    public void Stop()
    {
        lock (_lock)
        {
            _stopped = true;
        }
    }

    /// <summary>
    /// The reports the clock owes since the last tick, drawn in order, and the steps come due by <paramref name="now"/>
    /// (or the cut-off); a period whose cut-off has passed with nothing left completes here.
    /// </summary>
    public List<SimulationWork> TakeWork(DateTimeOffset now, out bool completedNow)
    {
        lock (_lock)
        {
            completedNow = false;
            if (_stopped || _completed)
            {
                return [];
            }
            var horizon = until is { } cutOff && cutOff < now ? cutOff : now;
            var work = new List<SimulationWork>();
            while (_unreported.TryDequeue(out var retry))
            {
                work.Add(new SimulationWork(this, retry, null));
            }
            foreach (var at in _arrivals.Until(horizon, until is null ? MaxReportsPerTick : null))
            {
                work.Add(new SimulationWork(this, drafts.Draw(scripts.Next(), at), null));
            }
            while (_steps.TryPeek(out _, out var due) && due <= horizon)
            {
                work.Add(new SimulationWork(this, null, _steps.Dequeue()));
            }
            _inFlight += work.Count;
            if (until is { } end && now >= end && work.Count == 0 && _inFlight == 0)
            {
                // Everything scripted before the cut-off is done; what is scripted after it never happens.
                _completed = true;
                _steps.Clear();
                completedNow = true;
            }
            return work;
        }
    }

    /// <summary>A call of this run has answered (or failed); a period cannot complete while one is out.</summary>
    public void Returned()
    {
        lock (_lock)
        {
            _inFlight--;
        }
    }

    public void Reported() => Count(ref _reported);

    public void Acted() => Count(ref _actions);

    /// <summary>A report or step given up: refused by the case, or failed <see cref="MaxAttempts"/> times.</summary>
    public void Dropped() => Count(ref _dropped);

    /// <summary>The case's next step, unless the run has stopped.</summary>
    public void Plan(PendingStep step)
    {
        lock (_lock)
        {
            if (!_stopped && !_completed)
            {
                _steps.Enqueue(step, step.At);
            }
        }
    }

    /// <summary>A report that failed goes again next tick under its own id; false once it has had its tries.</summary>
    public bool RetryReport(NewCase report)
    {
        if (report.Attempt + 1 >= MaxAttempts)
        {
            Dropped();
            return false;
        }
        lock (_lock)
        {
            _unreported.Enqueue(report with { Attempt = report.Attempt + 1 });
        }
        return true;
    }

    /// <summary>
    /// A step that failed goes again a little later on the county clock, and for a period no later than its
    /// cut-off, so that a step scripted before the cut-off is not cleared unperformed; false once it has had its tries.
    /// </summary>
    public bool RetryStep(PendingStep step)
    {
        if (step.Attempt + 1 >= MaxAttempts)
        {
            Dropped();
            return false;
        }
        var at = step.At + RetryStepAfter;
        Plan(step with { At = until is { } end && at > end ? end : at, Attempt = step.Attempt + 1 });
        return true;
    }

    private void Count(ref long counter)
    {
        lock (_lock)
        {
            counter++;
        }
    }
}
