namespace GridActors.LoadTest.Storm;

/// <summary>A device and an alarm kind: while a case for it is open, every alarm of the pair folds into that case.</summary>
public readonly record struct AlarmPair(string DeviceId, string Kind)
{
    public override string ToString() => $"{DeviceId}/{Kind}";
}
