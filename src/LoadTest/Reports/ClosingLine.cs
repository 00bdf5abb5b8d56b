using System.Globalization;

namespace GridActors.LoadTest.Reports;

/// <summary>
/// The event drill's last line on stdout (docs/API.md "Drills"), in exactly this shape:
/// <c>drill: events=N closed=N lost=L duplicates=D throughput=X ack_p50=…ms ack_p99=…ms push_p99=…ms peak_rss=…MB</c>.
/// A figure that was not measured reads <c>n/a</c>: no dashboard watched, or the Api's memory could not be read.
/// </summary>
public static class ClosingLine
{
    public const string NotMeasured = "n/a";

    public static string Format(DrillReport report)
    {
        var (totals, ack) = (report.Totals, report.Ack);
        var push = report.Push is { } p ? Ms(p.P99Ms, "F0") : NotMeasured;
        var rss = totals.PeakRssMb is { } mb ? $"{mb.ToString("F0", CultureInfo.InvariantCulture)}MB" : NotMeasured;
        return string.Create(CultureInfo.InvariantCulture,
            $"drill: events={totals.Events} closed={totals.Closed} lost={totals.Lost} duplicates={totals.Duplicates} " +
            $"throughput={totals.Throughput:F1} ack_p50={Ms(ack.P50Ms, "F2")} ack_p99={Ms(ack.P99Ms, "F2")} push_p99={push} peak_rss={rss}");
    }

    private static string Ms(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture) + "ms";
}
