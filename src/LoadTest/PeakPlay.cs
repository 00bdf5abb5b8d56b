using GridActors.LoadTest.Cases;
using GridActors.LoadTest.Metrics;

namespace GridActors.LoadTest;

/// <summary>
/// Peak mode, the county's worst hour replayed: every report as fast as the lanes go, then every acknowledged case
/// through the loop, one case in twenty reworked once.
/// </summary>
public sealed class PeakPlay(DrillOptions options, RunState state, ReportSender sender, CaseLoop loop)
{
    private const int ReworkEvery = 20;

    /// <summary>Seconds the reports took: the rate reached is reports over this.</summary>
    public double ReportingSeconds { get; private set; }

    /// <summary>Runs both phases; <paramref name="betweenPhases"/> runs after the reports (the dashboards settle then).</summary>
    public async Task RunAsync(Func<Task> betweenPhases, CancellationToken cancellationToken)
    {
        var events = options.Events!.Value;
        state.Phase = "reports";
        var began = System.Diagnostics.Stopwatch.GetTimestamp();
        await Lanes.RunAsync(events, options.Concurrency, index => sender.SendOne(index, null, cancellationToken), cancellationToken);
        ReportingSeconds = System.Diagnostics.Stopwatch.GetElapsedTime(began).TotalSeconds;
        await betweenPhases();
        if (!options.Loop)
        {
            return;
        }
        state.Phase = "loop";
        await Lanes.RunAsync(events, options.Concurrency, index =>
            sender.Acknowledged.TryGetValue(index, out var @case)
                ? loop.Carry(@case, index % ReworkEvery == 0, null, cancellationToken)
                : Task.CompletedTask,
            cancellationToken);
    }
}
