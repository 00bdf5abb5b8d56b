using GridActors.Grains.Interfaces.Events;

namespace GridActors.Grains.Events;

[GenerateSerializer, Alias("GridActors.EventState")]
public sealed class EventState
{
    [Id(0)] public ReportDraft? Report { get; set; }

    [Id(1)] public EventStatus Status { get; set; }

    [Id(2)] public Party? Assignee { get; set; }

    [Id(3)] public int EscalationLevel { get; set; }

    [Id(4)] public bool Overdue { get; set; }

    [Id(5)] public int ReworkCount { get; set; }

    [Id(6)] public int ExtensionCount { get; set; }

    [Id(7)] public int SupervisionCount { get; set; }

    [Id(8)] public List<Deadline> Deadlines { get; set; } = [];

    [Id(9)] public List<HistoryEntry> History { get; set; } = [];

    [Id(10)] public DateTimeOffset ReportedAt { get; set; }

    [Id(11)] public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>Grows with every write; orders the read model's projections.</summary>
    [Id(12)] public long Version { get; set; }

    /// <summary>When grabbing opened, so a reactivated case knows how much of its window is left.</summary>
    [Id(13)] public DateTimeOffset? GrabOpenedAt { get; set; }
}
