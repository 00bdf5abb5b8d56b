using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.Points;
using GridActors.Grains.ReadModel;

namespace GridActors.Api.Live;

/// <summary>
/// A grid's finished cases of one county day as the live view keeps them: counted, with only the newest few
/// kept whole for the feed. A closed or cancelled case never changes again, so what it adds to the tiles and the
/// trend is fixed the moment it finishes; keeping every one of a 400,000-case day would grow the view by the day.
/// A case counts in the day of its report (reported, the indicators) and in the day of its closure (closed).
/// </summary>
internal sealed class FinishedToday(DateTimeOffset dayStart, int feedSize)
{
    private readonly DateTimeOffset _dayEnd = dayStart.AddDays(1);
    private readonly List<EventSummary> _newest = new(feedSize + 1);

    /// <summary>The finished cases reported this day, as the indicators count them.</summary>
    public CaseTally Reported { get; private set; } = CaseTally.Empty;

    /// <summary>The finished cases reported this day, by the county's hour of their report.</summary>
    public int[] ReportedByHour { get; } = new int[24];

    /// <summary>The cases closed this day, whenever they were reported.</summary>
    public int Closed { get; private set; }

    public int[] ClosedByHour { get; } = new int[24];

    /// <summary>The newest finished cases by the later of report and closure, newest first.</summary>
    public IReadOnlyList<EventSummary> Newest => _newest;

    /// <summary>Counts a finished case in what of it falls in this day; the caller counts each case once.</summary>
    public void Add(EventSummary finished)
    {
        var reportedToday = InDay(finished.ReportedAt);
        var closedToday = finished is { Status: EventStatus.Closed, ClosedAt: { } closedAt } && InDay(closedAt);
        if (reportedToday)
        {
            // A finished case is due whatever the time, so the moment of the tally does not matter.
            Reported = Reported.Plus(CaseTally.Of([finished], finished.ReportedAt));
            ReportedByHour[CountyHour(finished.ReportedAt)]++;
        }
        if (closedToday)
        {
            Closed++;
            ClosedByHour[CountyHour(finished.ClosedAt!.Value)]++;
        }
        if (reportedToday || InDay(Shown(finished)))
        {
            Feed(finished);
        }
    }

    /// <summary>Where a case sorts in a feed: the later of its report and its closure.</summary>
    public static DateTimeOffset Shown(EventSummary summary) => summary.ClosedAt ?? summary.ReportedAt;

    public static int CountyHour(DateTimeOffset at) => at.ToOffset(Period.CountyOffset).Hour;

    private bool InDay(DateTimeOffset at) => at >= dayStart && at < _dayEnd;

    private void Feed(EventSummary finished)
    {
        var at = Shown(finished);
        var index = _newest.FindIndex(c => Shown(c) < at);
        _newest.Insert(index < 0 ? _newest.Count : index, finished);
        if (_newest.Count > feedSize)
        {
            _newest.RemoveAt(feedSize);
        }
    }
}
