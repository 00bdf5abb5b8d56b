namespace GridActors.LoadTest.Storm;

/// <summary>
/// The storm's answers added up: how many of each status, the (device, kind) pairs the schedule raised, the
/// alarms that opened a case and folded into one, those never answered, and the cases the answers name.
/// </summary>
public sealed record AlarmVerdict(
    IReadOnlyDictionary<int, int> ByStatus,
    int Pairs,
    int Opened,
    int Folded,
    int Unanswered,
    IReadOnlyDictionary<string, ExpectedCase> Cases)
{
    /// <summary>Alarms without a 201 or a 200: refused items, and those of batches that never got an answer.</summary>
    public int NotAccepted => Unanswered + ByStatus.Where(s => s.Key is not (AlarmAnswer.Opened or AlarmAnswer.FoldedIn)).Sum(s => s.Value);
}
