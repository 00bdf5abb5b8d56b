using GridActors.Grains.Events;
using GridActors.Silo.Postgres;
using GridActors.Storage.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Serialization;
using Orleans.Storage;

namespace GridActors.Storage.Tests.RoundTrips;

/// <summary>
/// The event storage on its own, without a silo: the ETag rules that keep two activations of one case from
/// overwriting each other, and batches of many grains' writes landing whole.
/// </summary>
public sealed class GroupCommitGrainStorageTests : IAsyncLifetime
{
    private const string StateName = "drill-event";

    private static readonly IGrainStorageSerializer Serializer = new OrleansGrainStorageSerializer(
        new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>());

    private TestDatabase _database = null!;
    private GroupCommitGrainStorage _storage = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await new SchemaMigrator(_database.DataSource, NullLogger<SchemaMigrator>.Instance).MigrateAsync();
        _storage = NewStorage();
    }

    public async ValueTask DisposeAsync()
    {
        await _storage.DisposeAsync();
        await _database.DisposeAsync();
    }

    /// <summary>Small batches, so that a burst spans several statements and several flush loops.</summary>
    private GroupCommitGrainStorage NewStorage() =>
        new(_database.DataSource, Serializer, _database.Name, new WriteBatcherOptions { MaxBatch = 16 });

    private static GrainId NewGrain() => GrainId.Create("event", Reports.NewId());

    private static GrainState<EventState> Versioned(long version, string? etag) =>
        new(new EventState { Version = version, ReworkCount = (int)version }, etag);

    [Fact]
    public async Task WriteStateAsync_NamingAVersionThatMovedOn_FailsWithInconsistentState()
    {
        var grain = NewGrain();
        var first = Versioned(1, etag: null);
        await _storage.WriteStateAsync(StateName, grain, first);
        await _storage.WriteStateAsync(StateName, grain, Versioned(2, first.ETag));

        // A second activation that read the first version and never saw the second.
        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync(StateName, grain, Versioned(3, first.ETag)));
        var read = new GrainState<EventState>();
        await _storage.ReadStateAsync(StateName, grain, read);

        Assert.Equal(("1", "2"), (first.ETag, read.ETag));
        Assert.Equal(2, read.State!.Version);
    }

    [Fact]
    public async Task WriteStateAsync_FirstWriteOfAGrainThatHasState_FailsWithInconsistentState()
    {
        var grain = NewGrain();
        await _storage.WriteStateAsync(StateName, grain, Versioned(1, etag: null));

        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync(StateName, grain, Versioned(7, etag: null)));
    }

    [Fact]
    public async Task WriteStateAsync_TwoWritesFromTheSameVersionAtOnce_ExactlyOneWins()
    {
        var grain = NewGrain();
        var first = Versioned(1, etag: null);
        await _storage.WriteStateAsync(StateName, grain, first);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(async i =>
        {
            try
            {
                await _storage.WriteStateAsync(StateName, grain, Versioned(10 + i, first.ETag));
                return true;
            }
            catch (InconsistentStateException)
            {
                return false;
            }
        }));

        Assert.Single(outcomes, won => won);
        Assert.Equal(2, await _database.ScalarAsync<int>("SELECT version FROM batched_grain_state WHERE grain_key = @key", ("key", grain.Key.ToString()!)));
    }

    [Fact]
    public async Task WriteStateAsync_ManyGrainsWritingAtOnce_AllLandWithTheirVersions()
    {
        var grains = Enumerable.Range(0, 300).Select(_ => NewGrain()).ToList();

        // Every grain writes three times in a row, all grains at once: the writes of one round share batches.
        var etags = await Task.WhenAll(grains.Select(async grain =>
        {
            string? etag = null;
            for (var version = 1; version <= 3; version++)
            {
                var state = Versioned(version, etag);
                await _storage.WriteStateAsync(StateName, grain, state);
                etag = state.ETag;
            }
            return etag;
        }));
        await using var fresh = NewStorage();
        var read = await Task.WhenAll(grains.Select(async grain =>
        {
            var state = new GrainState<EventState>();
            await fresh.ReadStateAsync(StateName, grain, state);
            return state;
        }));
        var stateVersions = await _database.ScalarAsync<long>(
            "SELECT count(*) FROM batched_grain_state WHERE service_id = @service AND version = 3 AND state_version = 3",
            ("service", _database.Name));

        Assert.All(etags, etag => Assert.Equal("3", etag));
        Assert.All(read, state => Assert.Equal((true, "3", 3L, 3), (state.RecordExists, state.ETag, state.State!.Version, state.State.ReworkCount)));
        Assert.Equal(grains.Count, stateVersions);
    }

    [Fact]
    public async Task ReadStateAsync_GrainNeverWritten_HasNoRecordAndNoETag()
    {
        var state = new GrainState<EventState>();

        await _storage.ReadStateAsync(StateName, NewGrain(), state);

        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
    }
}
