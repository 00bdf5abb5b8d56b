namespace GridActors.LoadTest;

/// <summary>
/// The command line of the storage drill: <c>storage --postgres "Host=…" [--writes N] [--concurrency C]
/// [--rounds R] [--warmup W] [--sample S] [--report report.md]</c>.
/// </summary>
public sealed record StorageDrillOptions(
    string ConnectionString, int Writes, int Concurrency, int Rounds, int Warmup, int Sample, string? ReportPath)
{
    public const string Command = "storage";
}
