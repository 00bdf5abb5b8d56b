using System.Net;
using System.Net.Sockets;

namespace GridActors.Storage.Tests.Infrastructure;

public static class FreePorts
{
    /// <summary>A port nothing listens on right now; the OS hands out another next time.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
