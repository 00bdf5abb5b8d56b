namespace GridActors.Grains.Live;

/// <summary>A drill's cases were erased: every live drill view drops what it holds and reads the read model again.</summary>
[GenerateSerializer, Immutable, Alias("GridActors.DrillErased")]
public sealed record DrillErased([property: Id(0)] string Drill);
