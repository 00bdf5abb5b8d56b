namespace GridActors.LoadTest.Reports;

/// <summary>
/// The drill's outcome. <see cref="Events"/> counts acknowledged reports (201) out of <see cref="Planned"/>;
/// <see cref="Lost"/> those whose case was not found (<see cref="NotFound"/>) or not closed (<see cref="NotClosed"/>)
/// at the end; <see cref="Duplicates"/> the cases beyond one per report; <see cref="Throughput"/> closed cases a
/// second over <see cref="RunSeconds"/> (the reports and the loop, without the wait for the dashboards to settle);
/// <see cref="PeakRssMb"/> the Api's peak resident memory, null when it could not be read.
/// </summary>
public sealed record DrillTotals(
    int Planned,
    long Events,
    long Closed,
    long Lost,
    long NotFound,
    long NotClosed,
    long Duplicates,
    long Unacknowledged,
    long Errors,
    double RunSeconds,
    double Throughput,
    double ReportsPerSecond,
    double? PeakRssMb,
    bool ApiMarksDrills,
    string? Cleanup);
