namespace GridActors.Grains.Interfaces;

/// <summary>A WGS-84 position in decimal degrees.</summary>
[GenerateSerializer, Immutable, Alias("GridActors.GeoPoint")]
public sealed record GeoPoint([property: Id(0)] double Lat, [property: Id(1)] double Lng);
