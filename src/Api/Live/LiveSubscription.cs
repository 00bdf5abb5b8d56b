using Orleans.Streams;

namespace GridActors.Api.Live;

/// <summary>This node's one subscription to one live stream.</summary>
internal abstract class LiveSubscription
{
    /// <summary>Subscribes when the node has no subscription to the stream, and drops any beyond the first.</summary>
    public abstract Task Ensure();

    public abstract Task Close();
}

/// <inheritdoc />
/// <remarks>
/// A subscription can vanish without a word — Orleans drops a consumer it once could not reach — and a start
/// retried after a partial failure could leave two, each delivering every batch. So the node asks the stream
/// which of its subscriptions exist and repairs either case each time it reconciles.
/// </remarks>
internal sealed class LiveSubscription<T>(IAsyncStream<T> stream, Action<T> fold) : LiveSubscription
{
    public override async Task Ensure()
    {
        var handles = await stream.GetAllSubscriptionHandles();
        if (handles.Count == 0)
        {
            await stream.SubscribeAsync(OnNext);
            return;
        }
        await handles[0].ResumeAsync(OnNext);
        foreach (var extra in handles.Skip(1))
        {
            await extra.UnsubscribeAsync();
        }
    }

    public override async Task Close()
    {
        try
        {
            foreach (var handle in await stream.GetAllSubscriptionHandles())
            {
                await handle.UnsubscribeAsync();
            }
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            // Stopping: a subscription left behind is dropped by Orleans at its first failed delivery.
        }
    }

    private Task OnNext(T item, StreamSequenceToken? token)
    {
        fold(item);
        return Task.CompletedTask;
    }
}
