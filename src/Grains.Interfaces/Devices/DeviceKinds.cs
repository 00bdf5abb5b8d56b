namespace GridActors.Grains.Interfaces.Devices;

/// <summary>The kinds of device the county ships; a device's id says nothing of its kind, this field does.</summary>
public static class DeviceKinds
{
    /// <summary>A channel the telecom operator built for the county (运营商牵头自建, about 1,000).</summary>
    public const string Camera = "camera";

    /// <summary>A channel of a shop, school, compound or firm joined to the network (社会资源, about 3,000).</summary>
    public const string SocialCamera = "social-camera";

    public static IReadOnlyList<string> All { get; } = [Camera, SocialCamera];
}
