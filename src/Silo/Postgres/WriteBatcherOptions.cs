namespace GridActors.Silo.Postgres;

/// <summary>How a <see cref="WriteBatcher{TRequest, TResult}"/> groups writes.</summary>
public sealed record WriteBatcherOptions
{
    /// <summary>
    /// The largest batch one statement carries. Large enough that a 400k burst runs at a few hundred rows a
    /// round trip; small enough that one statement's parameters stay a few hundred kilobytes.
    /// </summary>
    public int MaxBatch { get; init; } = 512;

    /// <summary>Writes that may wait for a flush before callers wait to enqueue.</summary>
    public int QueueCapacity { get; init; } = 16_384;

    /// <summary>
    /// Concurrent flushes, each on its own connection: two keep the database busy while one batch is in flight
    /// and the next is being built, without splitting a burst into many small batches.
    /// </summary>
    public int FlushLoops { get; init; } = 2;
}
