namespace GridActors.Grains.Tests.Cluster;

/// <summary>Polls a condition that one-way messages make true a moment after the call that caused them.</summary>
public static class Eventually
{
    public static async Task<bool> Holds(Func<Task<bool>> condition, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(10));
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return true;
            }
            await Task.Delay(20);
        }
        return await condition();
    }
}
