namespace GridActors.LoadTest;

/// <summary>
/// The command line of the storage drill: <c>storage --postgres "Host=…" [--writes N] [--concurrency C]
/// [--rounds R] [--warmup W] [--sample S] [--report report.md]</c>.
/// </summary>
public sealed record StorageDrillOptions(
    string ConnectionString, int Writes, int Concurrency, int Rounds, int Warmup, int Sample, string? ReportPath)
{
    public const string Command = "storage";

    public const string Usage =
        "usage: dotnet LoadTest.dll storage --postgres \"Host=127.0.0.1;Port=5432;Username=postgres;Database=drill\" " +
        "[--writes 20000] [--concurrency 256] [--rounds 3] [--warmup 10000] [--sample 500] [--report report.md]";

    private static readonly string[] Known = ["postgres", "writes", "concurrency", "rounds", "warmup", "sample", "report"];

    public static StorageDrillOptions Parse(IReadOnlyList<string> args)
    {
        var values = CommandLine.Pairs(args, Known);
        var writes = CommandLine.Count(values, "writes", 20_000, minimum: 1);
        return new StorageDrillOptions(
            values.GetValueOrDefault("postgres") ?? throw new ArgumentException("--postgres <connection string> is required."),
            writes,
            CommandLine.Count(values, "concurrency", 256, minimum: 1),
            CommandLine.Count(values, "rounds", 3, minimum: 1),
            CommandLine.Count(values, "warmup", 10_000, minimum: 0),
            Math.Min(writes, CommandLine.Count(values, "sample", 500, minimum: 1)),
            values.GetValueOrDefault("report"));
    }
}
