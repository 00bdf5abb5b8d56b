using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.ReadModel;

namespace GridActors.Api.Live;

/// <summary>
/// What the live view keeps of an open case that is not in a feed: its version, for the fold, and the few fields
/// its tiles count (<see cref="OpenTally"/>). A whole summary, with its title and parties, is ten times the size,
/// and a 400,000-case peak holds every case open at once on every Api node.
/// </summary>
internal readonly record struct OpenCase(long Version, long ReportedTicks, long WholeDueTicks, EventStatus Status, bool Overdue, bool Extended)
{
    private const long NoDeadline = long.MaxValue;

    public DateTimeOffset ReportedAt => new(ReportedTicks, TimeSpan.Zero);

    /// <summary>The whole case's deadline has passed at <paramref name="now"/>; never, for a case without one.</summary>
    public bool DueBy(DateTimeOffset now) => WholeDueTicks != NoDeadline && WholeDueTicks <= now.UtcTicks;

    public static OpenCase From(EventSummary summary) => new(
        summary.Version,
        summary.ReportedAt.UtcTicks,
        summary.WholeDueAt?.UtcTicks ?? NoDeadline,
        summary.Status,
        summary.Overdue,
        summary.ExtensionCount > 0);
}
