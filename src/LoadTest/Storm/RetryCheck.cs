using GridActors.LoadTest.Metrics;

namespace GridActors.LoadTest.Storm;

/// <summary>
/// The feed's promise for a repeated alarm id, checked: the answer to a re-send is the answer to the first send,
/// the same status, case and folding. An alarm the storm never got an answer for has nothing to repeat, and so
/// cannot count as the same.
/// </summary>
public static class RetryCheck
{
    /// <param name="tally">The storm's first answers.</param>
    /// <param name="indexes">The alarms sent again, in the order of <paramref name="answers"/>.</param>
    /// <param name="answers">The answers to the re-sends; null where a batch of them failed.</param>
    /// <param name="differences">Every re-send answered otherwise, in words.</param>
    /// <returns>How many were answered the same.</returns>
    public static int Compare(StormTally tally, IReadOnlyList<int> indexes, IReadOnlyList<AlarmAnswer?> answers, FailureLog differences)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(answers.Count, indexes.Count);
        var same = 0;
        for (var i = 0; i < indexes.Count; i++)
        {
            var first = tally.AnswerOf(indexes[i]);
            var again = answers[i];
            if (first is not null && again is not null && first.SameAs(again))
            {
                same++;
                continue;
            }
            var alarmId = tally.Schedule.Alarm(indexes[i]).AlarmId;
            differences.Add($"re-sent {alarmId}: first {first?.ToString() ?? "no answer"}, again {again?.ToString() ?? "no answer"}");
        }
        return same;
    }
}
