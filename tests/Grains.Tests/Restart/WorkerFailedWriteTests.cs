using GridActors.Grains.Interfaces.Workers;
using static GridActors.Grains.Tests.Events.Reports;

namespace GridActors.Grains.Tests.Restart;

/// <summary>
/// A worker's step whose write failed was not acknowledged, so the same activation answers as storage has it,
/// and the retry applies the step once.
/// </summary>
[Collection(FailingStorageCollection.Name)]
public sealed class WorkerFailedWriteTests(FailingStorageFixture fixture)
{
    private IWorkerGrain WorkerOfGrid(int gridIndex) => fixture.Grains.GetGrain<IWorkerGrain>(Grid(gridIndex).Grid.Workers[^1].Id);

    [Fact]
    public async Task SetDuty_WriteFails_LeavesTheWorkerAsStoredAndTheRetryAppliesOnce()
    {
        var worker = WorkerOfGrid(400);
        var before = await worker.GetStatus();

        FailingGrainStorage.FailNextWriteOf(worker.GetGrainId());
        await Assert.ThrowsAnyAsync<Exception>(() => worker.SetDuty(false));
        var afterFailure = await worker.GetView();
        var statusAfterFailure = await worker.GetStatus();
        var retried = await worker.SetDuty(false);
        var afterRetry = await worker.GetStatus();

        Assert.True(before.OnDuty);
        Assert.True(afterFailure.OnDuty);
        Assert.Null(afterFailure.DutyChangedAt);
        Assert.Equal(before, statusAfterFailure);
        Assert.False(retried.OnDuty);
        Assert.Equal(before.Version + 1, afterRetry.Version);
    }

    [Fact]
    public async Task AssignTask_WriteFails_LeavesTheTaskOutAndTheRetryAddsItOnce()
    {
        var worker = WorkerOfGrid(401);
        var before = await worker.GetStatus();

        FailingGrainStorage.FailNextWriteOf(worker.GetGrainId());
        await Assert.ThrowsAnyAsync<Exception>(() => worker.AssignTask("E-assign-1", drill: false));
        var afterFailure = await worker.GetView();
        var statusAfterFailure = await worker.GetStatus();
        await worker.AssignTask("E-assign-1", drill: false);
        var afterRetry = await worker.GetView();

        Assert.Empty(afterFailure.OpenTaskIds);
        Assert.Equal(before, statusAfterFailure);
        Assert.Equal(["E-assign-1"], afterRetry.OpenTaskIds);
        Assert.Equal(before.Version + 1, (await worker.GetStatus()).Version);
    }

    [Fact]
    public async Task ReleaseTask_WriteFails_KeepsTheTaskAndTheRetryRemovesIt()
    {
        var worker = WorkerOfGrid(402);
        await worker.AssignTask("E-release-1", drill: false);
        var before = await worker.GetStatus();

        FailingGrainStorage.FailNextWriteOf(worker.GetGrainId());
        await Assert.ThrowsAnyAsync<Exception>(() => worker.ReleaseTask("E-release-1"));
        var afterFailure = await worker.GetView();
        await worker.ReleaseTask("E-release-1");
        var afterRetry = await worker.GetStatus();

        Assert.Equal(["E-release-1"], afterFailure.OpenTaskIds);
        Assert.Equal(0, afterRetry.OpenTasks);
        Assert.Equal(before.Version + 1, afterRetry.Version);
    }
}
