namespace GridActors.LoadTest.Reports;

/// <summary>How the drill was run: the exact command line, the build, the machine, when, against what and how.</summary>
public sealed record DrillHeader(
    string CommandLine,
    string Commit,
    MachineInfo Machine,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    string BaseUrl,
    string Mode,
    string DrillId,
    int Concurrency,
    int? Rate,
    int Dashboards,
    bool Loop,
    string MemorySource);
