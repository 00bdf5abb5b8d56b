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
}
