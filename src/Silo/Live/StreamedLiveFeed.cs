using GridActors.Grains.Interfaces.Live;
using GridActors.Grains.Interfaces.Topology;
using GridActors.Grains.Live;
using GridActors.Grains.ReadModel;
using GridActors.Grains.Topology;
using GridActors.Silo.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Streams;

namespace GridActors.Silo.Live;

/// <summary>
/// The silo's producer of live streams. Grains hand it every change in-process; each round it publishes the
/// newest version of every changed case as one batch per township, so a burst of thousands of changes a
/// second costs a few stream messages a second (the GPSTracker sample's notifier, for a whole silo).
/// </summary>
/// <remarks>
/// A batch that cannot be published is put back for the next round. What a silo holds when it dies is lost to
/// the dashboards, not to the county: each Api node reconciles its live view with the read model.
/// </remarks>
public sealed partial class StreamedLiveFeed(
    IClusterClient client,
    CountyTopology topology,
    ILogger<StreamedLiveFeed> logger) : WorkOnceActive, ILiveFeed
{
    /// <summary>Short against the Api's half-second rounds, long against the tens of changes a case makes a minute.</summary>
    public static readonly TimeSpan Round = TimeSpan.FromMilliseconds(250);

    private readonly Lock _gate = new();
    private Dictionary<string, EventSummary> _cases = new(StringComparer.Ordinal);
    private ModesView? _modes;
    private List<DrillErased> _erased = [];

    public void Publish(EventSummary summary)
    {
        lock (_gate)
        {
            if (!_cases.TryGetValue(summary.Id, out var known) || summary.Version > known.Version)
            {
                _cases[summary.Id] = summary;
            }
        }
    }

    public void Publish(ModesView modes)
    {
        lock (_gate)
        {
            _modes = modes;
        }
    }

    public void Publish(DrillErased erased)
    {
        lock (_gate)
        {
            _erased.Add(erased);
        }
    }

    protected override async Task RunAsync(CancellationToken stopping)
    {
        var streams = client.GetStreamProvider(LiveStreams.Provider);
        using var timer = new PeriodicTimer(Round);
        while (await WaitForRound(timer, stopping))
        {
            try
            {
                await PublishRound(streams);
            }
            catch (Exception failure) when (!stopping.IsCancellationRequested)
            {
                // TryPublish catches what a stream throws; this is for anything else, which must not end the loop.
                LogRoundFailed(failure);
            }
        }
    }

    private static async Task<bool> WaitForRound(PeriodicTimer timer, CancellationToken stopping)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stopping);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task PublishRound(IStreamProvider streams)
    {
        Dictionary<string, EventSummary> cases;
        ModesView? modes;
        List<DrillErased> erased;
        lock (_gate)
        {
            (cases, _cases) = (_cases, new(StringComparer.Ordinal));
            (modes, _modes) = (_modes, null);
            (erased, _erased) = (_erased, []);
        }
        List<Task> publishing = [];
        foreach (var drill in erased)
        {
            publishing.Add(TryPublish(streams.GetStream<DrillErased>(LiveStreams.Drills(topology.City.Id)), drill, () => Publish(drill)));
        }
        if (modes is not null)
        {
            publishing.Add(TryPublish(streams.GetStream<ModesView>(LiveStreams.County(topology.City.Id)), modes, PutBack));
        }
        // Townships side by side: one stream's queue on a silo that is going away must not hold up the rest.
        foreach (var township in cases.Values.GroupBy(c => c.TownshipId))
        {
            var batch = new CaseChanges([.. township]);
            publishing.Add(TryPublish(streams.GetStream<CaseChanges>(LiveStreams.Cases(township.Key)), batch, () =>
            {
                foreach (var summary in batch.Cases)
                {
                    Publish(summary);
                }
            }));
        }
        await Task.WhenAll(publishing);

        void PutBack()
        {
            lock (_gate)
            {
                // A switch published since is newer than this one.
                _modes ??= modes;
            }
        }
    }

    private async Task TryPublish<T>(IAsyncStream<T> stream, T item, Action putBack)
    {
        try
        {
            await stream.OnNextAsync(item);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            LogPublishFailed(failure, stream.StreamId.ToString());
            putBack();
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A live round failed; the next one goes on")]
    private partial void LogRoundFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live stream {Stream} refused a batch; it goes out with the next round")]
    private partial void LogPublishFailed(Exception exception, string stream);
}
