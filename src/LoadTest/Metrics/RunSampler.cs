using System.Diagnostics;

namespace GridActors.LoadTest.Metrics;

/// <summary>
/// Once a second during the drill: rolls the latency meters, asks the Api's memory, and keeps a sample in the
/// series. The live display shows the latest sample; the report draws the series.
/// </summary>
public sealed class RunSampler(RunState state, ApiMemoryProbe memory, bool dashboards, SampleSeries series) : IAsyncDisposable
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly CancellationTokenSource _stop = new();
    private Task _sampling = Task.CompletedTask;
    private DrillSample? _previous;

    public TimeSpan Elapsed => _clock.Elapsed;

    public DrillSample? Latest => Volatile.Read(ref _previous);

    public SampleSeries Series => series;

    public void Start() => _sampling = Run(_stop.Token);

    /// <summary>Stops, taking one last sample, so the series ends where the run did.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        await SampleAsync(force: true, CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        _stop.Dispose();
    }

    private async Task Run(CancellationToken stopping)
    {
        using var ticks = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await ticks.WaitForNextTickAsync(stopping))
            {
                await SampleAsync(force: false, stopping);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    private async Task SampleAsync(bool force, CancellationToken cancellationToken)
    {
        var (ack, push) = state.Meters.RollAll();
        var resident = await memory.SampleAsync(cancellationToken);
        var seconds = _clock.Elapsed.TotalSeconds;
        var previous = _previous;
        var span = Math.Max(0.001, seconds - (previous?.Seconds ?? 0));
        var sample = new DrillSample(
            seconds, state.Reported, state.Closed, state.Errors, state.Open,
            (state.Reported - (previous?.Reported ?? 0)) / span,
            (state.Closed - (previous?.Closed ?? 0)) / span,
            ack.Count > 0 ? ack.P99Ms : null,
            dashboards && push.Count > 0 ? push.P99Ms : null,
            resident);
        Volatile.Write(ref _previous, sample);
        if (force || series.Due(seconds))
        {
            series.Add(sample);
        }
    }
}
