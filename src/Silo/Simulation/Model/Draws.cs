namespace GridActors.Silo.Simulation.Model;

/// <summary>The few distributions the simulation draws from, on a seeded <see cref="Random"/>.</summary>
public static class Draws
{
    public static bool Chance(this Random random, double probability) => random.NextDouble() < probability;

    /// <summary>
    /// A log-normal duration with the given median and shape: most cases near the median, a long tail of slow
    /// ones, never negative — how handling times are spread.
    /// </summary>
    public static TimeSpan LogNormal(this Random random, TimeSpan median, double sigma) =>
        median * Math.Exp(sigma * random.StandardNormal());

    /// <summary>How many of a Poisson stream arrive in a stretch that expects <paramref name="mean"/>.</summary>
    public static int Poisson(this Random random, double mean)
    {
        if (mean <= 0)
        {
            return 0;
        }
        if (mean > 50)
        {
            // The normal approximation is within a fraction of a percent here, and costs one draw.
            return Math.Max(0, (int)Math.Round(mean + Math.Sqrt(mean) * random.StandardNormal()));
        }
        var limit = Math.Exp(-mean);
        var count = 0;
        for (var product = random.NextDouble(); product > limit; product *= random.NextDouble())
        {
            count++;
        }
        return count;
    }

    /// <summary>One of <paramref name="items"/>, each as likely as its weight.</summary>
    public static T Weighted<T>(this Random random, IReadOnlyList<(T Item, double Weight)> items)
    {
        var total = 0.0;
        foreach (var (_, weight) in items)
        {
            total += weight;
        }
        var pick = random.NextDouble() * total;
        foreach (var (item, weight) in items)
        {
            pick -= weight;
            if (pick < 0)
            {
                return item;
            }
        }
        return items[^1].Item;
    }

    private static double StandardNormal(this Random random)
    {
        // Box–Muller; 1 - NextDouble() is never 0, so the logarithm is finite.
        var u = 1 - random.NextDouble();
        var v = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v);
    }
}
