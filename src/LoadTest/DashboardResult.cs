namespace GridActors.LoadTest;

/// <summary>
/// What the dashboards saw of a drill's reports (see <see cref="DashboardWatch"/>): delta messages a second per
/// city dashboard while the reports came in and the busiest second; how many markers went to the marker grid and
/// how many its dashboard showed (their delays are the drill's push meter); how far behind the count of 201s the city tiles' count ran; and the time
/// from the last report to every city dashboard's tiles showing the county's count (null if one never did).
/// </summary>
public sealed record DashboardResult(
    int Dashboards,
    double ReportSeconds,
    double MessagesPerSecond,
    int BusiestSecond,
    int Markers,
    int MarkersShown,
    double CountLagP50Ms,
    double? LastStateAfterMs);
