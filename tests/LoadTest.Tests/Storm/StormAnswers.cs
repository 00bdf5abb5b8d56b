using GridActors.LoadTest.Storm;

namespace GridActors.LoadTest.Tests.Storm;

/// <summary>What an Api keeping its promises answers a schedule: one case a (device, kind), opened by its first alarm.</summary>
public static class StormAnswers
{
    public static StormSchedule Schedule(int devices = 10, int seconds = 5, int kinds = 1) =>
        new([.. Enumerable.Range(0, devices).Select(d => $"dev-{d:D3}")], seconds, kinds, batch: 16, "storm-test",
            new DateTimeOffset(2026, 12, 8, 3, 0, 0, TimeSpan.Zero));

    public static string CaseOf(AlarmPair pair) => $"case-{pair.DeviceId}-{pair.Kind}";

    public static List<AlarmAnswer> Consistent(StormSchedule schedule)
    {
        var opened = new HashSet<AlarmPair>();
        return [.. Enumerable.Range(0, schedule.Count).Select(i =>
        {
            var pair = schedule.PairOf(i);
            var first = opened.Add(pair);
            return new AlarmAnswer(schedule.Alarm(i).AlarmId, first ? 201 : 200, CaseOf(pair), Folded: !first, null, null);
        })];
    }

    public static StormTally Tally(StormSchedule schedule, IReadOnlyList<AlarmAnswer> answers)
    {
        var tally = new StormTally(schedule);
        tally.Record(0..schedule.Count, answers);
        return tally;
    }

    /// <summary>The cases as the Api would read them back, counting what the answers said.</summary>
    public static Dictionary<string, StormCase?> Cases(IEnumerable<ExpectedCase> expected) =>
        expected.ToDictionary(c => c.EventId, c => (StormCase?)new StormCase(c.EventId, "reported", c.Alarms, c.Pair.DeviceId, c.Pair.Kind));
}
