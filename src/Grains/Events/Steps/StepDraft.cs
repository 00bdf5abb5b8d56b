using GridActors.Grains.Events.Store;
using GridActors.Grains.Interfaces.Deadlines;
using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.Points;

namespace GridActors.Grains.Events.Steps;

/// <summary>
/// One step being decided: the changes go to <see cref="Next"/>, a copy of the case, and what the step owes
/// others is collected; <see cref="Seal"/> turns it into the commit. <see cref="Current"/> is never changed.
/// </summary>
internal sealed class StepDraft(string id, EventState? current, EventState next, DateTimeOffset now, PointsPolicy points)
{
    private readonly List<CaseEffect> _awards = [];

    public EventState? Current { get; } = current;

    public EventState Next { get; } = next;

    public DateTimeOffset Now { get; } = now;

    public void Record(EventAction action, Party actor, string? note) =>
        Next.History.Add(new HistoryEntry(Now, action, actor.ToString(), note));

    /// <summary>Owes the points the rules give for a fact of this case, stamped with the time of the fact.</summary>
    public void Award(PointsFact fact, string occurrence = "")
    {
        var report = Next.Report!;
        var onTime = fact == PointsFact.Closed && !Next.Overdue && Next.ClosedAt <= Next.Whole?.DueAt;
        var facts = new CaseFacts(fact, id, report.GridId, report.Reporter, Next.Assignee, Next.Grabbed, onTime, occurrence, Drill: report.Drill);
        _awards.AddRange(points.AwardsFor(facts).Select(award => new PayAward(award with { At = Now })));
    }

    /// <summary>
    /// The next version, the deadline entry when the earliest alarm moved (with a new sequence, so an alarm of
    /// the old schedule is known to be stale), and the effects: the shard first, then the workers, then points,
    /// then what the spatial index and the case's duplicates (or its original) must learn.
    /// </summary>
    public CaseStep Seal()
    {
        Next.Version = (Current?.Version ?? 0) + 1;
        var effects = new List<CaseEffect>();
        var deadline = MoveDeadline();
        if (deadline is not null)
        {
            effects.Add(new TrackDeadline(deadline.Shard, deadline.Target, Next.AlarmSequence, deadline.Armed));
        }
        var before = Current is null ? null : HandlerOf(Current);
        var after = HandlerOf(Next);
        if (before is not null && before != after)
        {
            effects.Add(new ReleaseTask(before));
        }
        if (after is not null && after != before)
        {
            effects.Add(new AssignTask(after, Drill: Next.Report!.IsDrill));
        }
        effects.AddRange(_awards);
        effects.AddRange(CaseLinks.Effects(id, Current, Next));
        var outbox = effects.Count == 0 ? null : new CaseOutbox(Next.Version, effects);
        return new CaseStep(Next, CaseViews.Summary(id, Next), deadline, outbox);
    }

    private DeadlineEntryChange? MoveDeadline()
    {
        DateTimeOffset? due = Next.PendingAlarms.Count > 0 ? Next.PendingAlarms[0].At : null;
        if (due == Next.ArmedFor)
        {
            return null;
        }
        Next.AlarmSequence++;
        Next.ArmedFor = due;
        var target = new AlarmTarget(AlarmTarget.Event, id);
        return new DeadlineEntryChange(
            Next.Report!.GridId, target, due is { } at ? new ArmedDeadline(target, at, Next.AlarmSequence) : null);
    }

    /// <summary>The worker the case counts against: its assignee while the case is with them.</summary>
    public static string? HandlerOf(EventState state) =>
        state.Assignee is { Kind: PartyKinds.Worker } worker && !EventTransitions.ReleasesHandler(state.Status) ? worker.Id : null;
}
