namespace GridActors.Grains.Points;

/// <summary>
/// Ledger entries for rankings, so a leaderboard never asks 1,318 ledgers for their points. The ledger store
/// keeps it: in PostgreSQL it is the ledger table itself, in memory the store projects each entry it inserts.
/// </summary>
public interface IPointsReadModel
{
    /// <summary>
    /// Points earned in [from, to) by each of the county's participants that earned any (a drill's ledgers are left
    /// out); spending them is not counted.
    /// </summary>
    Task<IReadOnlyDictionary<string, int>> Totals(DateTimeOffset from, DateTimeOffset to);
}
