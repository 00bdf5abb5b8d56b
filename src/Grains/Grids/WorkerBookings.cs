using GridActors.Grains.Interfaces.Workers;

namespace GridActors.Grains.Grids;

/// <summary>
/// Cases a grid has given its workers that the workers' own reports do not show yet. A case reaches its worker
/// after the report that chose it has returned, and the worker then tells its grid one-way, so a worker's
/// report can arrive without the cases chosen for it a moment later; counting those from the report alone
/// would let a burst fill a worker past its capacity. A booking ends when a report of the worker lists the
/// case (an older report counts too: the case is in it), or after <paramref name="lifetime"/>, when the
/// assignment it waited for has either failed or its report was lost.
/// </summary>
public sealed class WorkerBookings(TimeSpan lifetime)
{
    private readonly Dictionary<string, Booking> _byCase = [];

    public int Count => _byCase.Count;

    public void Add(string caseId, string workerId, bool drill, DateTimeOffset at) =>
        _byCase[caseId] = new Booking(workerId, drill, at);

    /// <summary>Ends the bookings of the cases the worker's report holds.</summary>
    public void Confirm(WorkerStatus reported)
    {
        if (reported.TaskIds.IsDefault)
        {
            return; // from a worker of an older version, which names no cases; its bookings expire.
        }
        foreach (var caseId in reported.TaskIds)
        {
            _byCase.Remove(caseId);
        }
    }

    /// <summary>The worker's report with the cases booked on it since, which the report does not hold yet.</summary>
    public WorkerStatus Apply(WorkerStatus reported, DateTimeOffset now)
    {
        DropExpired(now);
        var (open, drill) = (0, 0);
        foreach (var booking in _byCase.Values.Where(b => b.WorkerId == reported.WorkerId))
        {
            _ = booking.Drill ? drill++ : open++;
        }
        return open == 0 && drill == 0
            ? reported
            : reported with { OpenTasks = reported.OpenTasks + open, DrillTasks = reported.DrillTasks + drill };
    }

    private void DropExpired(DateTimeOffset now)
    {
        foreach (var (caseId, booking) in _byCase)
        {
            if (now - booking.At > lifetime)
            {
                _byCase.Remove(caseId);
            }
        }
    }

    private sealed record Booking(string WorkerId, bool Drill, DateTimeOffset At);
}
