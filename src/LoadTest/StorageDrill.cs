using GridActors.Grains.Topology;

namespace GridActors.LoadTest;

/// <summary>
/// Durable event-state writes through the Orleans ADO.NET provider and through group commit, in one process and
/// one run, so the two figures can be set side by side. Each round runs both providers one after the other, so
/// the machine's noise falls on both alike, and medians over the rounds are reported.
/// </summary>
public sealed class StorageDrill(StorageDrillOptions options)
{
    public const string AdoNet = "adonet";
    public const string GroupCommit = "group-commit";

    public async Task<StorageDrillResult> RunAsync(CancellationToken cancellationToken)
    {
        await using var host = await StorageHost.StartAsync(options.ConnectionString, cancellationToken);
        var samples = new EventStateSamples(CountyTopology.LoadEmbedded());
        StorageWorkload[] providers =
        [
            new(AdoNet, host.AdoNet, host.Serializer, samples, options.Concurrency, options.Sample),
            new(GroupCommit, host.GroupCommit, host.Serializer, samples, options.Concurrency, options.Sample),
        ];
        var payloadBytes = (
            First: host.Serializer.Serialize(samples.Dispatched(0)).ToMemory().Length,
            Update: host.Serializer.Serialize(EventStateSamples.Started(samples.Dispatched(0))).ToMemory().Length);
        Console.WriteLine(
            $"payload: {payloadBytes.First} bytes first write, {payloadBytes.Update} bytes update; service id {host.ServiceId}");

        // JIT, connection pools and the first statements' plans, for both providers, before anything counts.
        var warmup = new List<ProviderPhase>();
        if (options.Warmup > 0)
        {
            foreach (var provider in providers)
            {
                warmup.AddRange(await RunOne(provider, 0, options.Warmup, cancellationToken));
            }
        }

        var measured = new List<ProviderPhase>();
        for (var round = 1; round <= options.Rounds; round++)
        {
            foreach (var provider in providers)
            {
                measured.AddRange(await RunOne(provider, round, options.Writes, cancellationToken));
            }
        }

        var removed = await host.RemoveDrillRowsAsync(cancellationToken);
        Console.WriteLine($"removed the drill's {removed:N0} rows");
        return new StorageDrillResult(options, payloadBytes.First, payloadBytes.Update, warmup, measured);
    }

    private static async Task<IReadOnlyList<ProviderPhase>> RunOne(
        StorageWorkload provider, int round, int writes, CancellationToken cancellationToken)
    {
        Console.WriteLine(round == 0 ? $"warm-up, {provider.Provider}:" : $"round {round}, {provider.Provider}:");
        var phases = await provider.RunAsync(round, writes, cancellationToken);
        foreach (var phase in phases)
        {
            Console.WriteLine(StorageDrillResult.RoundLine(phase));
            foreach (var failure in phase.Failures)
            {
                Console.Error.WriteLine($"  error: {failure}");
            }
        }
        return phases;
    }
}
