namespace GridActors.LoadTest;

/// <summary>
/// The command line of the default drill. <c>--events N</c> runs the event drill (N reports, each through the whole
/// loop unless <c>--loop false</c>); without it, <c>--requests N</c> runs the read drill. <c>--dashboards D</c> keeps
/// D live dashboards subscribed during the event drill. Every report of the event drill carries
/// <see cref="DrillId"/>, so that the Api can keep the drill out of the county's figures and erase it afterwards.
/// </summary>
public sealed record DrillOptions(
    Uri BaseUrl,
    int? Events,
    bool Loop,
    int Requests,
    int Concurrency,
    string? ReportPath,
    int Dashboards,
    DrillMode Mode,
    int Rate,
    string DrillId,
    bool Cleanup,
    int? ApiPid)
{
    /// <summary>The arguments exactly as given, for the report's header.</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>When the run was started: it names the default drill id and report.</summary>
    public DateTimeOffset StartedAt { get; init; }

    /// <summary>Where the event drill's report goes: the path asked for, or a fresh one under <c>drill-reports/</c>.</summary>
    public string HtmlReportPath => ReportPath ?? Path.Combine("drill-reports", $"drill-{StartedAt.UtcDateTime:yyyyMMdd-HHmmss}.html");
}
