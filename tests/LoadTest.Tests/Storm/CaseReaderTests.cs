using System.Text.Json;
using GridActors.LoadTest.Storm;

namespace GridActors.LoadTest.Tests.Storm;

public sealed class CaseReaderTests
{
    [Fact]
    public void Parse_ACaseOfTheContract_StatusAlarmsAndSource()
    {
        var view = JsonDocument.Parse("""
            { "id": "e1", "status": "dispatched", "alarms": 60,
              "alarmSource": { "deviceId": "dev-7", "kind": "crowd", "firstAt": "2026-12-08T03:00:00Z", "lastAt": "2026-12-08T03:00:59Z", "snapshots": [] } }
            """).RootElement;

        var @case = CaseReader.Parse("e1", view);

        Assert.Equal(new StormCase("e1", "dispatched", 60, "dev-7", "crowd"), @case);
        Assert.True(@case.IsOpen);
    }

    [Fact]
    public void Parse_ACaseWithoutAnAlarmSource_NoDeviceNoKindNoAlarms()
    {
        var @case = CaseReader.Parse("e2", JsonDocument.Parse("""{ "id": "e2", "status": "closed" }""").RootElement);

        Assert.Equal(new StormCase("e2", "closed", 0, null, null), @case);
        Assert.False(@case.IsOpen);
    }
}
