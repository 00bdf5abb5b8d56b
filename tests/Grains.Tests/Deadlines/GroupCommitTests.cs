using GridActors.Grains.Deadlines;

namespace GridActors.Grains.Tests.Deadlines;

public sealed class GroupCommitTests
{
    /// <summary>A store whose writes finish only when the test lets them, recording what each one saw.</summary>
    private sealed class GatedStore
    {
        public int Value { get; set; }
        public List<int> Written { get; } = [];
        public List<TaskCompletionSource> Gates { get; } = [];

        public Task Write()
        {
            Written.Add(Value);
            var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Gates.Add(gate);
            return gate.Task;
        }
    }

    [Fact]
    public async Task Commit_ChangesDuringAWrite_ShareTheNextWriteAndEachWaitsForOneThatSawIt()
    {
        var store = new GatedStore();
        var commit = new GroupCommit(store.Write);

        store.Value = 1;
        var first = commit.Commit();
        store.Value = 2;
        var second = commit.Commit();
        store.Value = 3;
        var third = commit.Commit();

        Assert.Equal([1], store.Written);
        Assert.False(second.IsCompleted);
        store.Gates[0].SetResult();
        await first;
        await Eventually(() => store.Written.Count == 2);
        Assert.False(second.IsCompleted);
        store.Gates[1].SetResult();
        await Task.WhenAll(second, third);

        Assert.Equal([1, 3], store.Written);
    }

    [Fact]
    public async Task Commit_AFailedWrite_FailsItsCallersAndTheNextBatchStillWrites()
    {
        var store = new GatedStore();
        var commit = new GroupCommit(store.Write);
        var failing = commit.Commit();
        var queuedBehindIt = commit.Commit();

        store.Gates[0].SetException(new IOException("disk"));
        await Assert.ThrowsAsync<IOException>(() => failing);
        await Eventually(() => store.Gates.Count == 2);
        store.Gates[1].SetResult();
        await queuedBehindIt;

        Assert.NotSame(failing, queuedBehindIt);
        Assert.Equal(2, store.Written.Count);
    }

    private static async Task Eventually(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(5);
        }
        Assert.True(condition());
    }
}
