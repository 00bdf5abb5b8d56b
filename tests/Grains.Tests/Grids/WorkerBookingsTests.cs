using GridActors.Grains.Grids;
using GridActors.Grains.Interfaces.Workers;

namespace GridActors.Grains.Tests.Grids;

public sealed class WorkerBookingsTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    private static WorkerStatus Reported(string workerId, params string[] caseIds) =>
        new(workerId, OnDuty: true, caseIds.Length, Version: caseIds.Length, DrillTasks: 0, [.. caseIds]);

    [Fact]
    public void Apply_AReportWithoutTheCasesBookedSince_CountsThemOnTop()
    {
        var bookings = new WorkerBookings(TimeSpan.FromMinutes(1));
        bookings.Add("case-1", "W1", drill: false, Start);
        bookings.Add("case-2", "W1", drill: false, Start);
        bookings.Add("case-3", "W1", drill: true, Start);
        bookings.Add("case-4", "W2", drill: false, Start);

        var report = Reported("W1", "case-1");
        bookings.Confirm(report);
        var seen = bookings.Apply(report, Start);

        Assert.Equal(2, seen.OpenTasks);
        Assert.Equal(1, seen.DrillTasks);
        Assert.Equal(3, bookings.Count);
    }

    [Fact]
    public void Confirm_AnOlderReportHoldingTheCase_EndsItsBooking()
    {
        var bookings = new WorkerBookings(TimeSpan.FromMinutes(1));
        bookings.Add("case-1", "W1", drill: false, Start);
        bookings.Add("case-2", "W1", drill: false, Start);

        bookings.Confirm(Reported("W1", "case-1", "case-2"));
        bookings.Confirm(Reported("W1", "case-1"));

        Assert.Equal(0, bookings.Count);
        Assert.Equal(2, bookings.Apply(Reported("W1", "case-1", "case-2"), Start).OpenTasks);
    }

    [Fact]
    public void Apply_ABookingNoReportConfirmedWithinItsLifetime_NoLongerCounts()
    {
        var bookings = new WorkerBookings(TimeSpan.FromMinutes(1));
        bookings.Add("case-1", "W1", drill: false, Start);

        var withinLifetime = bookings.Apply(Reported("W1"), Start.AddSeconds(60));
        var after = bookings.Apply(Reported("W1"), Start.AddSeconds(61));

        Assert.Equal(1, withinLifetime.OpenTasks);
        Assert.Equal(0, after.OpenTasks);
        Assert.Equal(0, bookings.Count);
    }

    [Fact]
    public void Confirm_AReportFromAnOlderWorkerNamingNoCases_KeepsTheBookings()
    {
        var bookings = new WorkerBookings(TimeSpan.FromMinutes(1));
        bookings.Add("case-1", "W1", drill: false, Start);

        bookings.Confirm(new WorkerStatus("W1", true, 0, 1, 0, default));

        Assert.Equal(1, bookings.Count);
    }
}
