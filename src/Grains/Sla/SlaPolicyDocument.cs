namespace GridActors.Grains.Sla;

/// <summary><c>sla-policy.json</c> as written; docs/SLA.md explains each field.</summary>
public sealed record SlaPolicyDocument(
    CalendarDocument Calendar,
    IReadOnlyList<string> NaturalTimePriorities,
    double EmergencyFactor,
    IReadOnlyList<string> EmergencyCategories,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> LimitsHours,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> CategoryLimitsHours);

public sealed record CalendarDocument(
    double UtcOffsetHours,
    IReadOnlyList<DayOfWeek> WorkingDays,
    IReadOnlyList<PeriodDocument> Periods,
    IReadOnlyList<DateOnly> Holidays,
    IReadOnlyList<DateOnly> ExtraWorkingDays);

public sealed record PeriodDocument(TimeOnly Start, TimeOnly End);
