namespace GridActors.LoadTest.Storm;

/// <summary>The alarm kinds the feed accepts, in the order <c>--kinds N</c> takes the first N of.</summary>
public static class AlarmKinds
{
    public static IReadOnlyList<string> All { get; } = ["intrusion", "crowd", "fire", "smoke", "garbage", "illegal-parking"];
}
