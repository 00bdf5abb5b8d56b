using GridActors.LoadTest.Metrics;

namespace GridActors.LoadTest.Storm;

/// <summary>
/// The first answer for every alarm of the schedule, and the check of them all once the storm is over: every
/// alarm accepted, every (device, kind) pair in exactly one case that exactly one of its alarms opened, and no
/// case named by two pairs. Lanes record without locks: each alarm belongs to one batch, sent by one lane.
/// </summary>
public sealed class StormTally(StormSchedule schedule)
{
    private readonly AlarmAnswer?[] _answers = new AlarmAnswer?[schedule.Count];

    public StormSchedule Schedule => schedule;

    /// <summary>Keeps the answers for the alarms of <paramref name="range"/>, in order.</summary>
    public void Record(Range range, IReadOnlyList<AlarmAnswer> answers)
    {
        var (first, length) = range.GetOffsetAndLength(_answers.Length);
        ArgumentOutOfRangeException.ThrowIfNotEqual(answers.Count, length);
        for (var i = 0; i < length; i++)
        {
            _answers[first + i] = answers[i];
        }
    }

    public AlarmAnswer? AnswerOf(int index) => _answers[index];

    /// <summary>Adds up the answers; every way they break the feed's promises goes to <paramref name="mismatches"/>.</summary>
    public AlarmVerdict Verify(FailureLog mismatches)
    {
        var byStatus = new Dictionary<int, int>();
        var casesOfPair = new Dictionary<AlarmPair, HashSet<string>>();
        var openedOfPair = new Dictionary<AlarmPair, int>();
        var cases = new Dictionary<string, ExpectedCase>();
        var (opened, folded, unanswered) = (0, 0, 0);
        for (var index = 0; index < _answers.Length; index++)
        {
            var pair = schedule.PairOf(index);
            var namedByPair = casesOfPair.TryGetValue(pair, out var known) ? known : casesOfPair[pair] = [];
            var alarmId = schedule.Alarm(index).AlarmId;
            if (_answers[index] is not { } answer)
            {
                unanswered++;
                mismatches.Add($"alarm {alarmId}: no answer");
                continue;
            }
            byStatus[answer.Status] = byStatus.GetValueOrDefault(answer.Status) + 1;
            if (answer.AlarmId != alarmId)
            {
                mismatches.Add($"alarm {alarmId}: answered as {answer.AlarmId}");
            }
            if (!answer.Accepted || answer.EventId is not { } eventId)
            {
                mismatches.Add($"alarm {answer}");
                continue;
            }
            if (answer.Folded != (answer.Status == AlarmAnswer.FoldedIn))
            {
                mismatches.Add($"alarm {answer}: status and folded disagree");
            }
            if (answer.Status == AlarmAnswer.Opened)
            {
                opened++;
                openedOfPair[pair] = openedOfPair.GetValueOrDefault(pair) + 1;
            }
            else
            {
                folded++;
            }
            namedByPair.Add(eventId);
            var named = cases.GetValueOrDefault(eventId) ?? new ExpectedCase(eventId, pair, 0);
            if (named.Pair != pair)
            {
                mismatches.Add($"case {eventId}: named by alarms of {named.Pair} and of {pair}");
            }
            cases[eventId] = named with { Alarms = named.Alarms + 1 };
        }
        foreach (var (pair, named) in casesOfPair)
        {
            var openedBy = openedOfPair.GetValueOrDefault(pair);
            if (named.Count > 1)
            {
                mismatches.Add($"{pair}: its alarms name {named.Count} cases ({string.Join(", ", named.Take(5))})");
            }
            if (named.Count > 0 && openedBy != 1)
            {
                mismatches.Add($"{pair}: {openedBy} of its alarms answered 201, not one");
            }
        }
        if (opened != casesOfPair.Count)
        {
            mismatches.Add($"{opened} alarms answered 201 for {casesOfPair.Count} (device, kind) pairs");
        }
        return new AlarmVerdict(byStatus, casesOfPair.Count, opened, folded, unanswered, cases);
    }
}
