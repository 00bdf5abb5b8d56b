namespace GridActors.LoadTest.Faults;

/// <summary>
/// The command line of <c>LoadTest fault …</c>: the whole loop under faults that <c>scripts/fault-drill.sh</c>
/// injects, then an audit of everything acknowledged against the Api and the database.
/// </summary>
public sealed record FaultDrillOptions(
    Uri BaseUrl, string Postgres, int Cases, int Concurrency, int Dashboards, string? FaultLog, string? ProgressFile, TimeSpan Patience,
    int ExpectedFaults)
{
    public const string Command = "fault";

    public const string Usage =
        "usage: dotnet run --project src/LoadTest -- fault --postgres \"Host=…;Database=…\" [--url http://127.0.0.1:5080] " +
        "[--cases 50000] [--concurrency 64] [--dashboards 4] [--faults faults.log --expect-faults 3] [--progress progress.txt] [--patience-seconds 180]";

    private static readonly string[] Known = ["url", "postgres", "cases", "concurrency", "dashboards", "faults", "expect-faults", "progress", "patience-seconds"];

    public static FaultDrillOptions Parse(IReadOnlyList<string> args)
    {
        var values = CommandLine.Pairs(args, Known);
        return new FaultDrillOptions(
            CommandLine.Url(values),
            values.GetValueOrDefault("postgres") ?? throw new ArgumentException("--postgres is required: the audit reads the database."),
            CommandLine.Count(values, "cases", 50_000),
            CommandLine.Count(values, "concurrency", 64),
            CommandLine.Count(values, "dashboards", 4, minimum: 0),
            values.GetValueOrDefault("faults"),
            values.GetValueOrDefault("progress"),
            TimeSpan.FromSeconds(CommandLine.Count(values, "patience-seconds", 180)),
            CommandLine.Count(values, "expect-faults", 0, minimum: 0));
    }
}
