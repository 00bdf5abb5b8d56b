using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.Interfaces.Visits;
using static GridActors.Grains.Tests.Events.Reports;

namespace GridActors.Grains.Tests.Restart;

/// <summary>A key person whose registration failed to be written is not on the register, and the retry adds them once.</summary>
[Collection(FailingStorageCollection.Name)]
public sealed class VisitRegisterFailedWriteTests(FailingStorageFixture fixture)
{
    [Fact]
    public async Task Register_WriteFails_LeavesTheRegisterAsStoredAndTheRetryRegistersOnce()
    {
        var grid = Grid(410);
        var register = fixture.Grains.GetGrain<IVisitRegisterGrain>(grid.Grid.Id);
        var draft = new KeyPersonDraft(
            new PersonInfo("赵六", "13700002222", null), "petitioner",
            [new VisitPlan(VisitKind.Scheduled, 14, FailingStorageFixture.Time.GetUtcNow().AddDays(1))], "city:chengjiang");

        FailingGrainStorage.FailNextWriteOf(register.GetGrainId());
        await Assert.ThrowsAnyAsync<Exception>(() => register.Register(draft));
        var afterFailure = await register.List();
        var retried = await register.Register(draft);
        var afterRetry = await register.List();

        Assert.Empty(afterFailure);
        Assert.Equal($"{grid.Grid.Id}-kp001", retried.Id);
        Assert.Equal([retried.Id], afterRetry.Select(p => p.Id));
    }
}
