namespace GridActors.LoadTest.Storm;

/// <summary>
/// The exact check: the storm's first answers by status, (device, kind) pairs raised, cases the answers named, alarms that opened one and that folded
/// into one, never answered; the alarms the cases count all together; the re-sends and how many were answered
/// the same; and every difference found (the first few in words).
/// </summary>
public sealed record StormVerification(
    IReadOnlyDictionary<int, int> ByStatus,
    int Pairs,
    int Cases,
    int Opened,
    int Folded,
    int Unanswered,
    long AlarmsCounted,
    int Resent,
    int ResentSame,
    int Mismatches,
    IReadOnlyList<string> FirstMismatches,
    IReadOnlyList<string> FirstRetryDifferences)
{
    /// <summary>Nothing differs, and every re-send got its first answer back.</summary>
    public bool Exact => Mismatches == 0 && ResentSame == Resent;
}
