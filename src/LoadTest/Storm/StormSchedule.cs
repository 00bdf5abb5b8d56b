using System.Globalization;
using System.Runtime.CompilerServices;

namespace GridActors.LoadTest.Storm;

/// <summary>
/// Every alarm of the storm, by index: second by second, and within a second device by device, so that alarm
/// <c>i</c> is device <c>i % devices</c> at second <c>i / devices</c>. Alarms are composed when asked for, never
/// held, and are the same each time, which is what lets a retry or the retries check send exactly the same body.
/// </summary>
public sealed class StormSchedule
{
    private readonly IReadOnlyList<string> _deviceIds;
    private readonly int _kinds;
    private readonly string _drillId;
    private readonly DateTimeOffset _firstAt;

    /// <param name="deviceIds">The devices, in the order they alarm within a second.</param>
    /// <param name="seconds">Simulated seconds: one alarm a device a second.</param>
    /// <param name="kinds">How many of <see cref="AlarmKinds.All"/> the devices alternate between.</param>
    /// <param name="batch">Alarms in one request.</param>
    /// <param name="drillId">Marks every alarm and begins every alarm id.</param>
    /// <param name="start">When the drill started: the last simulated second ends there.</param>
    public StormSchedule(IReadOnlyList<string> deviceIds, int seconds, int kinds, int batch, string drillId, DateTimeOffset start)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(deviceIds.Count, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(seconds, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(batch, 1);
        Within(kinds, 1, AlarmKinds.All.Count);
        (_deviceIds, _kinds, _drillId, Seconds, BatchSize) = (deviceIds, kinds, drillId, seconds, batch);
        Count = checked(deviceIds.Count * seconds);
        // The feed refuses alarms from the future, so the whole simulated storm lies in the past; on whole seconds,
        // as a camera stamps them.
        var wholeSecond = start.AddTicks(-(start.Ticks % TimeSpan.TicksPerSecond));
        _firstAt = wholeSecond - TimeSpan.FromSeconds(seconds);
    }

    public int Devices => _deviceIds.Count;

    public int Seconds { get; }

    public int BatchSize { get; }

    public int Count { get; }

    public int Batches => (Count + BatchSize - 1) / BatchSize;

    public AlarmPair PairOf(int index)
    {
        var (second, device) = Math.DivRem(index, Devices);
        // A device alternates between the kinds, and neighbouring devices start on different ones, so that every
        // kind is raised every second once there are more devices than kinds.
        return new AlarmPair(_deviceIds[device], AlarmKinds.All[(device + second) % _kinds]);
    }

    public AlarmItem Alarm(int index)
    {
        Within(index, 0, Count - 1);
        var second = index / Devices;
        var (deviceId, kind) = PairOf(index);
        var tail = string.Create(CultureInfo.InvariantCulture, $"{deviceId}-{second}");
        return new AlarmItem(
            $"{_drillId}-{tail}", deviceId, kind, _firstAt + TimeSpan.FromSeconds(second),
            Confidence: 0.5 + (index % 50) / 100.0,
            $"https://snapshots.example.org/{_drillId}/{Uri.EscapeDataString(tail)}.jpg",
            _drillId);
    }

    /// <summary>The indexes of batch <paramref name="batch"/>: consecutive, the last batch what is left.</summary>
    public Range BatchRange(int batch)
    {
        Within(batch, 0, Batches - 1);
        var first = batch * BatchSize;
        return first..Math.Min(first + BatchSize, Count);
    }

    /// <summary>
    /// About <paramref name="share"/> of all indexes, spread over the devices and the seconds, the same on every
    /// run; at least one when the share is above nothing.
    /// </summary>
    public IReadOnlyList<int> Sample(double share)
    {
        Within(share, 0, 1);
        var wanted = share == 0 ? 0 : Math.Clamp((int)Math.Round(Count * share), 1, Count);
        // An even stride through the indexes would land on the same few devices whenever it divides the device
        // count; stepping by a large number coprime with the count visits distinct indexes scattered over both.
        var step = StepCoprimeWith(Count);
        return [.. Enumerable.Range(0, wanted).Select(j => (int)((long)j * step % Count)).Order()];
    }

    private static void Within(double value, double lowest, double highest, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(value, lowest, name);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value, highest, name);
    }

    private static long StepCoprimeWith(int count)
    {
        var step = Math.Max(1L, (long)(count * 0.618));
        while (Gcd(step, count) != 1)
        {
            step++;
        }
        return step;
    }

    private static long Gcd(long a, long b) => b == 0 ? a : Gcd(b, a % b);
}
