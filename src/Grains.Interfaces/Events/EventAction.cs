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
}
