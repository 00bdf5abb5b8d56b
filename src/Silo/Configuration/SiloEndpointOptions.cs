namespace GridActors.Silo.Configuration;

/// <summary><c>Orleans:*</c>: the cluster a host joins and the ports it listens on.</summary>
public sealed class SiloEndpointOptions
{
    public const string Section = "Orleans";

    public string ClusterId { get; set; } = "gridactors";

    public string ServiceId { get; set; } = "gridactors";

    /// <summary>Silo-to-silo port; give each silo on one machine its own.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Port that cluster clients connect to.</summary>
    public int GatewayPort { get; set; } = 30000;
}
