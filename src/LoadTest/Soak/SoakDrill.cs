using System.Diagnostics;
using GridActors.LoadTest.Faults;

namespace GridActors.LoadTest.Soak;

/// <summary>
/// A steady day, long: cases start at a fixed rate whatever the answers do (an open loop, as reports arrive in a
/// county), each carried through the whole loop, while the system is sampled every few seconds. What it asks
/// is whether memory, activations, connections and latency level off or keep growing.
/// </summary>
public sealed class SoakDrill(SoakOptions options, CaseJourney journey, PatientRequests requests, WindowedLatency latency, SystemProbe probe)
{
    private static readonly TimeSpan LaunchTick = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan DrainWithin = TimeSpan.FromMinutes(2);

    private readonly CancellationTokenSource _stopSampling = new();
    private long _started;
    private long _closed;
    private long _shed;
    private long _failed;
    private int _inFlight;

    public List<SoakSample> Samples { get; } = [];

    /// <summary>Cases not started because too many were still in flight: the system had fallen behind the rate.</summary>
    public long Shed => Interlocked.Read(ref _shed);

    public long Closed => Interlocked.Read(ref _closed);

    public long Started => Interlocked.Read(ref _started);

    /// <summary>Cases whose journey threw instead of ending: a bug of the drill or an answer it could not read.</summary>
    public long Failed => Interlocked.Read(ref _failed);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var inFlightLimit = options.Rate * 20;
        var clock = Stopwatch.StartNew();
        await using var csv = new StreamWriter(options.Samples) { AutoFlush = true };
        await csv.WriteLineAsync(SoakSample.Header);
        var sampling = Sample(clock, csv, cancellationToken);

        using var ticks = new PeriodicTimer(LaunchTick);
        var index = 0;
        while (clock.Elapsed < options.Warmup + options.Duration && await ticks.WaitForNextTickAsync(cancellationToken))
        {
            var due = (long)DueBy(clock.Elapsed) - Interlocked.Read(ref _started) - Shed;
            for (; due > 0; due--)
            {
                if (Volatile.Read(ref _inFlight) >= inFlightLimit)
                {
                    Interlocked.Increment(ref _shed);
                    continue;
                }
                Launch(index++, cancellationToken);
            }
        }
        var drainUntil = clock.Elapsed + DrainWithin;
        while (Volatile.Read(ref _inFlight) > 0 && clock.Elapsed < drainUntil)
        {
            await Task.Delay(250, cancellationToken);
        }
        _stopSampling.Cancel();
        await sampling;
    }


    /// <summary>Cases to have started by <paramref name="elapsed"/>: a linear ramp over the warm-up, then the rate.</summary>
    private double DueBy(TimeSpan elapsed)
    {
        var warmup = options.Warmup.TotalSeconds;
        var t = elapsed.TotalSeconds;
        return t < warmup ? options.Rate * t * t / (2 * warmup) : options.Rate * (t - warmup / 2);
    }

    private void Launch(int index, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _started);
        Interlocked.Increment(ref _inFlight);
        _ = Task.Run(async () =>
        {
            try
            {
                if (await journey.Carry(index, _ => { }, cancellationToken) is { Finished: true })
                {
                    Interlocked.Increment(ref _closed);
                }
            }
            catch (Exception failure)
            {
                if (Interlocked.Increment(ref _failed) == 1)
                {
                    Console.Error.WriteLine($"  a case's journey failed: {failure}");
                }
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
            }
        }, cancellationToken);
    }

    private async Task Sample(Stopwatch clock, StreamWriter csv, CancellationToken cancellationToken)
    {
        using var ticks = new PeriodicTimer(options.SampleEvery);
        var retriesBefore = 0;
        try
        {
            while (await ticks.WaitForNextTickAsync(_stopSampling.Token))
            {
                var (p50, p99) = latency.TakeWindow();
                var retries = requests.Retries;
                var sample = new SoakSample(clock.Elapsed.TotalSeconds, Interlocked.Read(ref _started), Closed, Volatile.Read(ref _inFlight),
                    retries - retriesBefore, p50, p99, probe.ResidentMb(), await probe.Activations(cancellationToken), await probe.Connections(cancellationToken));
                retriesBefore = retries;
                Samples.Add(sample);
                await csv.WriteLineAsync(sample.Csv());
                Console.WriteLine($"  {sample.Seconds,6:F0} s  closed {sample.Closed,8:N0}  in flight {sample.InFlight,5}  p50 {p50,6:F1} ms  p99 {p99,6:F1} ms" +
                    $"  rss {sample.ResidentMb,7:F0} MB  activations {sample.Activations}  connections {sample.Connections}");
            }
        }
        catch (OperationCanceledException) when (_stopSampling.IsCancellationRequested)
        {
            // The run is over.
        }
    }
}
