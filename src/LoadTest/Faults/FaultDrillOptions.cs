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
}
