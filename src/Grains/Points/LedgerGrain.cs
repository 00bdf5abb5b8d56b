using GridActors.Grains.Clock;
using GridActors.Grains.Interfaces.Points;

namespace GridActors.Grains.Points;

/// <summary>
/// A participant's ledger. <see cref="LedgerRules"/> decides what to write, the store keeps it (or says it has
/// it, or that the balance is short), and only then does the grain count it. The store is the judge of
/// duplicates and of solvency, because a second activation of this ledger on another silo writes there too;
/// whenever the store's answer shows this activation was behind, it reloads, so what it answers is what is stored.
/// It holds a <see cref="LedgerSummary"/>, not the history: a branch's ledger grows by every case of its grid.
/// </summary>
public sealed class LedgerGrain(ILedgerStore store, GridClock clock) : Grain, ILedgerGrain
{
    private LedgerBook _book = new();

    private string ParticipantId => this.GetPrimaryKeyString();

    /// <summary>One load and counting: the stores keep the points read model themselves, so nothing is projected here.</summary>
    public override async Task OnActivateAsync(CancellationToken cancellationToken) => await Reload();

    public async Task<int> Credit(PointsAward award)
    {
        if (LedgerRules.Credit(_book, award, clock.GetUtcNow()) is not { } entry)
        {
            return _book.Balance;
        }
        if (await store.Append(ParticipantId, entry) == LedgerWrite.Inserted)
        {
            _book.Apply(entry);
        }
        else
        {
            await Reload();
        }
        return _book.Balance;
    }

    public async Task<RedeemOutcome> Redeem(string requestId, string item, int points)
    {
        if (LedgerRules.Debit(_book, requestId, item, points, clock.GetUtcNow()) is not { } debit)
        {
            return new RedeemOutcome(RedeemResult.AlreadyRedeemed, View());
        }
        var stored = await store.AppendIfCovered(ParticipantId, debit);
        if (stored.Result == LedgerWrite.Inserted)
        {
            _book.Apply(debit);
        }
        if (stored.Result != LedgerWrite.Inserted || _book.Balance != stored.Balance)
        {
            await Reload();
        }
        var result = stored.Result switch
        {
            LedgerWrite.Inserted => RedeemResult.Redeemed,
            LedgerWrite.AlreadyThere => RedeemResult.AlreadyRedeemed,
            _ => RedeemResult.Short,
        };
        return new RedeemOutcome(result, View());
    }

    public Task<LedgerView> GetView() => Task.FromResult(View());

    public Task Forget()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    /// <summary>Replaces the book only once the load succeeded: a failed load leaves the ledger as it was.</summary>
    private async Task Reload() => _book = LedgerBook.Of(await store.LoadSummary(ParticipantId, LedgerBook.RecentCapacity));

    private LedgerView View() => new(ParticipantId, _book.Balance, [.. _book.Recent.Reverse()], _book.EntryCount);
}
