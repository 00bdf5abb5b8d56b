using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.Points;
using GridActors.Grains.ReadModel;

namespace GridActors.Grains.Tests.Points;

public sealed class IndicatorsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = T0.AddDays(10);

    private static EventSummary Case(string id, EventStatus status, bool overdue = false, int rework = 0, int extensions = 0,
        double closedAfterHours = 0, double dueAfterHours = 48) => new(
        id, "g", "v", "t", "hazard", "t", status, Priority.Normal, Party.System, null, 0, overdue, rework,
        T0, status == EventStatus.Closed ? T0.AddHours(closedAfterHours) : null, 1, extensions, T0.AddHours(dueAfterHours));

    /// <summary>
    /// Ten cases, computed by hand: 1 cancelled leaves 9 valid. Closed 5: three on time (A, B, C; C reworked
    /// once), D closed after being overdue, E closed after its whole deadline. Open 4: F parked (due),
    /// G overdue and past due, H not yet due (due in 20 days), I extended, not yet due.
    /// Due = 5 closed + F + G = 7; on-time rate = 3 / (7 − 1 parked) = 0.5.
    /// </summary>
    private static readonly EventSummary[] Fixture =
    [
        Case("A", EventStatus.Closed, closedAfterHours: 10),
        Case("B", EventStatus.Closed, closedAfterHours: 20),
        Case("C", EventStatus.Closed, rework: 1, closedAfterHours: 30),
        Case("D", EventStatus.Closed, overdue: true, closedAfterHours: 40),
        Case("E", EventStatus.Closed, closedAfterHours: 60),
        Case("F", EventStatus.Parked),
        Case("G", EventStatus.InProgress, overdue: true),
        Case("H", EventStatus.Dispatched, dueAfterHours: 480),
        Case("I", EventStatus.Dispatched, extensions: 1, dueAfterHours: 480),
        Case("X", EventStatus.Cancelled),
    ];

    [Fact]
    public void Compute_HandComputedFixture_MatchesEveryFormula()
    {
        var indicators = Indicators.Compute(Fixture, Now, workers: 8);

        Assert.Equal((10, 4, 5, 1, 1, 2, 7, 3), (indicators.Reported, indicators.Open, indicators.Closed, indicators.Cancelled,
            indicators.Parked, indicators.Overdue, indicators.Due, indicators.ClosedOnTime));
        Assert.Equal(0.5556, indicators.ClosureRate);
        Assert.Equal(0.5, indicators.OnTimeRate);
        Assert.Equal(0.2, indicators.ReworkRate);
        Assert.Equal(0.1111, indicators.ExtensionRate);
        Assert.Equal(32, indicators.MeanHandlingHours);
        Assert.Equal(0.5, indicators.WorkloadPerWorker);
    }

    [Fact]
    public void Compute_AParkedCaseNotYetDue_DoesNotLiftTheOnTimeRateAboveOne()
    {
        EventSummary[] cases =
        [
            Case("A", EventStatus.Closed, closedAfterHours: 10),
            Case("B", EventStatus.Closed, closedAfterHours: 20),
            Case("P", EventStatus.Parked, dueAfterHours: 480),
        ];

        Assert.Equal(1.0, Indicators.Compute(cases, Now, workers: 1).OnTimeRate);
    }

    [Fact]
    public void Compute_NoCases_GivesZeroRatesNotADivisionByZero()
    {
        var indicators = Indicators.Compute([], Now, workers: 0);

        Assert.Equal((0, 0.0, 0.0), (indicators.Reported, indicators.ClosureRate, indicators.OnTimeRate));
        Assert.Null(indicators.MeanHandlingHours);
        Assert.Null(indicators.WorkloadPerWorker);
    }
}
