namespace GridActors.Grains.Interfaces.Deadlines;

/// <summary>A grain that a deadline wakes: an event (<c>event</c>) or a grid's key-person register (<c>visits</c>).</summary>
[GenerateSerializer, Immutable, Alias("GridActors.AlarmTarget")]
public sealed record AlarmTarget([property: Id(0)] string Kind, [property: Id(1)] string Id)
{
    public const string Event = "event";
    public const string Visits = "visits";

    public override string ToString() => $"{Kind}:{Id}";
}
