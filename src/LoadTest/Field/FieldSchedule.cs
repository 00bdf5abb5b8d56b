namespace GridActors.LoadTest.Field;

/// <summary>
/// The county as people play it, drawn from a seed so that two runs play the same day: reports arriving at random
/// (exponential gaps) at <c>rate</c> a second on average — mostly workers' single reports, some cameras, now and
/// then a feed's batch of 5 to 20 — and for each case the minutes people take, shrunk to seconds: the command
/// centre routing it, the worker starting and resolving, the operator verifying; one case in twenty fails its
/// verification and is reworked.
/// </summary>
public sealed class FieldSchedule(int events, int rate, int seed = 14)
{
    /// <summary>Shares of the arrivals (not of the reports: a batch carries many).</summary>
    public const double BatchShare = 0.02;
    public const double CameraShare = 0.15;
    public const int SmallestBatch = 5;
    public const int LargestBatch = 20;
    public const int ReworkEvery = 20;

    public int Events => events;

    public int Rate => rate;

    public IEnumerable<Arrival> Arrivals()
    {
        var random = new Random(seed);
        var at = 0.0;
        for (var index = 0; index < events;)
        {
            var draw = random.NextDouble();
            var (kind, count) = draw < BatchShare
                ? (ArrivalKind.Batch, Math.Min(events - index, random.Next(SmallestBatch, LargestBatch + 1)))
                : (draw < BatchShare + CameraShare ? ArrivalKind.Camera : ArrivalKind.Worker, 1);
            // A batch of k takes the time of k reports, so the mean rate holds whatever the mix.
            for (var i = 0; i < count; i++)
            {
                at += -Math.Log(1 - random.NextDouble()) / rate;
            }
            yield return new Arrival(at, kind, index, count);
            index += count;
        }
    }

    public bool Rework(int index) => Draw(index, 0) < 1.0 / ReworkEvery;

    /// <summary>How long people take before <paramref name="action"/> of case <paramref name="index"/>.</summary>
    public TimeSpan Think(int index, string action)
    {
        var (shortest, longest) = action switch
        {
            "accept" or "dispatch" => (0.2, 1.0),
            "start" => (0.5, 2.0),
            "resolve" => (1.0, 3.0),
            _ => (0.5, 1.5),
        };
        return TimeSpan.FromSeconds(shortest + (longest - shortest) * Draw(index, action.Length + action[0]));
    }

    /// <summary>A number in [0, 1) fixed by the seed, the case and what it is for (not <c>HashCode</c>: that changes per process).</summary>
    private double Draw(int index, int purpose) => new Random(unchecked((seed * 1_000_003) + (index * 31) + purpose)).NextDouble();
}
