using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.Topology;
using GridActors.Silo.Simulation;
using GridActors.Silo.Simulation.Model;

namespace GridActors.Grains.Tests.Simulation;

/// <summary>A run's queue: what comes due, what a failure does, and when a period may say it has completed.</summary>
public sealed class SimulationRunTests
{
    private static readonly CountyTopology Topology = CountyTopology.LoadEmbedded();
    private static readonly DateTimeOffset From = new(2022, 1, 10, 0, 0, 0, ReportFigures.CountyOffset);
    private static readonly DateTimeOffset Until = From.AddDays(1);
    private static readonly IReadOnlyDictionary<string, Priority> Priorities = Topology.Document.Categories
        .ToDictionary(c => c.Id, c => Enum.Parse<Priority>(c.Priority, ignoreCase: true));

    /// <summary>A period that owes no arrivals (a rate of almost nothing), so only the steps a test plans come due.</summary>
    private static SimulationRun QuietPeriod() => new(
        new Arrivals(new ArrivalProfile(1e-9), From), new CaseScripts(1, Priorities), new CaseDrafts(Topology, 2), From, Until);

    private static PendingStep StepAt(DateTimeOffset at) => new("E1", new CaseScripts(1, Priorities).Next(),
        new EventCommand(EventAction.Start, new Party(PartyKinds.Worker, "W0001")), at);

    [Fact]
    public void RetryStep_NearTheCutOff_ComesDueByTheCutOff_NotAfterIt()
    {
        var run = QuietPeriod();
        var failed = StepAt(Until.AddMinutes(-1));

        Assert.True(run.RetryStep(failed));
        var due = run.TakeWork(Until.AddHours(1), out var completed);

        var retried = Assert.Single(due).Step!;
        Assert.Equal((Until, 1), (retried.At, retried.Attempt));
        Assert.False(completed);
    }

    [Fact]
    public void RetryStep_AfterItsLastAttempt_IsDroppedAndCounted()
    {
        var run = QuietPeriod();

        var retried = run.RetryStep(StepAt(From.AddHours(1)) with { Attempt = SimulationRun.MaxAttempts - 1 });

        Assert.False(retried);
        Assert.Empty(run.TakeWork(From.AddHours(2), out _));
        Assert.Equal(1, run.Status(1, 1).Dropped);
    }

    [Fact]
    public void TakeWork_PastTheCutOff_CompletesOnlyOnceNoCallIsOut()
    {
        var run = QuietPeriod();
        run.Plan(StepAt(From.AddHours(3)));
        run.Plan(StepAt(Until.AddHours(3)));

        var due = run.TakeWork(Until.AddHours(5), out var completedWithCallOut);
        run.Returned();
        var after = run.TakeWork(Until.AddHours(5), out var completedAfter);

        Assert.Equal(From.AddHours(3), Assert.Single(due).Step!.At);
        Assert.False(completedWithCallOut);
        Assert.Empty(after);
        Assert.True(completedAfter);
        Assert.Equal((false, true, 0), (run.Status(1, 1).Running, run.Status(1, 1).Completed, run.Status(1, 1).OpenCases));
    }

    [Fact]
    public void Plan_OnAStoppedRun_IsDropped_SoLateAnswersNeverReachTheNextRun()
    {
        var run = QuietPeriod();
        run.Stop();

        run.Plan(StepAt(From.AddHours(1)));

        Assert.Equal(0, run.Status(1, 1).OpenCases);
        Assert.Empty(run.TakeWork(Until, out _));
    }
}
