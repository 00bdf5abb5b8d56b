using GridActors.Grains.Storage;

namespace GridActors.Grains.Tests.Storage;

public sealed class PersistentStateCommitTests
{
    [Fact]
    public async Task CommitAsync_WriteSucceeds_TheNextStateStands()
    {
        var state = new FakeState(new Box(1));
        var next = new Box(2);

        await state.CommitAsync(next);

        Assert.Same(next, state.State);
        Assert.Equal([next], state.Written);
    }

    [Fact]
    public async Task CommitAsync_WriteFails_RestoresThePreviousStateAndETagAndRethrows()
    {
        var previous = new Box(1);
        var state = new FakeState(previous) { FailWrites = true };

        var failure = await Assert.ThrowsAsync<TimeoutException>(() => state.CommitAsync(new Box(2)));

        Assert.Equal("injected", failure.Message);
        Assert.Same(previous, state.State);
        Assert.Equal("etag-1", state.Etag);
        Assert.True(state.RecordExists);
    }

    [Fact]
    public async Task CommitAsync_TheCurrentObjectAgain_IsRefusedWithoutWriting()
    {
        var current = new Box(1);
        var state = new FakeState(current);

        await Assert.ThrowsAsync<ArgumentException>(() => state.CommitAsync(current));

        Assert.Empty(state.Written);
    }

    private sealed record Box(int Value);

    /// <summary>Behaves as Orleans' state bridge does: the ETag moves only when a write succeeds.</summary>
    private sealed class FakeState(Box initial) : IPersistentState<Box>
    {
        public Box State { get; set; } = initial;

        public string? Etag { get; private set; } = "etag-1";

        public bool RecordExists { get; private set; } = true;

        public bool FailWrites { get; init; }

        public List<Box> Written { get; } = [];

        public Task WriteStateAsync()
        {
            if (FailWrites)
            {
                throw new TimeoutException("injected");
            }
            Written.Add(State);
            Etag = $"etag-{Written.Count + 1}";
            RecordExists = true;
            return Task.CompletedTask;
        }

        public Task ReadStateAsync() => Task.CompletedTask;

        public Task ClearStateAsync() => Task.CompletedTask;
    }
}
