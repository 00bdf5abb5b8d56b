using GridActors.Grains.Devices;
using GridActors.Grains.Interfaces.Audit;
using GridActors.Grains.Interfaces.Devices;
using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.Tests.Cluster;
using GridActors.Grains.Tests.Topology;

namespace GridActors.Grains.Tests.Devices;

/// <summary>
/// A device's alarms of one kind fold into its open case, a new case opens once that one has finished, and an alarm
/// id seen before is answered as before. Each test raises its alarms under a drill of its own, so that its cases
/// are apart from every other test's.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class DeviceGrainTests(ClusterFixture fixture)
{
    private static readonly AuditActor Feed = new("feed", "video", null);
    private static readonly DateTimeOffset Start = DateTimeOffset.UtcNow.AddMinutes(-30);
    private static readonly DeviceCatalogue Devices = DeviceCatalogue.For(Chengjiang.Topology);

    private IDeviceGrain Device(int index) => fixture.Grains.GetGrain<IDeviceGrain>(Devices.All[index].Id);

    private IEventGrain Event(string id) => fixture.Grains.GetGrain<IEventGrain>(id);

    private static AlarmDraft Alarm(string drill, int second, string kind = "intrusion", string? id = null) =>
        new(id ?? $"{drill}-{kind}-{second}", kind, Start.AddSeconds(second), 0.9, $"https://video.example/{drill}/{second}.jpg", drill);

    [Fact]
    public async Task Raise_AlarmsOfOneKind_OpenOneCase_AndFoldTheRestIntoIt()
    {
        const string drill = "device-fold";
        var device = Device(10);

        var first = await device.Raise([Alarm(drill, 0)], Feed);
        var more = await device.Raise([.. Enumerable.Range(1, 20).Select(s => Alarm(drill, s))], Feed);

        Assert.Equal(AlarmResult.Opened, first[0].Result);
        Assert.All(more, a => Assert.Equal((AlarmResult.Folded, first[0].EventId), (a.Result, a.EventId)));
        var view = (await Event(first[0].EventId!).GetView())!;
        Assert.Equal(21, view.Alarms!.Count);
        Assert.Equal((Start, Start.AddSeconds(20)), (view.Alarms.FirstAt, view.Alarms.LastAt));
        Assert.Equal(AlarmTally.SnapshotsKept, view.Alarms.Snapshots.Count);
        Assert.EndsWith("/0.jpg", view.Alarms.Snapshots[0]);
        Assert.EndsWith("/20.jpg", view.Alarms.Snapshots[^1]);
        Assert.Equal(("public-security", Priority.Urgent), (view.Report.Category, view.Report.Priority));
        Assert.Equal(new Party("camera", Devices.All[10].Id), view.Report.Reporter);
    }

    [Fact]
    public async Task Raise_ManyFolds_AddOneHistoryEntry_NotOneAnAlarm()
    {
        const string drill = "device-history";
        var device = Device(11);
        var opened = (await device.Raise([Alarm(drill, 0)], Feed))[0].EventId!;
        var before = (await Event(opened).GetView())!.History.Count;

        for (var second = 1; second <= 30; second++)
        {
            await device.Raise([Alarm(drill, second)], Feed);
        }

        var history = (await Event(opened).GetView())!.History;
        Assert.Equal(before + 1, history.Count);
        Assert.Equal(EventAction.Fold, history[^1].Action);
        Assert.Contains("30 further alarms", history[^1].Note);
    }

    [Fact]
    public async Task Raise_TheSameAlarmAgain_AnswersAsBefore_AndCountsItOnce()
    {
        const string drill = "device-retry";
        var device = Device(12);
        var first = await device.Raise([Alarm(drill, 0), Alarm(drill, 1)], Feed);

        var again = await device.Raise([Alarm(drill, 1), Alarm(drill, 0), Alarm(drill, 1)], Feed);

        Assert.Equal([first[1], first[0], first[1]], again);
        Assert.Equal(2, (await Event(first[0].EventId!).GetView())!.Alarms!.Count);
    }

    [Fact]
    public async Task Raise_AnAlarmIdReusedForAnotherAlarm_IsAConflict_AndChangesNothing()
    {
        const string drill = "device-conflict";
        var device = Device(13);
        var first = await device.Raise([Alarm(drill, 0)], Feed);

        var reused = await device.Raise([Alarm(drill, 5, id: first[0].AlarmId)], Feed);

        Assert.Equal(new AlarmAnswer(first[0].AlarmId, AlarmResult.Conflict, null), reused[0]);
        Assert.Equal(1, (await Event(first[0].EventId!).GetView())!.Alarms!.Count);
    }

    [Fact]
    public async Task Raise_AfterTheCaseFinished_OpensANewOne_AndKindsFoldApart()
    {
        const string drill = "device-reopen";
        var device = Device(14);
        var intrusion = (await device.Raise([Alarm(drill, 0)], Feed))[0].EventId!;
        var garbage = await device.Raise([Alarm(drill, 1, kind: "garbage")], Feed);
        var cancelled = await Event(intrusion).Act(new EventCommand(EventAction.Cancel, new Party("city", "chengjiang"), Note: "误报"));

        var after = await device.Raise([Alarm(drill, 2), Alarm(drill, 3), Alarm(drill, 4, kind: "garbage")], Feed);

        Assert.Equal(ActionResult.Done, cancelled.Result);
        Assert.Equal(AlarmResult.Opened, garbage[0].Result);
        Assert.NotEqual(intrusion, garbage[0].EventId);
        Assert.Equal(AlarmResult.Opened, after[0].Result);
        Assert.NotEqual(intrusion, after[0].EventId);
        Assert.Equal((AlarmResult.Folded, after[0].EventId), (after[1].Result, after[1].EventId));
        Assert.Equal((AlarmResult.Folded, garbage[0].EventId), (after[2].Result, after[2].EventId));
        Assert.Equal(2, (await Event(after[0].EventId!).GetView())!.Alarms!.Count);
        Assert.Equal(1, (await Event(intrusion).GetView())!.Alarms!.Count);
    }

    [Fact]
    public async Task Raise_AfterTheDeviceLeftMemory_FindsItsCaseAndReceiptsInStorage()
    {
        const string drill = "device-reactivated";
        var device = Device(15);
        var first = await device.Raise([Alarm(drill, 0), Alarm(drill, 1)], Feed);

        await fixture.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var later = await device.Raise([Alarm(drill, 1), Alarm(drill, 2)], Feed);

        Assert.Equal(first[1], later[0]);
        Assert.Equal((AlarmResult.Folded, first[0].EventId), (later[1].Result, later[1].EventId));
        Assert.Equal(3, (await Event(first[0].EventId!).GetView())!.Alarms!.Count);
    }

    [Fact]
    public async Task Fold_OfAlarmsTheCaseCountedAlready_CountsThemNoMore()
    {
        const string drill = "device-refold";
        var opened = (await Device(16).Raise([Alarm(drill, 0)], Feed))[0].EventId!;
        var again = new[] { Alarm(drill, 0), Alarm(drill, 1) };

        // As when a fold's answer was lost and the device, reloaded, sends the same alarms again.
        var first = await Event(opened).Fold(again, Feed);
        var second = await Event(opened).Fold(again, Feed);

        Assert.Equal((FoldResult.Folded, FoldResult.Folded), (first, second));
        Assert.Equal(2, (await Event(opened).GetView())!.Alarms!.Count);
    }
}
