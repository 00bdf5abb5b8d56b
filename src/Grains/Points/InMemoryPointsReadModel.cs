using System.Collections.Concurrent;
using GridActors.Grains.Interfaces.Points;

namespace GridActors.Grains.Points;

/// <summary>
/// The embedded default: every entry in memory, keyed by participant and entry key (projection is idempotent),
/// written by <see cref="InMemoryLedgerStore"/> as it inserts.
/// </summary>
public sealed class InMemoryPointsReadModel : IPointsReadModel
{
    private readonly ConcurrentDictionary<(string Participant, string Key), LedgerEntry> _entries = new();

    public void Project(string participantId, LedgerEntry entry) => _entries[(participantId, entry.Key)] = entry;

    public void Remove(string participantId, IEnumerable<string> keys)
    {
        foreach (var key in keys)
        {
            _entries.TryRemove((participantId, key), out _);
        }
    }

    /// <remarks>A drill's ledgers earn nothing on the county's boards.</remarks>
    public Task<IReadOnlyDictionary<string, int>> Totals(DateTimeOffset from, DateTimeOffset to) =>
        Task.FromResult<IReadOnlyDictionary<string, int>>(_entries
            .Where(e => e.Value.At >= from && e.Value.At < to && !e.Value.Rule.StartsWith(LedgerRules.RedeemPrefix, StringComparison.Ordinal)
                && !ParticipantIds.IsDrill(e.Key.Participant))
            .GroupBy(e => e.Key.Participant)
            .ToDictionary(g => g.Key, g => g.Sum(e => e.Value.Points)));
}
