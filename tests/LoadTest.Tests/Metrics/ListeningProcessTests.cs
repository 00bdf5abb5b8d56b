using System.Net;
using System.Net.Sockets;
using GridActors.LoadTest.Metrics;

namespace GridActors.LoadTest.Tests.Metrics;

public sealed class ListeningProcessTests
{
    [Fact]
    public void ListeningSockets_ATable_OnlyTheListeningOnesWithTheirPorts()
    {
        var table = Path.GetTempFileName();
        File.WriteAllLines(table, [
            "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode",
            "   0: 0100007F:13D9 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 4242 1 0000000000000000 100 0 0 10 0",
            "   1: 0100007F:13D9 0100007F:A1B2 01 00000000:00000000 00:00000000 00000000     0        0 4343 1 0000000000000000 100 0 0 10 0",
        ]);

        var sockets = ListeningProcess.ListeningSockets(table).ToList();
        File.Delete(table);

        Assert.Equal([(5081, "4242")], sockets);
    }

    [Fact]
    public void Find_APortThisProcessListensOn_ThisProcess()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "/proc is Linux's");
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();

        var pid = ListeningProcess.Find(((IPEndPoint)listener.LocalEndpoint).Port);

        Assert.Equal(Environment.ProcessId, pid);
    }
}
