using System.Threading.Channels;

namespace GridActors.Silo.Postgres;

/// <summary>
/// Group commit: callers queue one write each and wait; a few flush loops take whatever has queued up —
/// up to <see cref="WriteBatcherOptions.MaxBatch"/> — and write it in one round trip, then complete every
/// caller in it. Under load a batch fills while the previous one commits, so one commit (and one WAL flush)
/// pays for hundreds of writes; when idle, a lone write goes at once and waits for nobody.
/// </summary>
/// <remarks>
/// The queue is bounded: when the database falls behind, callers wait to enqueue rather than pile up memory.
/// A failed flush fails every caller of that batch, so nothing is acknowledged that was not committed.
/// </remarks>
public sealed class WriteBatcher<TRequest, TResult> : IAsyncDisposable
{
    private readonly Channel<Pending> _queue;
    private readonly Func<IReadOnlyList<TRequest>, CancellationToken, Task<IReadOnlyList<TResult>>> _flush;
    private readonly int _maxBatch;
    private readonly Task[] _flushLoops;

    /// <param name="flush">Writes one batch and returns one result per request, in request order.</param>
    /// <param name="options">Batch size, queue bound and number of concurrent flushes.</param>
    public WriteBatcher(
        Func<IReadOnlyList<TRequest>, CancellationToken, Task<IReadOnlyList<TResult>>> flush,
        WriteBatcherOptions options)
    {
        _flush = flush;
        _maxBatch = options.MaxBatch;
        _queue = Channel.CreateBounded<Pending>(new BoundedChannelOptions(options.QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = options.FlushLoops == 1,
        });
        _flushLoops = [.. Enumerable.Range(0, options.FlushLoops).Select(_ => Task.Run(FlushLoop))];
    }

    public async Task<TResult> Enqueue(TRequest request, CancellationToken cancellationToken = default)
    {
        var pending = new Pending(request, new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously));
        await _queue.Writer.WriteAsync(pending, cancellationToken);
        return await pending.Completion.Task;
    }

    private async Task FlushLoop()
    {
        var batch = new List<Pending>(_maxBatch);
        var requests = new List<TRequest>(_maxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            requests.Clear();
            while (batch.Count < _maxBatch && _queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
                requests.Add(pending.Request);
            }
            if (batch.Count == 0)
            {
                continue;
            }
            await FlushOne(batch, requests);
        }
    }

    private async Task FlushOne(List<Pending> batch, List<TRequest> requests)
    {
        try
        {
            var results = await _flush(requests, CancellationToken.None);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Completion.TrySetResult(results[i]);
            }
        }
        catch (Exception failure)
        {
            foreach (var pending in batch)
            {
                pending.Completion.TrySetException(failure);
            }
        }
    }

    /// <summary>Stops taking writes, flushes what is queued, and waits for the flush loops to finish.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await Task.WhenAll(_flushLoops);
    }

    private sealed record Pending(TRequest Request, TaskCompletionSource<TResult> Completion);
}
