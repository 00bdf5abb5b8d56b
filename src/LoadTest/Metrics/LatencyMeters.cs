using System.Collections.Concurrent;

namespace GridActors.LoadTest.Metrics;

/// <summary>
/// The event drill's meters: acknowledgements of reports (201), dashboard push (201 → the case on a screen), and
/// one meter per loop action, named as the report lists them (dispatch, start, resolve, verify, verify-failed, …).
/// </summary>
public sealed class LatencyMeters
{
    public const string AckName = "ack";
    public const string PushName = "push";

    /// <summary>The loop's actions in the order a case takes them, for the report's tables.</summary>
    private static readonly string[] LoopOrder = ["accept", "dispatch", "start", "resolve", "verify-failed", "verify"];

    private readonly ConcurrentDictionary<string, LatencyMeter> _actions = new(StringComparer.Ordinal);

    public LatencyMeter Ack { get; } = new();

    public LatencyMeter Push { get; } = new();

    public LatencyMeter Action(string name) => _actions.GetOrAdd(name, _ => new LatencyMeter());

    /// <summary>Acknowledgements, then the actions in the loop's order, then dashboard push.</summary>
    public IEnumerable<(string Name, LatencyMeter Meter)> All() =>
        new[] { (AckName, Ack) }
            .Concat(_actions
                .OrderBy(a => Array.IndexOf(LoopOrder, a.Key) is var at and >= 0 ? at : LoopOrder.Length)
                .ThenBy(a => a.Key, StringComparer.Ordinal)
                .Select(a => (a.Key, a.Value)))
            .Append((PushName, Push));

    /// <summary>Rolls every meter; returns the interval's acknowledgement and push figures, for the samples.</summary>
    public (Percentiles Ack, Percentiles Push) RollAll()
    {
        foreach (var (_, meter) in _actions)
        {
            meter.Roll();
        }
        return (Ack.Roll(), Push.Roll());
    }
}
