namespace GridActors.Grains.Interfaces.Devices;

/// <summary>
/// The alarms a case counts: its device and alarm kind, how many (the opening one included), the first and the
/// last time, and a bounded list of snapshots — the first and the latest — so a camera that alarms all day keeps
/// a case of fixed size.
/// </summary>
[GenerateSerializer, Immutable, Alias("GridActors.AlarmTally")]
public sealed record AlarmTally(
    [property: Id(0)] string DeviceId,
    [property: Id(1)] string Kind,
    [property: Id(2)] int Count,
    [property: Id(3)] DateTimeOffset FirstAt,
    [property: Id(4)] DateTimeOffset LastAt,
    [property: Id(5)] IReadOnlyList<string> Snapshots)
{
    /// <summary>The first snapshot and the latest ones, at most this many in all.</summary>
    public const int SnapshotsKept = 10;

    public static AlarmTally Of(AlarmOrigin origin) => new(
        origin.DeviceId, origin.Alarm.Kind, 1, origin.Alarm.At, origin.Alarm.At,
        origin.Alarm.SnapshotUrl is { } url ? [url] : []);

    /// <summary>The tally with <paramref name="alarms"/> counted in.</summary>
    public AlarmTally With(IReadOnlyList<AlarmDraft> alarms)
    {
        var snapshots = Snapshots.ToList();
        foreach (var url in alarms.Select(a => a.SnapshotUrl).OfType<string>())
        {
            snapshots.Add(url);
            if (snapshots.Count > SnapshotsKept)
            {
                // The first shows how it began; the rest slide.
                snapshots.RemoveAt(1);
            }
        }
        return this with
        {
            Count = Count + alarms.Count,
            FirstAt = alarms.Select(a => a.At).Append(FirstAt).Min(),
            LastAt = alarms.Select(a => a.At).Append(LastAt).Max(),
            Snapshots = snapshots,
        };
    }
}
