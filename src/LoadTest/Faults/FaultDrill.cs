using System.Collections.Concurrent;
using System.Diagnostics;

namespace GridActors.LoadTest.Faults;

/// <summary>
/// The whole loop under faults: each lane carries one case at a time all the way through
/// (<see cref="CaseJourney"/>), so that every moment of the run has reports and actions in flight when a fault
/// strikes. It keeps what was acknowledged for the audit, and writes its progress for the script that
/// injects the faults.
/// </summary>
public sealed class FaultDrill(FaultDrillOptions options, CaseJourney journey, PatientRequests requests)
{
    private readonly Lock _reporting = new();
    private int _finished;

    public ConcurrentDictionary<int, AckedCase> Acked { get; } = new();

    public CaseJourney Journey => journey;

    public TimeSpan Elapsed { get; private set; }

    /// <summary>When the run began and ended: a fault counts only if it struck in between.</summary>
    public (DateTimeOffset From, DateTimeOffset To) Window { get; private set; }

    public int Finished => Volatile.Read(ref _finished);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var next = -1;
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var progress = new Timer(_ => Report(clock), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        await Task.WhenAll(Enumerable.Range(0, options.Concurrency).Select(_ => Task.Run(async () =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < options.Cases)
            {
                var @case = await journey.Carry(index, acked => Acked[acked.Index] = acked, cancellationToken);
                if (@case is { Finished: true })
                {
                    Interlocked.Increment(ref _finished);
                }
            }
        }, cancellationToken)));
        Elapsed = clock.Elapsed;
        Window = (started, DateTimeOffset.UtcNow);
        await progress.DisposeAsync();
        Report(clock);
    }

    /// <summary>One report at a time: the timer's callbacks may overlap each other and the last report.</summary>
    private void Report(Stopwatch clock)
    {
        lock (_reporting)
        {
            WriteProgress(clock);
        }
    }

    private void WriteProgress(Stopwatch clock)
    {
        Console.WriteLine($"  closed {Finished,7:N0} of {options.Cases:N0}  acknowledged {Acked.Count,7:N0}  retries {requests.Retries:N0}");
        if (options.ProgressFile is { } path)
        {
            // Written whole and moved into place, so the script never reads half a line.
            File.WriteAllText(path + ".tmp", $"{Finished} {options.Cases} {Acked.Count} {requests.Retries} {clock.Elapsed.TotalSeconds:F0}");
            File.Move(path + ".tmp", path, overwrite: true);
        }
    }
}
