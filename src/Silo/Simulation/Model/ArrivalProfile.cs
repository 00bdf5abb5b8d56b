namespace GridActors.Silo.Simulation.Model;

/// <summary>
/// How many reports the county expects in a stretch of time: a mean daily volume shaped by the hour of the day
/// (grid workers patrol in the day shift, 08:00–12:00 and 14:30–18:00, little at night), the day of the week
/// (weekends at about two thirds) and the platform's growth over the period (its use rose as workers and
/// departments joined: a linear ramp from 0.8 to 1.2 of the mean within the period, the mean outside it). The
/// shape is scaled so that the report's period expects exactly <see cref="ReportFigures.Reported"/> at its own
/// volume.
/// </summary>
public sealed class ArrivalProfile
{
    /// <summary>Relative activity by county hour, 00:00 to 23:00.</summary>
    private static readonly double[] HourWeights =
    [
        0.08, 0.05, 0.04, 0.04, 0.05, 0.10, 0.30, 0.70,
        1.60, 2.00, 2.00, 1.70, 0.70, 0.60, 1.30, 1.80,
        1.90, 1.60, 0.90, 0.60, 0.45, 0.35, 0.20, 0.12,
    ];

    /// <summary>Sunday first, as <see cref="DayOfWeek"/> counts.</summary>
    private static readonly double[] WeekdayWeights = [0.62, 1.08, 1.10, 1.08, 1.08, 1.04, 0.72];

    private const double GrowthFrom = 0.8;
    private const double GrowthTo = 1.2;

    private readonly double _perUnitWeight;

    /// <param name="reportsPerDay">The mean volume: the report's own (about 861 a day) calibrates to its total.</param>
    public ArrivalProfile(double reportsPerDay)
    {
        ReportsPerDay = reportsPerDay;
        var periodWeight = 0.0;
        for (var hour = ReportFigures.PeriodStart; hour < ReportFigures.PeriodEnd; hour = hour.AddHours(1))
        {
            periodWeight += Weight(hour);
        }
        // At the report's volume the period's weights add up to its total exactly.
        _perUnitWeight = reportsPerDay * ReportFigures.PeriodDays / periodWeight;
    }

    public double ReportsPerDay { get; }

    /// <summary>Reports expected from <paramref name="from"/> to <paramref name="to"/>, hour by hour.</summary>
    public double ExpectedBetween(DateTimeOffset from, DateTimeOffset to)
    {
        var expected = 0.0;
        var at = from;
        while (at < to)
        {
            var local = at.ToOffset(ReportFigures.CountyOffset);
            var hourStart = new DateTimeOffset(local.Year, local.Month, local.Day, local.Hour, 0, 0, ReportFigures.CountyOffset);
            var until = hourStart.AddHours(1) < to ? hourStart.AddHours(1) : to;
            // The hour's own weight, read at its start: a stretch that begins inside the hour must not see the
            // growth of a later instant, or a period cut into ticks would expect more than the same period by hours.
            expected += Weight(hourStart) * _perUnitWeight * (until - at).TotalHours;
            at = until;
        }
        return expected;
    }

    /// <summary>The relative activity of the county hour that starts at <paramref name="at"/>, per hour.</summary>
    private static double Weight(DateTimeOffset at)
    {
        var local = at.ToOffset(ReportFigures.CountyOffset);
        var share = (local - ReportFigures.PeriodStart).TotalDays / ReportFigures.PeriodDays;
        var growth = share is >= 0 and < 1 ? GrowthFrom + (GrowthTo - GrowthFrom) * share : 1;
        return HourWeights[local.Hour] * WeekdayWeights[(int)local.DayOfWeek] * growth / 24;
    }
}
