namespace GridActors.LoadTest;

/// <summary>Items 0 to count-1 taken in turn by a fixed number of lanes, each running one item at a time: the peak's load.</summary>
public static class Lanes
{
    public static Task RunAsync(int count, int lanes, Func<int, Task> work, CancellationToken cancellationToken)
    {
        var next = -1;
        return Task.WhenAll(Enumerable.Range(0, lanes).Select(_ => Task.Run(async () =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < count)
            {
                await work(index);
            }
        }, cancellationToken)));
    }
}
