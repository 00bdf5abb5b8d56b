using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.Sla;

namespace GridActors.Grains.Events;

/// <summary>
/// Keeps a case's clocks in step with its status: which stage runs, when it and the whole case are due, and
/// which alarms are still to come; and what each alarm does when it goes off. Pure: it changes the state it
/// is given and returns what to write in history; the grain stores, arms and records.
/// </summary>
public sealed class CaseClock(SlaPolicy policy)
{
    public static SlaStage? StageOf(EventStatus status) => status switch
    {
        EventStatus.Reported => SlaStage.Accept,
        EventStatus.Accepted or EventStatus.Grabbing => SlaStage.Dispatch,
        EventStatus.Dispatched or EventStatus.InProgress => SlaStage.Handle,
        EventStatus.Resolved => SlaStage.Verify,
        _ => null,
    };

    /// <summary>Starts the whole-case clock and the first stage's, at the report.</summary>
    public void Start(EventState state, DateTimeOffset now)
    {
        var basis = policy.BasisFor(state.Priority);
        var limit = Limit(state, SlaStage.Whole);
        state.Whole = new StageClock(SlaStage.Whole, now, limit, basis, policy.Add(now, limit, basis));
        Follow(state, EventAction.Report, previous: EventStatus.Reported, now);
    }

    /// <summary>
    /// After a transition: a new stage starts its clock; rework and return restart the stage they go back to;
    /// parking pauses the clocks and leaving parking resumes them; an extension moves the due times; a
    /// finished case stops them, and so does a duplicate, whose case's clocks are the ones that run.
    /// </summary>
    public void Follow(EventState state, EventAction action, EventStatus previous, DateTimeOffset now, double? extensionHours = null)
    {
        var stage = StageOf(state.Status);
        if (state.Status is EventStatus.Closed or EventStatus.Cancelled or EventStatus.Merged)
        {
            if (state.Status == EventStatus.Merged)
            {
                // Its original's deadlines are the ones that count; an unmerge starts the clocks over.
                state.Whole = null;
            }
            state.Stage = null;
            state.Paused = null;
            state.PendingAlarms.Clear();
            return;
        }
        if (state.Status == EventStatus.Parked)
        {
            Pause(state, now);
        }
        else if (previous == EventStatus.Parked && state.Paused is { } paused)
        {
            Resume(state, paused, stage!.Value, now);
        }
        else if (stage != state.Stage?.Stage || action is EventAction.Return || (action is EventAction.Verify && state.Status == EventStatus.Dispatched))
        {
            state.Stage = StartStage(state, stage!.Value, now);
            state.FiredInStage.Clear();
        }
        if (action == EventAction.Extend && extensionHours is { } hours && state.Stage is { } running)
        {
            var extra = TimeSpan.FromHours(hours);
            state.Stage = running with { Limit = running.Limit + extra, DueAt = policy.Add(running.DueAt, extra, running.Basis) };
            state.Whole = state.Whole! with { Limit = state.Whole.Limit + extra, DueAt = policy.Add(state.Whole.DueAt, extra, state.Whole.Basis) };
        }
        PlanAlarms(state);
    }

    /// <summary>
    /// Sets off every alarm that has come, in order; returns the history entries they make, each breach of a
    /// stage naming the stage (and when it started) so that the points rules can charge it once.
    /// </summary>
    public IReadOnlyList<AlarmOutcome> Ring(EventState state, DateTimeOffset now)
    {
        var entries = new List<AlarmOutcome>();
        while (state.PendingAlarms.Count > 0 && state.PendingAlarms[0].At <= now)
        {
            var alarm = state.PendingAlarms[0];
            state.PendingAlarms.RemoveAt(0);
            if (alarm.Stage == SlaStage.Whole)
            {
                state.WholeBreached = true;
                state.Overdue = true;
                entries.Add(new AlarmOutcome(EventAction.Breach, $"the whole case's limit passed at {alarm.At:u}"));
                continue;
            }
            state.FiredInStage.Add(alarm.Kind);
            entries.AddRange(Apply(state, alarm).Select(entry => new AlarmOutcome(entry.Action, entry.Note,
                entry.Action == EventAction.Breach ? $"{Names.Of(alarm.Stage)}:{state.Stage?.StartedAt.UtcTicks}" : null)));
        }
        return entries;
    }

    /// <summary>The deadlines a client sees: the running stage's and the whole case's.</summary>
    public static IReadOnlyList<Interfaces.Events.Deadline> Deadlines(EventState state) =>
        [.. new[] { state.Stage, state.Whole }
            .Where(clock => clock is not null && (clock.Stage != SlaStage.Whole || state.Paused is null) && state.Status is not (EventStatus.Closed or EventStatus.Cancelled))
            .Select(clock => new Interfaces.Events.Deadline(Names.Of(clock!.Stage), clock.DueAt))];

    private IEnumerable<(EventAction Action, string Note)> Apply(EventState state, SlaAlarm alarm)
    {
        var stage = Names.Of(alarm.Stage);
        switch (alarm.Kind)
        {
            case AlarmKind.Warning50:
            case AlarmKind.Warning75:
                var used = alarm.Kind == AlarmKind.Warning50 ? 50 : 75;
                yield return (EventAction.Warning, $"{stage} stage: {used}% of its time used; due {state.Stage?.DueAt:u}");
                yield break;
            case AlarmKind.Breach:
                state.Overdue = true;
                yield return (EventAction.Breach, $"{stage} stage overdue since {alarm.At:u}");
                break;
        }
        var level = alarm.Kind switch
        {
            AlarmKind.Breach => EscalationLevels.Village,
            AlarmKind.EscalateToTownship => EscalationLevels.Township,
            _ => EscalationLevels.City,
        };
        if (state.EscalationLevel < level)
        {
            state.EscalationLevel = level;
            state.SupervisionCount++;
            var to = EscalationLevels.Name(level);
            yield return (EventAction.Escalate, $"{stage} stage late: escalated to the {to}");
            yield return (EventAction.Supervise, $"supervision order (督办) by the {to}");
        }
    }

    private StageClock StartStage(EventState state, SlaStage stage, DateTimeOffset now)
    {
        var basis = policy.BasisFor(state.Priority);
        var limit = Limit(state, stage);
        return new StageClock(stage, now, limit, basis, policy.Add(now, limit, basis));
    }

    private void Pause(EventState state, DateTimeOffset now)
    {
        if (state.Stage is not { } running)
        {
            return;
        }
        var remaining = policy.Between(now, running.DueAt, running.Basis);
        state.Paused = new PausedClock(
            running.Stage,
            remaining,
            policy.Between(now, state.Whole!.DueAt, state.Whole.Basis),
            running.Limit,
            running.Limit - remaining);
        state.Stage = null;
    }

    private void Resume(EventState state, PausedClock paused, SlaStage stage, DateTimeOffset now)
    {
        var basis = policy.BasisFor(state.Priority);
        state.Stage = paused.Stage == stage
            ? new StageClock(stage, now, paused.StageLimit, basis, policy.Add(now, paused.StageRemaining, basis), paused.StageUsed)
            : StartStage(state, stage, now);
        if (paused.Stage != stage)
        {
            state.FiredInStage.Clear();
        }
        state.Whole = state.Whole! with { DueAt = policy.Add(now, paused.WholeRemaining, state.Whole.Basis) };
        state.Paused = null;
    }

    private void PlanAlarms(EventState state)
    {
        state.PendingAlarms.Clear();
        if (state.Stage is { } running)
        {
            state.PendingAlarms.AddRange(SlaAlarms.For(running, policy).Where(a => !state.FiredInStage.Contains(a.Kind)));
        }
        if (state.Whole is { } whole && !state.WholeBreached && state.Paused is null)
        {
            state.PendingAlarms.AddRange(SlaAlarms.For(whole, policy));
        }
        state.PendingAlarms.Sort((a, b) => a.At.CompareTo(b.At));
    }

    private TimeSpan Limit(EventState state, SlaStage stage) =>
        policy.Limit(state.Report!.Category, state.Priority, state.Mode, stage);
}

/// <summary>
/// What an alarm did, for the case's history; <see cref="OverdueStage"/> names a breached stage run
/// (stage and start), which the points rules charge once.
/// </summary>
public sealed record AlarmOutcome(EventAction Action, string Note, string? OverdueStage = null);
