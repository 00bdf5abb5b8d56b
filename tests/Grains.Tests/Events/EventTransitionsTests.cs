using GridActors.Grains.Events;
using GridActors.Grains.Interfaces.Events;
using static GridActors.Grains.Interfaces.Events.EventAction;
using static GridActors.Grains.Interfaces.Events.EventStatus;

namespace GridActors.Grains.Tests.Events;

public sealed class EventTransitionsTests
{
    /// <summary>The loop as the design writes it, independently of the table under test: every allowed pair.</summary>
    private static readonly Dictionary<(EventStatus, EventAction), EventStatus> Allowed = new()
    {
        [(Reported, Accept)] = Accepted,
        [(Accepted, Dispatch)] = Dispatched,
        [(Dispatched, Dispatch)] = Dispatched,
        [(Grabbing, Dispatch)] = Dispatched,
        [(Parked, Dispatch)] = Dispatched,
        [(Grabbing, Grab)] = Dispatched,
        [(Dispatched, Start)] = InProgress,
        [(InProgress, Resolve)] = Resolved,
        [(Resolved, Verify)] = Closed,
        [(Dispatched, Return)] = Accepted,
        [(InProgress, Return)] = Accepted,
        [(Dispatched, Extend)] = Dispatched,
        [(InProgress, Extend)] = InProgress,
        [(Accepted, Escalate)] = Accepted,
        [(Dispatched, Escalate)] = Dispatched,
        [(Grabbing, Escalate)] = Grabbing,
        [(InProgress, Escalate)] = InProgress,
        [(Parked, Escalate)] = Parked,
        [(Reported, Supervise)] = Reported,
        [(Accepted, Supervise)] = Accepted,
        [(Dispatched, Supervise)] = Dispatched,
        [(Grabbing, Supervise)] = Grabbing,
        [(InProgress, Supervise)] = InProgress,
        [(Resolved, Supervise)] = Resolved,
        [(Parked, Supervise)] = Parked,
        [(Accepted, Park)] = Parked,
        [(Dispatched, Park)] = Parked,
        [(InProgress, Park)] = Parked,
        [(Reported, Cancel)] = Cancelled,
        [(Accepted, Cancel)] = Cancelled,
        [(Dispatched, Cancel)] = Cancelled,
        [(Grabbing, Cancel)] = Cancelled,
        [(InProgress, Cancel)] = Cancelled,
        [(Parked, Cancel)] = Cancelled,
        [(Grabbing, GrabExpired)] = Accepted,
        [(Reported, Merge)] = Merged,
        [(Accepted, Merge)] = Merged,
        [(Dispatched, Merge)] = Merged,
        [(Grabbing, Merge)] = Merged,
        [(InProgress, Merge)] = Merged,
        [(Resolved, Merge)] = Merged,
        [(Parked, Merge)] = Merged,
        [(Merged, Unmerge)] = Reported,
    };

    public static TheoryData<EventStatus, EventAction> EveryPair()
    {
        var pairs = new TheoryData<EventStatus, EventAction>();
        foreach (var status in Enum.GetValues<EventStatus>())
        {
            foreach (var action in Enum.GetValues<EventAction>())
            {
                pairs.Add(status, action);
            }
        }
        return pairs;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Next_EveryStatusAndAction_IsAllowedExactlyWhereTheLoopSays(EventStatus from, EventAction action)
    {
        var next = EventTransitions.Next(from, action, grabMode: false, passed: true);

        Assert.Equal(Allowed.TryGetValue((from, action), out var expected) ? expected : null, next);
    }

    [Theory]
    [InlineData(Accepted)]
    [InlineData(Dispatched)]
    [InlineData(Parked)]
    public void Next_DispatchInGrabMode_OpensGrabbing(EventStatus from)
    {
        Assert.Equal(Grabbing, EventTransitions.Next(from, Dispatch, grabMode: true));
    }

    [Fact]
    public void Next_FailedVerification_SendsTheCaseBackToItsHandler()
    {
        Assert.Equal(Dispatched, EventTransitions.Next(Resolved, Verify, passed: false));
    }

    [Theory]
    [InlineData(Closed)]
    [InlineData(Cancelled)]
    public void Next_FinishedCases_TakeNoAction(EventStatus finished)
    {
        Assert.All(Enum.GetValues<EventAction>(), action => Assert.Null(EventTransitions.Next(finished, action)));
        Assert.False(EventTransitions.IsOpen(finished));
    }

    [Fact]
    public void Next_Report_IsNeverATransition()
    {
        Assert.All(Enum.GetValues<EventStatus>(), status => Assert.Null(EventTransitions.Next(status, Report)));
    }
}
