namespace GridActors.LoadTest.Metrics;

/// <summary>
/// The report's time series in bounded memory: a sample a second until <see cref="Capacity"/> are held, then every
/// other one is dropped and samples are taken half as often, so a drill of any length keeps at most that many,
/// evenly spread over the whole run.
/// </summary>
public sealed class SampleSeries(int capacity = 2_000)
{
    private readonly List<DrillSample> _samples = [];
    private readonly Lock _changing = new();

    public int Capacity => capacity;

    /// <summary>Seconds between the samples kept from now on.</summary>
    public double Every { get; private set; } = 1;

    /// <summary>True when a sample at <paramref name="seconds"/> would be kept.</summary>
    public bool Due(double seconds)
    {
        lock (_changing)
        {
            // A hair early still counts: a timer's tick a few milliseconds before the second must not skip it.
            return _samples.Count == 0 || seconds >= _samples[^1].Seconds + Every - 0.05;
        }
    }

    public void Add(DrillSample sample)
    {
        lock (_changing)
        {
            _samples.Add(sample);
            if (_samples.Count < capacity)
            {
                return;
            }
            var kept = _samples.Where((_, i) => i % 2 == 0).ToList();
            _samples.Clear();
            _samples.AddRange(kept);
            Every *= 2;
        }
    }

    public IReadOnlyList<DrillSample> Snapshot()
    {
        lock (_changing)
        {
            return [.. _samples];
        }
    }
}
