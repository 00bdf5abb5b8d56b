using System.Globalization;

namespace GridActors.LoadTest.Soak;

/// <summary>One row of the soak's record: the system as it was at <see cref="Seconds"/> into the run.</summary>
public sealed record SoakSample(
    double Seconds, long Started, long Closed, int InFlight, int Failures, double P50Ms, double P99Ms,
    double? ResidentMb, long? Activations, long? Connections)
{
    public const string Header = "seconds,started,closed,in_flight,failed_attempts,p50_ms,p99_ms,resident_mb,activations,pg_connections";

    public string Csv() => string.Join(',',
        F(Seconds), Started, Closed, InFlight, Failures, F(P50Ms), F(P99Ms), ResidentMb is { } mb ? F(mb) : "", Activations, Connections);

    private static string F(double value) => value.ToString("F1", CultureInfo.InvariantCulture);
}
