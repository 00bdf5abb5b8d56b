namespace GridActors.Silo.Simulation.Model;

/// <summary>
/// The figures the simulation is calibrated against: the Chengjiang field study (shared/seed), counted up to
/// 16 November 2022 from the platform's start in August 2021.
/// </summary>
public static class ReportFigures
{
    /// <summary>China Standard Time: days, shifts and weekends are the county's.</summary>
    public static readonly TimeSpan CountyOffset = TimeSpan.FromHours(8);

    public static readonly DateTimeOffset PeriodStart = new(2021, 8, 1, 0, 0, 0, CountyOffset);

    /// <summary>The end of 16 November 2022, the report's cut-off ("截至 11 月 16 日").</summary>
    public static readonly DateTimeOffset PeriodEnd = new(2022, 11, 17, 0, 0, 0, CountyOffset);

    /// <summary>采集上报事件 407177 件.</summary>
    public const int Reported = 407_177;

    /// <summary>处置事件 389424 件, 事件办结率 95.64 %.</summary>
    public const int Handled = 389_424;

    /// <summary>排查各类矛盾纠纷 1817 起.</summary>
    public const int Disputes = 1_817;

    /// <summary>调处 1816 起, 化解率 99.9 %.</summary>
    public const int DisputesResolved = 1_816;

    /// <summary>选聘专兼职网格长、网格员 1318 名.</summary>
    public const int GridWorkers = 1_318;

    /// <summary>动员网格志愿者 6441 人.</summary>
    public const int Volunteers = 6_441;

    public static double PeriodDays => (PeriodEnd - PeriodStart).TotalDays;

    /// <summary>About 861 reports a day over the period.</summary>
    public static double ReportsPerDay => Reported / PeriodDays;
}
