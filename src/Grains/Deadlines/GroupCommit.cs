namespace GridActors.Grains.Deadlines;

/// <summary>
/// Coalesces the writes of interleaved calls inside one grain: every caller that changed the state waits for
/// a write that started after its change, and while one write is in flight the changes arriving meanwhile
/// wait together for the next. N concurrent changes cost about two writes, not N. Used on the grain's own
/// scheduler only (single-threaded), so it needs no locks.
/// </summary>
public sealed class GroupCommit(Func<Task> write)
{
    private Task _inFlight = Task.CompletedTask;
    private TaskCompletionSource? _next;

    /// <summary>Completes once a write that started after this call has finished (or fails with it).</summary>
    public Task Commit()
    {
        if (_next is { } waiting)
        {
            return waiting.Task;
        }
        var batch = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _next = batch;
        _ = RunAfter(_inFlight, batch);
        return batch.Task;
    }

    private async Task RunAfter(Task previous, TaskCompletionSource batch)
    {
        try
        {
            await previous;
        }
        catch
        {
            // The earlier batch's callers got its failure; this batch makes its own attempt.
        }
        // From here on, changes belong to the following batch: this write may not include them.
        _next = null;
        var writing = write();
        _inFlight = writing;
        try
        {
            await writing;
            batch.SetResult();
        }
        catch (Exception error)
        {
            batch.SetException(error);
        }
    }
}
