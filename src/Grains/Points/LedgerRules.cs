using GridActors.Grains.Interfaces.Points;

namespace GridActors.Grains.Points;

/// <summary>
/// What a ledger writes, decided from what it holds: pure, so the cap arithmetic and the duplicate and balance
/// checks are tested without a cluster. The stores state <see cref="Covers"/> again where the entries are
/// (under a lock in memory, in SQL in PostgreSQL), since only they see every activation's entries.
/// </summary>
public static class LedgerRules
{
    public const string RedeemPrefix = "redeem:";

    /// <summary>Caps count by the county's calendar day (UTC+8), not the server's.</summary>
    public static DateOnly CountyDay(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(Period.CountyOffset).DateTime);

    /// <summary>
    /// The entry that pays <paramref name="award"/>, or null when the book's recent entries have its key (an older
    /// key is the store's to refuse). The entry carries the
    /// time of the fact (<paramref name="now"/> when the award names none), and a daily cap counts the points
    /// of that fact's county day, so an award paid late lands in the day and month that earned it. Points past
    /// the cap are recorded as what still fits (often 0), with a note.
    /// </summary>
    public static LedgerEntry? Credit(LedgerBook book, PointsAward award, DateTimeOffset now)
    {
        if (book.HasRecent(award.Key))
        {
            return null;
        }
        var at = award.At ?? now;
        var points = award.Points;
        string? note = null;
        if (award.DailyCap is { } cap && points > 0)
        {
            var earned = book.EarnedOn(award.Rule, CountyDay(at));
            if (earned + points > cap)
            {
                points = Math.Max(0, cap - earned);
                note = $"daily cap of {cap} for {award.Rule} reached";
            }
        }
        return new LedgerEntry(at, points, award.Rule, award.Ref, award.Key, note);
    }

    public static string RedeemKey(string requestId) => RedeemPrefix + requestId;

    /// <summary>
    /// The debit for a redemption, or null when the book's recent entries have its request already. Whether the balance covers it
    /// is not decided here but by the store (<see cref="Covers"/>): the book may be behind what is stored.
    /// </summary>
    public static LedgerEntry? Debit(LedgerBook book, string requestId, string item, int points, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(points);
        var key = RedeemKey(requestId);
        return book.HasRecent(key) ? null : new LedgerEntry(now, -points, RedeemPrefix + item, item, key);
    }

    /// <summary>A redemption of <paramref name="points"/> may go ahead on <paramref name="balance"/>: spending never takes it below zero.</summary>
    public static bool Covers(int balance, int points) => balance >= points;
}
