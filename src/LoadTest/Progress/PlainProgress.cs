namespace GridActors.LoadTest.Progress;

/// <summary>
/// For output that is not a terminal (CI, <c>| tee</c>, a script's log): one plain line every few seconds, which
/// reads well in a file, where a live display would leave a mess of escape codes.
/// </summary>
public sealed class PlainProgress(TextWriter output, TimeSpan every) : IProgressDisplay
{
    public async Task RunAsync(Func<ProgressSnapshot> snapshot, CancellationToken done)
    {
        using var ticks = new PeriodicTimer(every);
        try
        {
            while (await ticks.WaitForNextTickAsync(done))
            {
                await output.WriteLineAsync(snapshot().PlainLine());
            }
        }
        catch (OperationCanceledException) when (done.IsCancellationRequested)
        {
        }
    }
}
