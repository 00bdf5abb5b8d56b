using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.Interfaces.Topology;

namespace GridActors.Grains.Tests.Areas;

public sealed class TownshipModeTests
{
    [Theory]
    [InlineData(OperatingMode.Emergency, OperatingMode.Routine)]
    [InlineData(OperatingMode.Emergency, OperatingMode.Emergency)]
    public void Of_TheCityInEmergency_PutsTheTownshipInEmergencyByTheCity(OperatingMode city, OperatingMode own)
    {
        var mode = TownshipMode.Of(city, own);

        Assert.Equal(new TownshipMode(own, OperatingMode.Emergency, ModeSource.City), mode);
    }

    [Theory]
    [InlineData(OperatingMode.Routine)]
    [InlineData(OperatingMode.Emergency)]
    public void Of_TheCityInRoutine_RunsTheTownshipByItsOwnSwitch(OperatingMode own)
    {
        var mode = TownshipMode.Of(OperatingMode.Routine, own);

        Assert.Equal(new TownshipMode(own, own, ModeSource.Township), mode);
    }
}
