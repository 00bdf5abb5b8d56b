namespace GridActors.LoadTest.Storm;

/// <summary>
/// What became of one batch: the feed's answers in the order of the items, or, when none came, why not (a
/// whole-request refusal, or retries that never got through).
/// </summary>
public sealed record BatchOutcome(IReadOnlyList<AlarmAnswer>? Answers, string? Failure)
{
    public static BatchOutcome Answered(IReadOnlyList<AlarmAnswer> answers) => new(answers, null);

    public static BatchOutcome Failed(string why) => new(null, why);
}
