namespace GridActors.LoadTest.Storm;

/// <summary>A case as the feed's answers describe it: whose alarms named it, and how many did.</summary>
public sealed record ExpectedCase(string EventId, AlarmPair Pair, int Alarms);
