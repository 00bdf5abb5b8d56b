namespace GridActors.Grains.Interfaces.Events;

/// <summary>
/// Someone who reports, handles or acts on a case: <c>worker</c>, <c>department</c>, <c>citizen</c>, an
/// operator role (<c>city</c>, <c>township</c>, <c>village</c>), a feed (<c>camera</c>, <c>hotline</c>) or
/// <c>system</c> for what the platform does on its own.
/// </summary>
[GenerateSerializer, Immutable, Alias("GridActors.Party")]
public sealed record Party([property: Id(0)] string Kind, [property: Id(1)] string Id)
{
    public static Party System { get; } = new(PartyKinds.System, "gridactors");

    public override string ToString() => $"{Kind}:{Id}";
}
