using GridActors.Grains.Devices;
using GridActors.Grains.Interfaces.Audit;
using GridActors.Grains.Interfaces.Devices;
using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.Topology;
using GridActors.Storage.Tests.Infrastructure;

namespace GridActors.Storage.Tests.Cases;

/// <summary>
/// Device alarms on a real PostgreSQL: each alarm's receipt is committed with the case step that counted it, a device
/// that left memory answers a retried alarm from the receipts, and a drill's erasure takes its receipts along.
/// </summary>
[Collection(PostgresSiloCollection.Name)]
public sealed class AlarmReceiptsTests(PostgresSiloFixture fixture)
{
    private static readonly DeviceCatalogue Devices = DeviceCatalogue.For(CountyTopology.LoadEmbedded());
    private static readonly AuditActor Feed = new("feed", "video", null);

    private static readonly DateTimeOffset Start = DateTimeOffset.UtcNow.AddMinutes(-5);

    private static AlarmDraft Alarm(string drill, int second) => new($"{drill}-{second}", "smoke", Start.AddSeconds(second), null, null, drill);

    [Fact]
    public async Task Alarms_CommitTheirReceipts_AreAnsweredAgainAfterTheDeviceLeftMemory_AndGoWithTheirDrill()
    {
        const string drill = "pg-alarms";
        var deviceId = Devices.All[3000].Id;
        var device = fixture.Grains.GetGrain<IDeviceGrain>(deviceId);

        var first = await device.Raise([.. Enumerable.Range(0, 4).Select(s => Alarm(drill, s))], Feed);
        var eventId = first[0].EventId!;
        var receipts = await fixture.Database.ScalarAsync<long>(
            "SELECT count(*) FROM alarm_receipts WHERE device_id = @d AND event_id = @e", ("d", deviceId), ("e", eventId));
        await fixture.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var again = await device.Raise([Alarm(drill, 2), Alarm(drill, 4)], Feed);
        var counted = (await fixture.Grains.GetGrain<IEventGrain>(eventId).GetView())!.Alarms!.Count;
        var erased = await fixture.Grains.GetGrain<IEventGrain>(eventId).Erase(drill);
        var left = await fixture.Database.ScalarAsync<long>("SELECT count(*) FROM alarm_receipts WHERE event_id = @e", ("e", eventId));

        Assert.Equal([AlarmResult.Opened, AlarmResult.Folded, AlarmResult.Folded, AlarmResult.Folded], first.Select(a => a.Result));
        Assert.Equal(4, receipts);
        Assert.Equal(first[2], again[0]);
        Assert.Equal((AlarmResult.Folded, eventId), (again[1].Result, again[1].EventId));
        Assert.Equal(5, counted);
        Assert.True(erased);
        Assert.Equal(0, left);
    }
}
