using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace GridActors.Grains.Interfaces.Devices;

/// <summary>
/// The alarms a case counts: its device and alarm kind, how many (the opening one included), the first and the
/// last time, and a bounded list of snapshots — the first and the latest — so a camera that alarms all day keeps
/// a case of fixed size. <see cref="Recent"/> holds digests of the latest alarm ids it counted, so that an alarm
/// whose first fold landed after its sender gave up (a timeout) and was sent again is not counted twice.
/// </summary>
[GenerateSerializer, Immutable, Alias("GridActors.AlarmTally")]
public sealed record AlarmTally(
    [property: Id(0)] string DeviceId,
    [property: Id(1)] string Kind,
    [property: Id(2)] int Count,
    [property: Id(3)] DateTimeOffset FirstAt,
    [property: Id(4)] DateTimeOffset LastAt,
    [property: Id(5)] IReadOnlyList<string> Snapshots,
    [property: Id(6)] IReadOnlyList<long>? Recent = null)
{
    /// <summary>The first snapshot and the latest ones, at most this many in all.</summary>
    public const int SnapshotsKept = 10;

    /// <summary>How many of the latest alarm ids the case remembers: a minute of a device alarming every second.</summary>
    public const int RecentKept = 64;

    public static AlarmTally Of(AlarmOrigin origin) => new(
        origin.DeviceId, origin.Alarm.Kind, 1, origin.Alarm.At, origin.Alarm.At,
        origin.Alarm.SnapshotUrl is { } url ? [url] : [], [IdOf(origin.Alarm.AlarmId)]);

    /// <summary>Whether the case counted this alarm among its latest.</summary>
    public bool Counted(AlarmDraft alarm) => Recent?.Contains(IdOf(alarm.AlarmId)) == true;

    /// <summary>A digest of an alarm id, the same in every process: the first eight bytes of its SHA-256.</summary>
    public static long IdOf(string alarmId)
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(alarmId), digest);
        return BinaryPrimitives.ReadInt64LittleEndian(digest);
    }

    /// <summary>The tally with <paramref name="alarms"/> counted in (none of them counted before).</summary>
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
            Recent = [.. (Recent ?? []).Concat(alarms.Select(a => IdOf(a.AlarmId))).TakeLast(RecentKept)],
        };
    }
}
