using GridActors.Grains.Areas;
using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.Interfaces.Topology;

namespace GridActors.Grains.Tests.Areas;

public sealed class CityModesTests
{
    private const string City = "chengjiang";
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly string[] Townships = ["fenglu", "yousuo", "longjie"];

    private static ModeChange To(string scope, OperatingMode mode, int minutes = 0) => new(Now.AddMinutes(minutes), scope, mode, "city:chengjiang");

    [Fact]
    public void Switch_ATownship_SetsItsModeAndLogsItOnACopy()
    {
        var current = new CityState();

        var next = CityModes.Switch(current, City, To("fenglu", OperatingMode.Emergency));

        Assert.Equal(OperatingMode.Emergency, next.TownshipModes["fenglu"]);
        Assert.Equal(OperatingMode.Routine, next.Mode);
        Assert.Equal([To("fenglu", OperatingMode.Emergency)], next.History);
        Assert.Empty(current.TownshipModes);
        Assert.Empty(current.History);
    }

    [Fact]
    public void Switch_TheCity_SetsTheCitysModeAndLeavesTheTownshipsOwn()
    {
        var current = new CityState { TownshipModes = new() { ["fenglu"] = OperatingMode.Emergency } };

        var next = CityModes.Switch(current, City, To(City, OperatingMode.Emergency));

        Assert.Equal(OperatingMode.Emergency, next.Mode);
        Assert.Equal(OperatingMode.Emergency, next.TownshipModes["fenglu"]);
        Assert.Equal(OperatingMode.Routine, current.Mode);
    }

    [Fact]
    public void Switch_PastTheLogsLength_KeepsTheLatestSwitches()
    {
        var current = new CityState { History = [.. Enumerable.Range(0, CityModes.HistoryKept).Select(i => To("fenglu", OperatingMode.Routine, i))] };
        var last = To("yousuo", OperatingMode.Emergency, CityModes.HistoryKept);

        var next = CityModes.Switch(current, City, last);

        Assert.Equal(CityModes.HistoryKept, next.History.Count);
        Assert.Equal(To("fenglu", OperatingMode.Routine, 1), next.History[0]);
        Assert.Equal(last, next.History[^1]);
        Assert.Equal(To("fenglu", OperatingMode.Routine, 0), current.History[0]);
    }

    [Fact]
    public void Moved_TheCitySwitchedToEmergency_NamesTheTownshipsNotAlreadyInIt()
    {
        var before = new CityState { TownshipModes = new() { ["fenglu"] = OperatingMode.Emergency } };
        var after = CityModes.Switch(before, City, To(City, OperatingMode.Emergency));

        var moved = CityModes.Moved(before, after, Townships);

        Assert.Equal([("yousuo", OperatingMode.Emergency), ("longjie", OperatingMode.Emergency)], moved);
    }

    [Fact]
    public void Moved_ATownshipBackToRoutineWhileTheCityIsInEmergency_NamesNone()
    {
        var before = new CityState { Mode = OperatingMode.Emergency, TownshipModes = new() { ["fenglu"] = OperatingMode.Emergency } };
        var after = CityModes.Switch(before, City, To("fenglu", OperatingMode.Routine));

        Assert.Empty(CityModes.Moved(before, after, Townships));
        Assert.Equal(OperatingMode.Emergency, CityModes.Effective(after, "fenglu"));
    }
}
