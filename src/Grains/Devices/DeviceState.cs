namespace GridActors.Grains.Devices;

/// <summary>
/// A device's open cases by alarm kind (and drill), and how many it has opened. Written only when a case opens, so
/// an alarm that folds costs the device no write: the fold is the case's.
/// </summary>
[GenerateSerializer, Alias("GridActors.DeviceState")]
public sealed class DeviceState
{
    /// <summary>By <see cref="KeyOf"/>: the case the device's alarms of that kind fold into.</summary>
    [Id(0)] public Dictionary<string, OpenAlarmCase> Open { get; set; } = [];

    [Id(1)] public long Opened { get; set; }

    /// <summary>A drill's alarms fold apart from the county's: the drill's case is erased with the drill.</summary>
    public static string KeyOf(string kind, string? drill) => drill is null ? kind : $"{drill}/{kind}";
}

/// <summary>The case named for a kind's alarms, and when — drills' entries are dropped a day later.</summary>
[GenerateSerializer, Immutable, Alias("GridActors.OpenAlarmCase")]
public sealed record OpenAlarmCase([property: Id(0)] string EventId, [property: Id(1)] DateTimeOffset NamedAt, [property: Id(2)] bool Drill);
