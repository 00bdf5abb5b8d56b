using GridActors.Grains.Interfaces.Events;
using static GridActors.Grains.Interfaces.Events.EventAction;
using static GridActors.Grains.Interfaces.Events.EventStatus;

namespace GridActors.Grains.Events;

/// <summary>
/// The closed loop as a table: which action is allowed in which status, and where it leads. The event grain
/// asks; it never decides a transition itself.
/// </summary>
public static class EventTransitions
{
    private static readonly EventStatus[] Open = [Reported, Accepted, Dispatched, Grabbing, InProgress, Resolved, Parked, Merged];

    /// <summary>Open and worked on: every open status but a duplicate's, which waits on another case.</summary>
    private static readonly EventStatus[] Working = [Reported, Accepted, Dispatched, Grabbing, InProgress, Resolved, Parked];

    /// <summary>(action, the statuses it is allowed in, where it leads; null = the status stays).</summary>
    private static readonly (EventAction Action, EventStatus[] From, EventStatus? To)[] Rules =
    [
        (Accept, [Reported], Accepted),
        (Dispatch, [Accepted, Dispatched, Grabbing, Parked], Dispatched),
        (Grab, [Grabbing], Dispatched),
        (Start, [Dispatched], InProgress),
        (Resolve, [InProgress], Resolved),
        (Verify, [Resolved], Closed),
        (Return, [Dispatched, InProgress], Accepted),
        (Extend, [Dispatched, InProgress], null),
        (Escalate, [Accepted, Dispatched, Grabbing, InProgress, Parked], null),
        (Supervise, Working, null),
        (Park, [Accepted, Dispatched, InProgress], Parked),
        (Cancel, [Reported, Accepted, Dispatched, Grabbing, InProgress, Parked], Cancelled),
        (GrabExpired, [Grabbing], Accepted),
        (Merge, Working, Merged),
        (Unmerge, [Merged], Reported),
    ];

    /// <summary>
    /// The status after <paramref name="action"/>, or null when the action is not allowed in
    /// <paramref name="from"/>. A dispatch in grab mode opens grabbing; a failed verification sends the case
    /// back to its handler (rework).
    /// </summary>
    public static EventStatus? Next(EventStatus from, EventAction action, bool grabMode = false, bool? passed = null)
    {
        foreach (var rule in Rules)
        {
            if (rule.Action == action && rule.From.Contains(from))
            {
                return (action, grabMode, passed) switch
                {
                    (Dispatch, true, _) => Grabbing,
                    (Verify, _, false) => Dispatched,
                    _ => rule.To ?? from,
                };
            }
        }
        return null;
    }

    public static bool IsOpen(EventStatus status) => Open.Contains(status);

    /// <summary>Open and on its own workflow (not a duplicate waiting on another case).</summary>
    public static bool IsWorking(EventStatus status) => Working.Contains(status);

    /// <summary>The case's handler is off the hook: it no longer counts as one of their open tasks.</summary>
    public static bool ReleasesHandler(EventStatus status) => status is Accepted or Closed or Parked or Cancelled or Grabbing or Merged;
}
