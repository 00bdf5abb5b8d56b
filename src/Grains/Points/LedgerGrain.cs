using GridActors.Grains.Clock;
using GridActors.Grains.Interfaces;
using GridActors.Grains.Interfaces.Points;

namespace GridActors.Grains.Points;

/// <summary>
/// A participant's ledger. The grain is the lock: credits and redemptions are applied one at a time, so a key
/// is paid once however many copies of its message arrive, and a redemption never overdraws.
/// </summary>
public sealed class LedgerGrain(
    [PersistentState("ledger", StorageNames.County)] IPersistentState<LedgerState> state,
    IPointsReadModel readModel,
    GridClock clock) : Grain, ILedgerGrain
{
    /// <summary>Caps count by the county's calendar day (UTC+8), not the server's.</summary>
    private static readonly TimeSpan CountyOffset = TimeSpan.FromHours(8);

    private HashSet<string> _keys = [];

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _keys = [.. state.State.Entries.Select(e => e.Key)];
        return Task.CompletedTask;
    }

    public async Task<LedgerView> Credit(PointsAward award)
    {
        if (_keys.Contains(award.Key))
        {
            return View();
        }
        var now = clock.GetUtcNow();
        var points = award.Points;
        string? note = null;
        if (award.DailyCap is { } cap && points > 0)
        {
            var today = Day(now);
            var earned = state.State.Entries.Where(e => e.Rule == award.Rule && Day(e.At) == today).Sum(e => e.Points);
            if (earned + points > cap)
            {
                points = Math.Max(0, cap - earned);
                note = $"daily cap of {cap} for {award.Rule} reached";
            }
        }
        await Append(new LedgerEntry(now, points, award.Rule, award.Ref, award.Key, note));
        return View();
    }

    public async Task<RedeemOutcome> Redeem(string requestId, string item, int points)
    {
        var key = $"redeem:{requestId}";
        if (_keys.Contains(key))
        {
            return new RedeemOutcome(RedeemResult.AlreadyRedeemed, View());
        }
        if (state.State.Balance < points)
        {
            return new RedeemOutcome(RedeemResult.Short, View());
        }
        await Append(new LedgerEntry(clock.GetUtcNow(), -points, $"redeem:{item}", item, key));
        return new RedeemOutcome(RedeemResult.Redeemed, View());
    }

    public Task<LedgerView> GetView() => Task.FromResult(View());

    private async Task Append(LedgerEntry entry)
    {
        state.State.Entries.Add(entry);
        state.State.Balance += entry.Points;
        _keys.Add(entry.Key);
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // Not written, not paid: undo so the retry that follows is judged on what is stored.
            state.State.Entries.RemoveAt(state.State.Entries.Count - 1);
            state.State.Balance -= entry.Points;
            _keys.Remove(entry.Key);
            throw;
        }
        await readModel.Project(this.GetPrimaryKeyString(), entry);
    }

    private static DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(CountyOffset).DateTime);

    private LedgerView View() =>
        new(this.GetPrimaryKeyString(), state.State.Balance, [.. Enumerable.Reverse(state.State.Entries)]);
}
