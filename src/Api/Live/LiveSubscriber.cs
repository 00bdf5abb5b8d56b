using GridActors.Grains.Interfaces.Live;
using GridActors.Grains.Interfaces.Topology;
using GridActors.Grains.Live;
using GridActors.Grains.ReadModel;
using GridActors.Grains.Topology;
using Microsoft.Extensions.Options;
using Orleans.Streams;

namespace GridActors.Api.Live;

/// <summary>
/// This node's own subscription to the live streams — every township's cases and the county's modes — folded
/// into <see cref="LiveCounty"/>. Each Api node subscribes for itself, so several of them need no backplane.
/// It subscribes before it reads the read model, so nothing published meanwhile is missed (folding is
/// idempotent), and it reads the read model again every <see cref="LiveOptions.ReconcileInterval"/>.
/// </summary>
public sealed partial class LiveSubscriber(
    IClusterClient client,
    CountyTopology topology,
    IEventReadModel readModel,
    LiveCounty county,
    IOptions<LiveOptions> options,
    ILogger<LiveSubscriber> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        List<Func<Task>> unsubscribe = [];
        try
        {
            unsubscribe = await UntilDone(Subscribe, stoppingToken);
            county.SetModes(await UntilDone(_ => client.GetGrain<ICityGrain>(topology.City.Id).GetModes(), stoppingToken));
            using var timer = new PeriodicTimer(options.Value.ReconcileInterval);
            do
            {
                await Reconcile(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            foreach (var leave in unsubscribe)
            {
                await leave();
            }
        }
    }

    private async Task<List<Func<Task>>> Subscribe(CancellationToken cancellationToken)
    {
        var streams = client.GetStreamProvider(LiveStreams.Provider);
        List<Func<Task>> unsubscribe = [];
        foreach (var township in topology.Document.Townships)
        {
            var cases = await streams.GetStream<CaseChanges>(LiveStreams.Cases(township.Id))
                .SubscribeAsync((batch, _) => Fold(batch));
            unsubscribe.Add(cases.UnsubscribeAsync);
        }
        var modes = await streams.GetStream<ModesView>(LiveStreams.County(topology.City.Id))
            .SubscribeAsync((view, _) => Fold(view));
        unsubscribe.Add(modes.UnsubscribeAsync);
        return unsubscribe;
    }

    private Task Fold(CaseChanges batch)
    {
        county.Apply(batch.Cases);
        return Task.CompletedTask;
    }

    private Task Fold(ModesView modes)
    {
        county.SetModes(modes);
        return Task.CompletedTask;
    }

    private async Task Reconcile(CancellationToken cancellationToken)
    {
        try
        {
            county.Apply(await readModel.SelectCurrent(county.DayStart, cancellationToken));
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            LogReconcileFailed(failure);
        }
    }

    /// <summary>Retries a start-up step until it succeeds: the cluster or the database may still be coming up.</summary>
    private async Task<T> UntilDone<T>(Func<CancellationToken, Task<T>> step, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return await step(cancellationToken);
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                LogStartRetry(failure);
                await Task.Delay(RetryDelay, cancellationToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live view: a start-up step failed; retrying")]
    private partial void LogStartRetry(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live view: the read model could not be read; the next round will try again")]
    private partial void LogReconcileFailed(Exception exception);
}
