using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.Topology;

namespace GridActors.Silo.Simulation.Model;

/// <summary>
/// Who stands behind a report of each channel in a grid: one of its grid workers on patrol, one of its volunteers,
/// one of the grid's cameras, or a citizen — by the app or through the hotline, then with name and phone, as the
/// hotline's operator takes them down.
/// </summary>
public sealed class CaseReporters(CountyTopology topology)
{
    /// <summary>Cameras a grid's village road and square carry, numbered within the grid.</summary>
    private const int CamerasPerGrid = 9;

    private static readonly string[] Surnames = ["李", "王", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭", "何", "罗"];
    private static readonly string[] GivenNames = ["建华", "秀英", "志强", "丽萍", "国平", "桂芬", "永红", "海燕", "文斌", "春梅", "德明", "玉兰", "家福", "晓东"];

    private long _calls;

    public (Party Reporter, PersonInfo? Person) For(ReportChannel channel, GridPlace place, Random random)
    {
        var grid = place.Grid;
        switch (channel)
        {
            case ReportChannel.Volunteer when topology.VolunteersOf(grid.Id) is { Count: > 0 } volunteers:
                return (new Party(PartyKinds.Volunteer, volunteers[random.Next(volunteers.Count)]), null);
            case ReportChannel.Camera:
                return (new Party("camera", $"{grid.Id}-cam{random.Next(1, CamerasPerGrid + 1):D2}"), null);
            case ReportChannel.Hotline:
                return (new Party("hotline", $"12345-{Interlocked.Increment(ref _calls):D8}"), Citizen(random));
            case ReportChannel.CitizenApp:
                return (new Party(PartyKinds.Citizen, $"C{random.Next(1, 200_000):D6}"), Citizen(random));
            default:
                return (new Party(PartyKinds.Worker, grid.Workers[random.Next(grid.Workers.Count)].Id), null);
        }
    }

    private static PersonInfo Citizen(Random random) => new(
        Surnames[random.Next(Surnames.Length)] + GivenNames[random.Next(GivenNames.Length)],
        $"1{random.Next(3, 10)}{random.Next(0, 1_000_000_000):D9}",
        IdNumber: null);
}
