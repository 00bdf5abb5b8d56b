using GridActors.Grains.Events.Store;

namespace GridActors.Grains.Devices;

/// <summary>
/// A device's latest alarm receipts, so that telling a new alarm from a retried one costs no read. It holds every
/// receipt raised after <see cref="Horizon"/>: an alarm id it does not know, raised after the horizon, is new; one
/// raised at or before it may be an old alarm sent again and is looked up in the store. Loading the newest receipts
/// sets the horizon at the oldest of them when there may be more; evicting one moves it up to that one's time.
/// </summary>
public sealed class AlarmReceiptCache
{
    /// <summary>Two minutes of a device alarming every second: well past an upstream's retry, and 4,000 devices fit in memory.</summary>
    public const int Capacity = 128;

    private readonly Dictionary<string, AlarmReceipt> _byId = [];
    private readonly Queue<string> _order = new();

    /// <param name="newest">The device's newest receipts, at most <see cref="Capacity"/>, as the store has them.</param>
    public AlarmReceiptCache(IReadOnlyList<AlarmReceipt> newest)
    {
        Horizon = newest.Count >= Capacity ? newest.Min(r => r.At) : DateTimeOffset.MinValue;
        foreach (var receipt in newest.OrderBy(r => r.At))
        {
            Add(receipt);
        }
    }

    public DateTimeOffset Horizon { get; private set; }

    public AlarmReceipt? Find(string alarmId) => _byId.GetValueOrDefault(alarmId);

    /// <summary>Whether an alarm id this cache does not know must be looked up in the store.</summary>
    public bool MayHaveForgotten(DateTimeOffset raisedAt) => raisedAt <= Horizon;

    public void Add(AlarmReceipt receipt)
    {
        if (!_byId.TryAdd(receipt.AlarmId, receipt))
        {
            return;
        }
        _order.Enqueue(receipt.AlarmId);
        while (_order.Count > Capacity && _byId.Remove(_order.Dequeue(), out var evicted))
        {
            if (evicted.At > Horizon)
            {
                Horizon = evicted.At;
            }
        }
    }
}
