namespace GridActors.Grains.Sla;

/// <summary>A point on a stage's clock, when it falls.</summary>
[GenerateSerializer, Immutable, Alias("GridActors.SlaAlarm")]
public sealed record SlaAlarm([property: Id(0)] SlaStage Stage, [property: Id(1)] AlarmKind Kind, [property: Id(2)] DateTimeOffset At);

/// <summary>
/// Where a stage's alarms fall: warnings at 50% and 75% of its limit, the breach at 100%, then one more
/// escalation each time another limit passes (township at 200%, city at 300%). The whole-case clock only
/// breaches. Fractions of a working-time limit are working time too.
/// </summary>
public static class SlaAlarms
{
    private static readonly (AlarmKind Kind, double Fraction)[] StagePoints =
    [
        (AlarmKind.Warning50, 0.5),
        (AlarmKind.Warning75, 0.75),
        (AlarmKind.Breach, 1),
        (AlarmKind.EscalateToTownship, 2),
        (AlarmKind.EscalateToCity, 3),
    ];

    public static IReadOnlyList<SlaAlarm> For(StageClock clock, SlaPolicy policy)
    {
        if (clock.Stage == SlaStage.Whole)
        {
            return [new SlaAlarm(SlaStage.Whole, AlarmKind.Breach, clock.DueAt)];
        }
        return [.. StagePoints.Select(point => new SlaAlarm(clock.Stage, point.Kind,
            point.Kind == AlarmKind.Breach ? clock.DueAt : policy.Add(clock.StartedAt, clock.Limit * point.Fraction - clock.Used, clock.Basis)))];
    }
}
