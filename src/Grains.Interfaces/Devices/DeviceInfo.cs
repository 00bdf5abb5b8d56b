namespace GridActors.Grains.Interfaces.Devices;

/// <summary>
/// A sensing device placed in a grid: today the video network's channels (雪亮工程). <see cref="Kind"/> is one of
/// <see cref="DeviceKinds"/>; <see cref="Owner"/> is who runs it, which the command centre calls when it fails.
/// </summary>
[GenerateSerializer, Immutable, Alias("GridActors.DeviceInfo")]
public sealed record DeviceInfo(
    [property: Id(0)] string Id,
    [property: Id(1)] string Kind,
    [property: Id(2)] string GridId,
    [property: Id(3)] string Name,
    [property: Id(4)] GeoPoint Location,
    [property: Id(5)] string Owner);
