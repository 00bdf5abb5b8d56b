namespace GridActors.Storage.Tests.Infrastructure;

/// <summary><c>Orleans:SiloPort</c> and <c>Orleans:GatewayPort</c> of one host.</summary>
public sealed record SiloPorts(int Silo, int Gateway)
{
    public static SiloPorts Free() => new(FreePorts.Next(), FreePorts.Next());
}
