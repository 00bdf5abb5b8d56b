namespace GridActors.Grains.Interfaces.Events;

/// <summary>The steps an operator, a handler or the system can take on a case.</summary>
public enum EventAction
{
    Report,
    Accept,
    Dispatch,
    Grab,
    Start,
    Resolve,
    Verify,
    Return,
    Extend,
    Escalate,
    Supervise,
    Park,
    Cancel,

    /// <summary>A grab window passed with no taker; the case fell back to the village (system only).</summary>
    GrabExpired,

    /// <summary>Half or three quarters of a stage's time limit used (system only).</summary>
    Warning,

    /// <summary>A time limit passed: the case is overdue (system only).</summary>
    Breach,

    /// <summary>
    /// Further alarms of the case's device and kind were counted into it. One entry stands for a run of folds: a
    /// fold rewrites the entry before it when that is a fold too, so the history grows with the case's steps, not
    /// with its alarms.
    /// </summary>
    Fold,

    /// <summary>The case joined another as its duplicate: at its report (system) or by an operator.</summary>
    Merge,

    /// <summary>An operator split a duplicate from its case: it starts again as a report of its own.</summary>
    Unmerge,

    /// <summary>Another report joined this case as its duplicate (system).</summary>
    DuplicateJoined,

    /// <summary>A duplicate of this case was unmerged (system).</summary>
    DuplicateLeft,

    /// <summary>The case this duplicate waited on finished; the duplicate finished with it (system).</summary>
    OriginalFinished,
}
