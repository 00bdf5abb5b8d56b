namespace GridActors.LoadTest.Field;

/// <summary>Reports <see cref="FirstIndex"/> to <c>FirstIndex + Count - 1</c>, sent <see cref="AtSeconds"/> into the run.</summary>
public sealed record Arrival(double AtSeconds, ArrivalKind Kind, int FirstIndex, int Count);
