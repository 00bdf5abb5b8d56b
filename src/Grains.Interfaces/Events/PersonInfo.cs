namespace GridActors.Grains.Interfaces.Events;

/// <summary>Personal data attached to a case (a party to a dispute, a key person). Masked on the way out.</summary>
[GenerateSerializer, Immutable, Alias("GridActors.PersonInfo")]
public sealed record PersonInfo(
    [property: Id(0)] string? Name = null,
    [property: Id(1)] string? Phone = null,
    [property: Id(2)] string? IdNumber = null);
