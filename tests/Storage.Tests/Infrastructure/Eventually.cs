namespace GridActors.Storage.Tests.Infrastructure;

/// <summary>
/// Reads something again and again until it shows what one-way messages, timers and start-up work make
/// true a moment later; returns the last reading either way, for the test to assert on.
/// </summary>
public static class Eventually
{
    public static async Task<T> Until<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(20));
        var value = await read();
        while (!done(value) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            value = await read();
        }
        return value;
    }
}
