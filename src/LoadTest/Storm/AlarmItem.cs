namespace GridActors.LoadTest.Storm;

/// <summary>One alarm as <c>POST /api/feeds/alarms</c> takes it (camelCase on the wire).</summary>
public sealed record AlarmItem(
    string AlarmId, string DeviceId, string Kind, DateTimeOffset At, double Confidence, string SnapshotUrl, string Drill);
