using System.CommandLine;
using GridActors.LoadTest.Cli;

namespace GridActors.LoadTest;

/// <summary><c>LoadTest storage …</c>: the options of the storage drill, which talks to PostgreSQL directly.</summary>
public sealed class StorageDrillSyntax
{
    private readonly Option<string?> _postgres = DrillOption.Text("--postgres", "Connection string of a PostgreSQL database the drill may fill.", required: true);
    private readonly Option<int> _writes = DrillOption.Count("--writes", 20_000, "Event states written a phase.");
    private readonly Option<int> _concurrency = DrillOption.Count("--concurrency", 256, "Concurrent callers.");
    private readonly Option<int> _rounds = DrillOption.Count("--rounds", 3, "Rounds of both providers.");
    private readonly Option<int> _warmup = DrillOption.Count("--warmup", 10_000, "Writes before anything counts.", minimum: 0);
    private readonly Option<int> _sample = DrillOption.Count("--sample", 500, "Writes read back and compared (at most --writes).");
    private readonly Option<string?> _report = DrillOption.Text("--report", "Markdown report file.");

    public StorageDrillSyntax() => Command = new(StorageDrillOptions.Command, "ADO.NET provider against group commit on a PostgreSQL of its own.")
    {
        _postgres, _writes, _concurrency, _rounds, _warmup, _sample, _report,
    };

    public Command Command { get; }

    public StorageDrillOptions Bind(ParseResult parsed)
    {
        var writes = parsed.GetValue(_writes);
        return new StorageDrillOptions(
            parsed.GetValue(_postgres)!,
            writes,
            parsed.GetValue(_concurrency),
            parsed.GetValue(_rounds),
            parsed.GetValue(_warmup),
            Math.Min(writes, parsed.GetValue(_sample)),
            parsed.GetValue(_report));
    }
}
