using GridActors.Grains.Interfaces.Points;

namespace GridActors.Grains.Points;

/// <summary>Ledger entries for rankings, so a leaderboard never asks 1,318 ledgers for their points.</summary>
public interface IPointsReadModel
{
    ValueTask Project(string participantId, LedgerEntry entry);

    /// <summary>Points earned in [from, to) by each participant that earned any; spending them is not counted.</summary>
    Task<IReadOnlyDictionary<string, int>> Totals(DateTimeOffset from, DateTimeOffset to);
}
