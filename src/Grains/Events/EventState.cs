using GridActors.Grains.Interfaces.Devices;
using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.Sla;
using GridActors.Grains.Storage;

namespace GridActors.Grains.Events;

[GenerateSerializer, Alias("GridActors.EventState")]
public sealed class EventState : IVersionedState
{
    [Id(0)] public ReportDraft? Report { get; set; }

    [Id(1)] public EventStatus Status { get; set; }

    [Id(2)] public Party? Assignee { get; set; }

    [Id(3)] public int EscalationLevel { get; set; }

    [Id(4)] public bool Overdue { get; set; }

    [Id(5)] public int ReworkCount { get; set; }

    [Id(6)] public int ExtensionCount { get; set; }

    [Id(7)] public int SupervisionCount { get; set; }


    [Id(9)] public List<HistoryEntry> History { get; set; } = [];

    [Id(10)] public DateTimeOffset ReportedAt { get; set; }

    [Id(11)] public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>Grows with every write; orders the read model's projections.</summary>
    [Id(12)] public long Version { get; set; }

    /// <summary>When grabbing opened, so a reactivated case knows how much of its window is left.</summary>
    [Id(13)] public DateTimeOffset? GrabOpenedAt { get; set; }

    [Id(14)] public OperatingMode Mode { get; set; }

    /// <summary>The priority the clock runs on (the report's, raised for emergency categories in emergency mode).</summary>
    [Id(15)] public Priority Priority { get; set; }

    /// <summary>The running stage's clock; null while parked and once finished.</summary>
    [Id(16)] public StageClock? Stage { get; set; }

    [Id(17)] public StageClock? Whole { get; set; }

    /// <summary>What was left of the stage and of the whole case when the case was parked (挂账).</summary>
    [Id(18)] public PausedClock? Paused { get; set; }

    /// <summary>The alarms still to come, earliest first.</summary>
    [Id(19)] public List<SlaAlarm> PendingAlarms { get; set; } = [];

    /// <summary>Alarms of the running stage that already went off, so an extension does not repeat them.</summary>
    [Id(20)] public List<AlarmKind> FiredInStage { get; set; } = [];

    [Id(21)] public bool WholeBreached { get; set; }

    /// <summary>How many times the case armed its deadline shard; an alarm carrying another number is stale.</summary>
    [Id(22)] public long AlarmSequence { get; set; }

    /// <summary>The deadline the shard holds for this case, if any.</summary>
    [Id(23)] public DateTimeOffset? ArmedFor { get; set; }

    /// <summary>The case went to a worker who grabbed it (抢单), which earns a bonus when it closes.</summary>
    [Id(24)] public bool Grabbed { get; set; }

    // Id 25 held the case's awards and Id 27 a worker release still to send; both now travel in the outbox of
    // the step that owes them (CaseOutbox), so they are retired.

    /// <summary>Hours granted by extensions so far; capped, so a case cannot be extended without end.</summary>
    [Id(26)] public double ExtendedHours { get; set; }

    /// <summary>The outcomes of the latest keyed actions, so that a retried request is answered, not applied again.</summary>
    [Id(28)] public List<ActionReceipt> Receipts { get; set; } = [];

    /// <summary>The device alarms the case counts, for a case an alarm opened; null for every other case.</summary>
    [Id(29)] public AlarmTally? Alarms { get; set; }

    /// <summary>The case this one is a duplicate of, while <see cref="EventStatus.Merged"/>.</summary>
    [Id(30)] public string? DuplicateOf { get; set; }

    /// <summary>The duplicates that joined this case, told when it finishes.</summary>
    [Id(31)] public List<string> Duplicates { get; set; } = [];
}

/// <summary>A parked case's clocks: the stage that was running with its limit and how much of it was used.</summary>
[GenerateSerializer, Immutable, Alias("GridActors.PausedClock")]
public sealed record PausedClock(
    [property: Id(0)] SlaStage Stage,
    [property: Id(1)] TimeSpan StageRemaining,
    [property: Id(2)] TimeSpan WholeRemaining,
    [property: Id(3)] TimeSpan StageLimit = default,
    [property: Id(4)] TimeSpan StageUsed = default);
