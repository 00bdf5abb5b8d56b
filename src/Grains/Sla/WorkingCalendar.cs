namespace GridActors.Grains.Sla;

/// <summary>
/// Working time in the county's calendar: working days (weekdays, less public holidays, plus the weekend days
/// worked in their place, 调休) and each day's working periods, in local time. Pure arithmetic over it.
/// </summary>
public sealed class WorkingCalendar(
    TimeSpan utcOffset,
    IReadOnlySet<DayOfWeek> workingDays,
    IReadOnlyList<(TimeOnly Start, TimeOnly End)> periods,
    IReadOnlySet<DateOnly> holidays,
    IReadOnlySet<DateOnly> extraWorkingDays)
{
    /// <summary>No limit in this domain needs more than a few months; a calendar without working time must not loop forever.</summary>
    private const int MaxDaysScanned = 3 * 366;

    public bool IsWorkingDay(DateOnly day) =>
        extraWorkingDays.Contains(day) || (workingDays.Contains(day.DayOfWeek) && !holidays.Contains(day));

    /// <summary>The moment (in UTC) when <paramref name="amount"/> of working time has passed after <paramref name="start"/>.</summary>
    public DateTimeOffset Add(DateTimeOffset start, TimeSpan amount)
    {
        if (amount <= TimeSpan.Zero)
        {
            return start.ToUniversalTime();
        }
        var remaining = amount;
        foreach (var (from, to) in WorkingSpansFrom(start))
        {
            var available = to - from;
            if (remaining <= available)
            {
                return from + remaining;
            }
            remaining -= available;
        }
        throw new InvalidOperationException("The calendar has no working time in the years ahead.");
    }

    /// <summary>Working time between two moments (zero when <paramref name="to"/> is not later).</summary>
    public TimeSpan Between(DateTimeOffset from, DateTimeOffset to)
    {
        var total = TimeSpan.Zero;
        foreach (var (spanStart, spanEnd) in WorkingSpansFrom(from))
        {
            if (spanStart >= to)
            {
                break;
            }
            total += (spanEnd < to ? spanEnd : to) - spanStart;
        }
        return total;
    }

    /// <summary>
    /// The working periods from <paramref name="start"/> on, the first one clipped to start there. Worked out on
    /// the county's local days, given back in UTC: a deadline made of them is an instant like every other time of a
    /// case, not a local time that would leave the API with the county's offset.
    /// </summary>
    private IEnumerable<(DateTimeOffset From, DateTimeOffset To)> WorkingSpansFrom(DateTimeOffset start)
    {
        var local = start.ToOffset(utcOffset);
        var day = DateOnly.FromDateTime(local.DateTime);
        for (var i = 0; i < MaxDaysScanned; i++, day = day.AddDays(1))
        {
            if (!IsWorkingDay(day))
            {
                continue;
            }
            foreach (var (periodStart, periodEnd) in periods)
            {
                var from = new DateTimeOffset(day.ToDateTime(periodStart), utcOffset);
                var to = new DateTimeOffset(day.ToDateTime(periodEnd), utcOffset);
                if (to <= start)
                {
                    continue;
                }
                yield return ((from < start ? start : from).ToUniversalTime(), to.ToUniversalTime());
            }
        }
    }
}
