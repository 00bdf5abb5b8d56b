using GridActors.LoadTest.Metrics;

namespace GridActors.LoadTest.Storm;

/// <summary>
/// Compares the cases as the Api keeps them with what the feed's answers said of them: each still open, counting
/// exactly the alarms that named it, for the device and kind that raised them; and all of them together counting
/// every alarm of the storm once, the retries check's re-sends not at all.
/// </summary>
public static class CaseCheck
{
    /// <param name="expected">The cases the answers named (<see cref="AlarmVerdict.Cases"/>).</param>
    /// <param name="read">What the Api answered for each; null where it had no such case.</param>
    /// <param name="alarmsSent">The storm's alarms, each counted once.</param>
    /// <param name="mismatches">Every difference, in words.</param>
    /// <returns>The alarms the cases count, all together.</returns>
    public static long Compare(
        IReadOnlyDictionary<string, ExpectedCase> expected, IReadOnlyDictionary<string, StormCase?> read, long alarmsSent, FailureLog mismatches)
    {
        long counted = 0;
        foreach (var (eventId, want) in expected)
        {
            if (read.GetValueOrDefault(eventId) is not { } got)
            {
                mismatches.Add($"case {eventId}: not found");
                continue;
            }
            counted += got.Alarms;
            if (!got.IsOpen)
            {
                mismatches.Add($"case {eventId}: {got.Status}, not open");
            }
            if (got.Alarms != want.Alarms)
            {
                mismatches.Add($"case {eventId}: counts {got.Alarms} alarms, {want.Alarms} were answered with it");
            }
            if (got.DeviceId != want.Pair.DeviceId || got.Kind != want.Pair.Kind)
            {
                mismatches.Add($"case {eventId}: alarm source {got.DeviceId}/{got.Kind}, the alarms were {want.Pair}");
            }
        }
        if (counted != alarmsSent)
        {
            mismatches.Add($"the cases count {counted} alarms, {alarmsSent} were sent");
        }
        return counted;
    }
}
