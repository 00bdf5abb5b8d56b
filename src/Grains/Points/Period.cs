namespace GridActors.Grains.Points;

/// <summary>A reporting period by the county's calendar (UTC+8): today, this week (from Monday), this month, or all time.</summary>
public static class Period
{
    /// <summary>The county keeps China Standard Time, whatever the servers keep.</summary>
    public static readonly TimeSpan CountyOffset = TimeSpan.FromHours(8);

    public static IReadOnlyList<string> Names { get; } = ["day", "week", "month", "all"];

    /// <summary>
    /// The period's start for <paramref name="now"/> (in UTC: the county's midnight as an instant), or null for an
    /// unknown name.
    /// </summary>
    public static DateTimeOffset? Start(string name, DateTimeOffset now)
    {
        var local = now.ToOffset(CountyOffset);
        var today = new DateTimeOffset(local.Year, local.Month, local.Day, 0, 0, 0, CountyOffset);
        DateTimeOffset? start = name switch
        {
            "day" => today,
            "week" => today.AddDays(-(((int)local.DayOfWeek + 6) % 7)),
            "month" => new DateTimeOffset(local.Year, local.Month, 1, 0, 0, 0, CountyOffset),
            "all" => DateTimeOffset.MinValue,
            _ => null,
        };
        return start?.ToUniversalTime();
    }
}
