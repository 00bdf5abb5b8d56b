using GridActors.Grains.Interfaces.Topology;
using GridActors.Grains.Topology;
using Microsoft.Extensions.Logging;

namespace GridActors.Silo.Hosting;

/// <summary>
/// Brings the county to life once the silo is active: the city grain opens its townships, they open their
/// villages, down to every grid and worker, so the first report meets warm grains with their rosters loaded.
/// It runs beside start-up rather than inside it, and retries, because in a cluster the city grain may
/// be placed on a silo that is still joining.
/// </summary>
public sealed partial class CountyWarmup(
    IGrainFactory grains,
    CountyTopology topology,
    CountyReadiness readiness,
    ILogger<CountyWarmup> logger) : WorkOnceActive
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    protected override Task RunAsync(CancellationToken stopping) => OpenCountyAsync(stopping);

    private async Task OpenCountyAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                var counts = await grains.GetGrain<ICityGrain>(topology.City.Id).Open();
                readiness.MarkOpened(counts);
                LogOpened(counts.Townships, counts.Villages, counts.Grids, counts.Workers);
                return;
            }
            catch (Exception exception) when (!stopping.IsCancellationRequested)
            {
                LogRetry(exception);
                await Task.Delay(RetryDelay, stopping).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "County opened: {Townships} townships, {Villages} villages, {Grids} grids, {Workers} workers")]
    private partial void LogOpened(int townships, int villages, int grids, int workers);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Opening the county failed; retrying")]
    private partial void LogRetry(Exception exception);
}
