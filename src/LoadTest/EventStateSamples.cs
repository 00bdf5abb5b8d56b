using GridActors.Grains.Events;
using GridActors.Grains.Interfaces;
using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.Sla;
using GridActors.Grains.Topology;

namespace GridActors.LoadTest;

/// <summary>
/// Event states as the event grain writes them, so the payload has a case's real size and shape: a report from
/// a real grid and category with a description, a location and a person, then the case dispatched to one of the
/// grid's workers with its clocks and alarms (the first write), then started (the update).
/// </summary>
public sealed class EventStateSamples(CountyTopology topology)
{
    private static readonly DateTimeOffset Epoch = new(2026, 11, 30, 8, 0, 0, TimeSpan.FromHours(8));

    private readonly IReadOnlyList<GridPlace> _grids = [.. topology.Grids.Where(g => g.Grid.Workers.Count > 0).OrderBy(g => g.Grid.Id, StringComparer.Ordinal)];
    private readonly IReadOnlyList<CategoryNode> _categories = topology.Document.Categories;

    public EventState Dispatched(int index)
    {
        var random = new Random(index);
        var place = _grids[random.Next(_grids.Count)];
        var category = _categories[random.Next(_categories.Count)];
        var worker = place.Grid.Workers[random.Next(place.Grid.Workers.Count)];
        var reportedAt = Epoch.AddSeconds(index);
        var handle = new StageClock(SlaStage.Handle, reportedAt.AddMinutes(3), TimeSpan.FromHours(24), TimeBasis.Working, reportedAt.AddDays(2));
        return new EventState
        {
            Report = new ReportDraft(
                place.Grid.Id, place.Village.Id, place.Township.Id, category.Id,
                $"{category.Name}：{place.Grid.Name}附近需要处理 #{index}",
                $"群众反映{place.Village.Name}{place.Grid.Name}一带{category.Name}问题，已持续数日，请尽快派人到现场核实处理并反馈结果。",
                Priority.Normal,
                new Party(PartyKinds.Citizen, $"citizen-{random.Next(100_000):D6}"),
                new GeoPoint(place.Grid.Centroid.Lat + random.NextDouble() / 1000, place.Grid.Centroid.Lng + random.NextDouble() / 1000),
                new PersonInfo("张建国", $"138{random.Next(100_000_000):D8}", $"5304{random.Next(100_000_000):D8}1234")),
            Status = EventStatus.Dispatched,
            Assignee = new Party(PartyKinds.Worker, worker.Id),
            History =
            [
                new(reportedAt, EventAction.Report, $"{PartyKinds.Citizen}:reporter", null),
                new(reportedAt.AddMinutes(1), EventAction.Accept, Party.System.ToString(), "auto-accepted"),
                new(reportedAt.AddMinutes(3), EventAction.Dispatch, Party.System.ToString(), $"to {worker.Id} ({worker.Name})"),
            ],
            ReportedAt = reportedAt,
            Version = 1,
            Priority = Priority.Normal,
            Stage = handle,
            Whole = new StageClock(SlaStage.Whole, reportedAt, TimeSpan.FromDays(5), TimeBasis.Working, reportedAt.AddDays(7)),
            PendingAlarms =
            [
                new(SlaStage.Handle, AlarmKind.Warning50, reportedAt.AddHours(12)),
                new(SlaStage.Handle, AlarmKind.Warning75, reportedAt.AddHours(18)),
                new(SlaStage.Handle, AlarmKind.Breach, handle.DueAt),
            ],
            AlarmSequence = 1,
            ArmedFor = reportedAt.AddHours(12),
        };
    }

    /// <summary>The same case one step on: the worker started, so one more history entry and the next version.</summary>
    public static EventState Started(EventState dispatched)
    {
        var startedAt = dispatched.History[^1].At.AddMinutes(20);
        return new EventState
        {
            Report = dispatched.Report,
            Status = EventStatus.InProgress,
            Assignee = dispatched.Assignee,
            History = [.. dispatched.History, new(startedAt, EventAction.Start, dispatched.Assignee!.ToString(), null)],
            ReportedAt = dispatched.ReportedAt,
            Version = dispatched.Version + 1,
            Priority = dispatched.Priority,
            Stage = dispatched.Stage,
            Whole = dispatched.Whole,
            PendingAlarms = dispatched.PendingAlarms,
            AlarmSequence = dispatched.AlarmSequence,
            ArmedFor = dispatched.ArmedFor,
        };
    }
}
