namespace GridActors.LoadTest.Soak;

/// <summary>
/// The command line of <c>LoadTest soak …</c>: cases started at a steady rate, each through the whole loop, for
/// a fixed time, with a sample of the system every few seconds. The rate first ramps up from nothing over the
/// warm-up, which is sampled but not compared: a cold process (JIT, first activations, empty pools) hit at once
/// by the full rate falls behind for a minute, and that backlog would hide growth behind a slow start.
/// </summary>
public sealed record SoakOptions(
    Uri BaseUrl, int Rate, TimeSpan Duration, TimeSpan SampleEvery, int Dashboards, string Samples, int? ApiPid, string? Postgres,
    double MaxGrowth, TimeSpan Warmup)
{
    public const string Command = "soak";
}
