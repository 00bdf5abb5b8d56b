using GridActors.Grains.Interfaces.Live;
using GridActors.Grains.Interfaces.Topology;
using GridActors.Grains.Live;
using GridActors.Grains.ReadModel;
using GridActors.Grains.Topology;
using Microsoft.Extensions.Options;

namespace GridActors.Api.Live;

/// <summary>
/// This node's own subscription to the live streams — every township's cases and the county's modes — folded
/// into <see cref="LiveViews"/> and <see cref="LiveModes"/>. Each Api node subscribes for itself, so several of
/// them need no backplane. It subscribes before it reads the read model, so nothing published meanwhile is
/// missed (folding is idempotent), and every <see cref="LiveOptions.ReconcileInterval"/> it reads the read model
/// and the modes again and makes sure each stream still has exactly one subscription of this node. When a drill
/// is erased, or the drill view holds an open case the read model no longer has (the notice was missed), the
/// drill view starts afresh.
/// </summary>
public sealed partial class LiveSubscriber(
    IClusterClient client,
    CountyTopology topology,
    IEventReadModel readModel,
    LiveViews views,
    LiveModes modes,
    IOptions<LiveOptions> options,
    ILogger<LiveSubscriber> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Open cases a reconcile reads again by id at most: a lost batch leaves a few; more are cases the read model
    /// has not projected yet, which the next reconcile reads anyway.
    /// </summary>
    private const int MostReadAgain = 500;

    private readonly List<LiveSubscription> _subscriptions = [];

    // One reload at a time: a drill view restarted while a reload of it is under way would get erased cases back.
    private readonly SemaphoreSlim _reloading = new(1, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var streams = client.GetStreamProvider(LiveStreams.Provider);
        foreach (var township in topology.Document.Townships)
        {
            _subscriptions.Add(new LiveSubscription<CaseChanges>(streams.GetStream<CaseChanges>(LiveStreams.Cases(township.Id)),
                batch => views.Apply(batch.Cases)));
        }
        _subscriptions.Add(new LiveSubscription<ModesView>(streams.GetStream<ModesView>(LiveStreams.County(topology.City.Id)),
            view => modes.Offer(view)));
        _subscriptions.Add(new LiveSubscription<DrillErased>(streams.GetStream<DrillErased>(LiveStreams.Drills(topology.City.Id)),
            _ => RestartDrills(stoppingToken).Ignore()));
        try
        {
            // Until the first complete start the view would show zeros, so the start is retried until it succeeds.
            await UntilDone(Reconcile, stoppingToken);
            using var timer = new PeriodicTimer(options.Value.ReconcileInterval);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await TryReconcile(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            foreach (var subscription in _subscriptions)
            {
                await subscription.Close();
            }
        }
    }

    /// <summary>The streams first, then what the read model and the city grain hold.</summary>
    private async Task Reconcile(CancellationToken cancellationToken)
    {
        foreach (var subscription in _subscriptions)
        {
            await subscription.Ensure();
        }
        bool drillsStale;
        await _reloading.WaitAsync(cancellationToken);
        try
        {
            await Reload(views.County, CaseSet.County, cancellationToken);
            drillsStale = await Reload(views.Drills, CaseSet.AllDrills, cancellationToken);
        }
        finally
        {
            _reloading.Release();
        }
        if (drillsStale)
        {
            await RestartDrills(cancellationToken);
        }
        modes.Offer(await client.GetGrain<ICityGrain>(topology.City.Id).GetModes());
    }

    /// <summary>Folds in what the read model holds of the view's cases; true when an open case of the view is gone from it.</summary>
    private async Task<bool> Reload(LiveCounty view, CaseSet cases, CancellationToken cancellationToken)
    {
        var reload = view.BeginReload();
        var current = await readModel.SelectCurrent(reload.Since, cases, cancellationToken);
        view.Apply(current);
        var gone = false;
        foreach (var id in view.OpenNotIn(current).Take(MostReadAgain))
        {
            if (await readModel.Find(id, cancellationToken) is { } found)
            {
                view.Apply([found]);
            }
            else
            {
                gone = true;
            }
        }
        view.EndReload(reload);
        return gone;
    }

    /// <summary>A drill was erased: the drill view starts empty and reads the whole day of what is left.</summary>
    private async Task RestartDrills(CancellationToken cancellationToken)
    {
        await _reloading.WaitAsync(cancellationToken);
        try
        {
            await UntilDone(async attempt =>
            {
                await Reload(views.RestartDrills(), CaseSet.AllDrills, attempt);
                views.DrillsLoaded();
            }, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            _reloading.Release();
        }
    }

    private async Task TryReconcile(CancellationToken cancellationToken)
    {
        try
        {
            await Reconcile(cancellationToken);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            LogReconcileFailed(failure);
        }
    }

    /// <summary>Retries the start until it succeeds: the cluster or the database may still be coming up.</summary>
    private async Task UntilDone(Func<CancellationToken, Task> step, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                await step(cancellationToken);
                return;
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                LogStartRetry(failure);
                await Task.Delay(RetryDelay, cancellationToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live view: the start failed; retrying")]
    private partial void LogStartRetry(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live view: reconciling with the read model failed; the next round will try again")]
    private partial void LogReconcileFailed(Exception exception);
}
