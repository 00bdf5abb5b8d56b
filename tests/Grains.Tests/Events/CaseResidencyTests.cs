using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.Tests.Cluster;
using GridActors.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;
using static GridActors.Grains.Tests.Events.Reports;

namespace GridActors.Grains.Tests.Events;

/// <summary>
/// An open case's grain leaves memory once it has been idle for <c>Orleans:CaseIdleTime</c>, and the next call
/// reads the case again as it was. A cluster of its own, with the shortest idle time the setting allows.
/// </summary>
public sealed class CaseResidencyTests : IAsyncLifetime
{
    private InProcessTestCluster _cluster = null!;

    public async ValueTask InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(initialSilosCount: 1);
        builder.ConfigureSiloHost((_, host) => host.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Orleans:CaseIdleTime"] = "00:00:10",
        }));
        builder.ConfigureSilo((_, silo) => silo.AddGridActors());
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async ValueTask DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task AnOpenCase_IdleForTheIdleTime_LeavesMemoryAndIsReadAgainAsItWas()
    {
        var id = NewId();
        var grain = _cluster.Client.GetGrain<IEventGrain>(id);
        var reported = await grain.Report(In(Grid(3)));
        var residentAfterReport = await IsResident(id);

        // The collector looks every half idle time, so the grain goes 10 to 15 s after its last call.
        var left = await Eventually.Holds(async () => !await IsResident(id), within: TimeSpan.FromSeconds(40));
        var readAgain = await grain.GetView();

        Assert.Equal(ReportResult.Created, reported.Result);
        Assert.True(residentAfterReport);
        Assert.True(left);
        Assert.Equal((reported.Event!.Status, reported.Event.Version), (readAgain!.Status, readAgain.Version));
    }

    private async Task<bool> IsResident(string id)
    {
        var grainId = _cluster.Client.GetGrain<IEventGrain>(id).GetGrainId();
        var statistics = await _cluster.Client.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        return statistics.Any(s => s.GrainId == grainId);
    }
}
