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

    public const string Usage =
        "usage: dotnet run --project src/LoadTest -- soak [--url http://127.0.0.1:5080] [--rate 300] [--minutes 30] " +
        "[--sample-seconds 10] [--dashboards 4] [--samples soak.csv] [--api-pid PID] [--postgres \"Host=…\"] [--max-growth-percent 25] [--warmup-seconds 120]";

    private static readonly string[] Known = ["url", "rate", "minutes", "sample-seconds", "dashboards", "samples", "api-pid", "postgres", "max-growth-percent", "warmup-seconds"];

    public static SoakOptions Parse(IReadOnlyList<string> args)
    {
        var values = CommandLine.Pairs(args, Known);
        return new SoakOptions(
            CommandLine.Url(values),
            CommandLine.Count(values, "rate", 300),
            TimeSpan.FromMinutes(CommandLine.Count(values, "minutes", 30)),
            TimeSpan.FromSeconds(CommandLine.Count(values, "sample-seconds", 10)),
            CommandLine.Count(values, "dashboards", 4, minimum: 0),
            values.GetValueOrDefault("samples", "soak.csv"),
            values.ContainsKey("api-pid") ? CommandLine.Count(values, "api-pid", 0) : null,
            values.GetValueOrDefault("postgres"),
            1 + CommandLine.Count(values, "max-growth-percent", 25, minimum: 0) / 100.0,
            TimeSpan.FromSeconds(CommandLine.Count(values, "warmup-seconds", 120, minimum: 0)));
    }
}
