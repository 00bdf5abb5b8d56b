using System.Text.Json;
using System.Text.Json.Serialization;
using GridActors.Grains.Interfaces.Events;

namespace GridActors.Grains.Sla;

/// <summary>
/// The time limits of the loop as data: per priority and stage, with longer handling limits for some
/// categories (normal priority only: urgent and critical cases run on their priority's limits), in working
/// or natural time by priority, and cut by a factor in emergency mode. Pure: every method is a lookup or
/// calendar arithmetic.
/// </summary>
public sealed class SlaPolicy
{
    public const string EmbeddedResourceName = "GridActors.Grains.Sla.sla-policy.json";

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    private readonly SlaPolicyDocument _document;

    public SlaPolicy(SlaPolicyDocument document)
    {
        _document = document;
        var calendar = document.Calendar;
        Calendar = new WorkingCalendar(
            TimeSpan.FromHours(calendar.UtcOffsetHours),
            calendar.WorkingDays.ToHashSet(),
            [.. calendar.Periods.Select(p => (p.Start, p.End))],
            calendar.Holidays.ToHashSet(),
            calendar.ExtraWorkingDays.ToHashSet());
    }

    public WorkingCalendar Calendar { get; }

    public double EmergencyFactor => _document.EmergencyFactor;

    public bool IsEmergencyCategory(string category) => _document.EmergencyCategories.Contains(category);

    /// <summary>In emergency mode, emergency categories jump the queue: they run at least as urgent cases.</summary>
    public Priority EffectivePriority(string category, Priority priority, OperatingMode mode) =>
        mode == OperatingMode.Emergency && IsEmergencyCategory(category) && priority == Priority.Normal
            ? Priority.Urgent
            : priority;

    public TimeBasis BasisFor(Priority priority) =>
        _document.NaturalTimePriorities.Contains(Key(priority)) ? TimeBasis.Natural : TimeBasis.Working;

    public TimeSpan Limit(string category, Priority priority, OperatingMode mode, SlaStage stage)
    {
        var stageKey = Key(stage);
        var hours = priority == Priority.Normal
            && _document.CategoryLimitsHours.TryGetValue(category, out var overrides)
            && overrides.TryGetValue(stageKey, out var categoryHours)
                ? categoryHours
                : _document.LimitsHours[Key(priority)][stageKey];
        var factor = mode == OperatingMode.Emergency ? EmergencyFactor : 1;
        return TimeSpan.FromHours(hours * factor);
    }

    public DateTimeOffset Add(DateTimeOffset start, TimeSpan amount, TimeBasis basis) =>
        basis == TimeBasis.Natural ? start + amount : Calendar.Add(start, amount);

    public TimeSpan Between(DateTimeOffset from, DateTimeOffset to, TimeBasis basis) =>
        basis == TimeBasis.Natural ? (to > from ? to - from : TimeSpan.Zero) : Calendar.Between(from, to);

    public static SlaPolicy LoadEmbedded()
    {
        using var stream = typeof(SlaPolicy).Assembly.GetManifestResourceStream(EmbeddedResourceName)
            ?? throw new InvalidOperationException($"The SLA policy resource '{EmbeddedResourceName}' is missing from the build.");
        return new SlaPolicy(JsonSerializer.Deserialize<SlaPolicyDocument>(stream, JsonOptions)
            ?? throw new InvalidDataException("The SLA policy file is empty."));
    }

    private static string Key<T>(T value) where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
