using System.Diagnostics;
using System.Globalization;
using GridActors.LoadTest.Metrics;

namespace GridActors.LoadTest.Storm;

/// <summary>
/// A plain line every few seconds while the storm is sent: alarms so far, the intake since the last line, batch
/// p99, retries and failed batches. Plain, not a live table, since the bench script's log is a file.
/// </summary>
public sealed class StormProgress(int planned, LatencyMeter batchLatency, AlarmFeed feed, FailureLog errors)
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(5);

    private int _sent;

    public int Sent => Volatile.Read(ref _sent);

    public void Answered(int alarms) => Interlocked.Add(ref _sent, alarms);

    public async Task RunAsync(CancellationToken done)
    {
        var clock = Stopwatch.StartNew();
        var before = 0;
        using var ticks = new PeriodicTimer(Every);
        try
        {
            while (await ticks.WaitForNextTickAsync(done))
            {
                var sent = Sent;
                // Rolling here is what moves the lanes' recordings into the whole run that the summary reads.
                var interval = batchLatency.Roll();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {clock.Elapsed.TotalSeconds,5:F0}s storm: {sent:N0}/{planned:N0} alarms, {(sent - before) / Every.TotalSeconds:F0}/s, " +
                    $"batch p99 {interval.P99Ms:F0} ms, retries {feed.Retries}, failed batches {errors.Count}"));
                before = sent;
            }
        }
        catch (OperationCanceledException) when (done.IsCancellationRequested)
        {
        }
    }
}
