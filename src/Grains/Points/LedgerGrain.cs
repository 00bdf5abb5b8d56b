using GridActors.Grains.Clock;
using GridActors.Grains.Interfaces.Points;

namespace GridActors.Grains.Points;

/// <summary>
/// A participant's ledger. The grain is the lock: credits and redemptions are applied one at a time, so a key
/// is paid once however many copies of its message arrive, and a redemption never overdraws.
/// </summary>
public sealed class LedgerGrain(ILedgerStore store, IPointsReadModel readModel, GridClock clock) : Grain, ILedgerGrain
{
    /// <summary>Caps count by the county's calendar day (UTC+8), not the server's.</summary>
    private static readonly TimeSpan CountyOffset = TimeSpan.FromHours(8);

    private readonly List<LedgerEntry> _entries = [];
    private readonly HashSet<string> _keys = [];

    /// <summary>Points paid per rule and county day, so a daily cap is checked without scanning the ledger.</summary>
    private readonly Dictionary<(string Rule, DateOnly Day), int> _earnedByDay = [];
    private int _balance;

    /// <summary>
    /// Loads the ledger and projects it again: projection is an upsert by entry key, so this heals an entry
    /// whose projection failed after it was stored.
    /// </summary>
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var entry in await store.Load(this.GetPrimaryKeyString()))
        {
            Apply(entry);
            await readModel.Project(this.GetPrimaryKeyString(), entry);
        }
    }

    public async Task<int> Credit(PointsAward award)
    {
        if (_keys.Contains(award.Key))
        {
            return _balance;
        }
        var now = clock.GetUtcNow();
        var points = award.Points;
        string? note = null;
        if (award.DailyCap is { } cap && points > 0)
        {
            var earned = _earnedByDay.GetValueOrDefault((award.Rule, Day(now)));
            if (earned + points > cap)
            {
                points = Math.Max(0, cap - earned);
                note = $"daily cap of {cap} for {award.Rule} reached";
            }
        }
        await Append(new LedgerEntry(now, points, award.Rule, award.Ref, award.Key, note));
        return _balance;
    }

    public async Task<RedeemOutcome> Redeem(string requestId, string item, int points)
    {
        var key = $"redeem:{requestId}";
        if (_keys.Contains(key))
        {
            return new RedeemOutcome(RedeemResult.AlreadyRedeemed, View());
        }
        if (_balance < points)
        {
            return new RedeemOutcome(RedeemResult.Short, View());
        }
        await Append(new LedgerEntry(clock.GetUtcNow(), -points, $"redeem:{item}", item, key));
        return new RedeemOutcome(RedeemResult.Redeemed, View());
    }

    public Task<LedgerView> GetView() => Task.FromResult(View());

    /// <summary>Stored first, then counted: a failed store leaves the ledger as it was, for the retry.</summary>
    private async Task Append(LedgerEntry entry)
    {
        await store.Append(this.GetPrimaryKeyString(), entry);
        Apply(entry);
        await readModel.Project(this.GetPrimaryKeyString(), entry);
    }

    private void Apply(LedgerEntry entry)
    {
        _entries.Add(entry);
        _keys.Add(entry.Key);
        _balance += entry.Points;
        var day = (entry.Rule, Day(entry.At));
        _earnedByDay[day] = _earnedByDay.GetValueOrDefault(day) + entry.Points;
    }

    private static DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(CountyOffset).DateTime);

    private LedgerView View() =>
        new(this.GetPrimaryKeyString(), _balance, [.. Enumerable.Reverse(_entries)]);
}
