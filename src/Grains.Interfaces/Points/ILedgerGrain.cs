namespace GridActors.Grains.Interfaces.Points;

/// <summary>
/// A participant's points (积分): credits are paid once by key and a redemption is checked against the stored
/// balance and debited in one step of the ledger's store, so both hold even while a second activation of the
/// ledger runs on another silo. Keyed by participant id: <c>W0001</c> (worker),
/// <c>V0001</c> (volunteer), <c>P-{grid}</c> (the grid's party branch), <c>C-{citizen}</c> (citizen).
/// </summary>
[Alias("GridActors.ILedgerGrain")]
public interface ILedgerGrain : IGrainWithStringKey
{
    /// <summary>
    /// Pays the award unless its key was paid before; within the rule's daily cap for the county day of the
    /// award's fact; durable before it returns.
    /// Answers the balance only, so that paying costs the same on a long ledger as on a short one.
    /// </summary>
    [Alias("Credit")]
    Task<int> Credit(PointsAward award);

    /// <summary>Spends points on a catalogue item, once per request id; refused when the balance is short.</summary>
    [Alias("Redeem")]
    Task<RedeemOutcome> Redeem(string requestId, string item, int points);

    [Alias("GetView")]
    Task<LedgerView> GetView();

    /// <summary>
    /// The store's entries of this ledger were erased (a drill's cleanup): this activation drops what it holds, so
    /// the next call reads what the store has. Harmless for any ledger: the store is the record.
    /// </summary>
    [Alias("Forget")]
    Task Forget();
}
