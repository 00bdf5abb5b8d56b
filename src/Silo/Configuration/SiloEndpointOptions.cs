namespace GridActors.Silo.Configuration;

/// <summary><c>Orleans:*</c>: the cluster a host joins and the ports it listens on.</summary>
public sealed class SiloEndpointOptions
{
    public const string Section = "Orleans";

    public string ClusterId { get; set; } = "gridactors";

    public string ServiceId { get; set; } = "gridactors";

    /// <summary>Silo-to-silo port; give each silo on one machine its own.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>
    /// The address other silos reach this one at, with <c>Storage=postgres</c>. Loopback suits several silos on
    /// one machine; a cluster across machines gives each host its own address.
    /// </summary>
    public string AdvertisedIP { get; set; } = "127.0.0.1";

    public System.Net.IPAddress AdvertisedAddress => System.Net.IPAddress.Parse(AdvertisedIP);

    /// <summary>Port that cluster clients connect to.</summary>
    public int GatewayPort { get; set; } = 30000;
}
