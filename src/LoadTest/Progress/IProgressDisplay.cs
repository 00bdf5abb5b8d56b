namespace GridActors.LoadTest.Progress;

/// <summary>Shows the drill's progress until the drill is done; chosen by whether stdout is a terminal.</summary>
public interface IProgressDisplay
{
    /// <summary>Runs until <paramref name="done"/> is cancelled, showing what <paramref name="snapshot"/> reads.</summary>
    Task RunAsync(Func<ProgressSnapshot> snapshot, CancellationToken done);
}
