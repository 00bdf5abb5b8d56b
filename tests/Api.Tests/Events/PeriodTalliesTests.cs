using GridActors.Api.Events;
using GridActors.Api.Tests.Infrastructure;
using GridActors.Grains.Clock;
using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.Points;
using GridActors.Grains.ReadModel;
using Microsoft.Extensions.Time.Testing;

namespace GridActors.Api.Tests.Events;

/// <summary>
/// The boards' kept tallies give what one grouped count of the period would, while cases open, finish and arrive
/// late, and after the first count read only what finished since.
/// </summary>
public sealed class PeriodTalliesTests
{
    // 10:00 in the county (UTC+8) on 24 November; the month began on the 1st, the day at midnight.
    private static readonly DateTimeOffset Morning = new(2026, 11, 24, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset MonthStart = new(2026, 11, 1, 0, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset DayStart = new(2026, 11, 24, 0, 0, 0, TimeSpan.FromHours(8));

    private readonly FakeTimeProvider _time = new(Morning);
    private readonly RecordingReadModel _events = new();
    private readonly Dictionary<string, EventSummary> _cases = [];
    private readonly GridClock _clock;
    private readonly PeriodTallies _tallies;
    private int _next;

    public PeriodTalliesTests()
    {
        _clock = new GridClock(_time, 1);
        _tallies = new PeriodTallies(_events, _clock);
    }

    /// <summary>The county's time; the real time while the clock runs at speed 1.</summary>
    private DateTimeOffset Now => _clock.GetUtcNow();

    [Fact]
    public async Task Since_AsCasesOpenAndFinish_GivesWhatOneCountOfThePeriodGives()
    {
        Project(Case(reportedAt: MonthStart.AddDays(-2), finishedAfter: TimeSpan.FromDays(3)));
        for (var round = 0; round < 12; round++)
        {
            var open = _cases.Values.Where(c => c.IsOpen).ToList();
            foreach (var (c, i) in open.Select((c, i) => (c, i)).Where(pair => pair.i % 2 == 0))
            {
                Project(Finish(c, cancelled: i % 4 == 0));
            }
            for (var i = 0; i < 5; i++)
            {
                // One from an earlier day of the month, and one reported and closed within the round.
                var reportedAt = i == 0 ? Now.AddDays(-(round + 1)) : Now.AddSeconds(-20 * i);
                Project(i == 4 ? Case(reportedAt, finishedAfter: TimeSpan.FromSeconds(70)) : Case(reportedAt));
            }
            // Finished exactly on the limit of the next round's kept counts: in one of the two splits, not both.
            Project(Case(Now.AddSeconds(-80), finishedAfter: TimeSpan.FromSeconds(10)));

            Assert.Equal(Counted(MonthStart), Rounded(await _tallies.Since(MonthStart, Now, CancellationToken.None)));
            _time.Advance(TimeSpan.FromSeconds(50));
        }
        Assert.Contains(_cases.Values, c => c.Status == EventStatus.Cancelled);
        Assert.Contains(_cases.Values, c => c.ReportedAt < MonthStart);
    }

    [Fact]
    public async Task Since_AfterTheFirstCount_ReadsOnlyWhatFinishedSince()
    {
        Project(Finish(Case(Now.AddHours(-5)), cancelled: false));
        await _tallies.Since(MonthStart, Now, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(10));
        await _tallies.Since(MonthStart, Now, CancellationToken.None);

        var (first, second) = (_events.FinishedCalls[0], _events.FinishedCalls[1]);
        Assert.Equal(2, _events.FinishedCalls.Count);
        Assert.Null(first.After);
        Assert.Equal(first.By, second.After);
        Assert.Equal(Now - SettledSums.SettleTime, second.By);
    }

    [Fact]
    public async Task Since_ACaseSeenLaterThanItsRowShouldHaveBeen_IsCountedByTheNextRecount()
    {
        Project(Case(Now.AddHours(-3)));
        await _tallies.Since(MonthStart, Now, CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(5));
        await _tallies.Since(MonthStart, Now, CancellationToken.None);

        // A batch held up in an outage: the case finished ten minutes ago, long before the kept counts' limit.
        Project(Case(Now.AddHours(-2)) with
        {
            Status = EventStatus.Closed, ClosedAt = Now.AddMinutes(-10), FinishedAt = Now.AddMinutes(-10), Version = 2,
        });
        _time.Advance(SettledSums.RecountInterval);

        Assert.Equal(Counted(MonthStart), Rounded(await _tallies.Since(MonthStart, Now, CancellationToken.None)));
    }

    [Fact]
    public async Task Since_AfterTheClockSlowsDown_StillCountsACaseWhoseRowWasOnItsWay()
    {
        SetSpeed(60);
        _time.Advance(TimeSpan.FromSeconds(3));
        var open = Case(Now.AddHours(-1));
        Project(open);
        await _tallies.Since(MonthStart, Now, CancellationToken.None);
        // It finishes now; its row is seen only after the clock went back to real time, two county minutes later.
        var finished = Finish(open, cancelled: false);
        _time.Advance(TimeSpan.FromSeconds(3));
        SetSpeed(1);
        _time.Advance(CountyTime.SwitchLead + TimeSpan.FromSeconds(1));
        await _tallies.Since(MonthStart, Now, CancellationToken.None);
        Project(finished);
        _time.Advance(TimeSpan.FromSeconds(10));

        Assert.True(finished.FinishedAt < Now - SettledSums.SettleTime, "the case finished before the limit a county-time settle would keep");
        Assert.Equal(Counted(MonthStart), Rounded(await _tallies.Since(MonthStart, Now, CancellationToken.None)));
    }

    [Fact]
    public async Task Since_WhileARecountIsUnderWay_OtherCallersGoOnWithTheOldCounts()
    {
        Project(Finish(Case(Now.AddHours(-6)), cancelled: false));
        await PassTheRecountInterval();
        var held = new TaskCompletionSource();
        _events.HoldNextRecount = held.Task;

        var recounting = _tallies.Since(MonthStart, Now, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(5));
        var meanwhile = await _tallies.Since(MonthStart, Now, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        _time.Advance(TimeSpan.FromSeconds(5));
        await _tallies.Since(MonthStart, Now, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        Project(Case(Now.AddHours(-2)) with
        {
            Status = EventStatus.Closed, ClosedAt = Now.AddMinutes(-10), FinishedAt = Now.AddMinutes(-10), Version = 2,
        });
        held.SetResult();
        await recounting;

        Assert.Equal(1, meanwhile.Values.Sum(t => t.Reported));
        Assert.Equal(1, _events.FinishedCalls.Count(call => call.After is null));
        Assert.Equal(Counted(MonthStart), Rounded(await _tallies.Since(MonthStart, Now, CancellationToken.None)));
    }

    [Fact]
    public async Task Since_ARecountThatFailed_ServesTheOldCounts_AndIsMadeAgainAfterAWhile()
    {
        Project(Finish(Case(Now.AddHours(-6)), cancelled: false));
        await PassTheRecountInterval();
        _events.HoldNextRecount = Task.FromException(new TimeoutException("the database did not answer"));

        var duringTheFailure = await _tallies.Since(MonthStart, Now, CancellationToken.None);
        ProjectACaseSeenLate();
        _time.Advance(TimeSpan.FromSeconds(10));
        await _tallies.Since(MonthStart, Now, CancellationToken.None);
        var recountsSoonAfter = _events.FinishedCalls.Count(call => call.After is null);
        _time.Advance(SettledSums.RetryAfterFailure);

        Assert.Equal(Counted(MonthStart), Rounded(await _tallies.Since(MonthStart, Now, CancellationToken.None)));
        Assert.Equal(1, duringTheFailure.Values.Sum(t => t.Reported));
        Assert.Equal(1, recountsSoonAfter);
    }

    [Fact]
    public async Task Since_ARecountWhoseCallerLeft_IsMadeByTheNextCall()
    {
        Project(Finish(Case(Now.AddHours(-6)), cancelled: false));
        await PassTheRecountInterval();
        var held = new TaskCompletionSource();
        _events.HoldNextRecount = held.Task;
        using var subscriber = new CancellationTokenSource();

        var leaving = _tallies.Since(MonthStart, Now, subscriber.Token);
        subscriber.Cancel();
        held.SetCanceled(subscriber.Token);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => leaving);
        ProjectACaseSeenLate();
        _time.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(Counted(MonthStart), Rounded(await _tallies.Since(MonthStart, Now, CancellationToken.None)));
    }

    [Fact]
    public async Task Since_ARecountThatNeverComesBack_IsTakenOverAfterTheRecountInterval()
    {
        Project(Finish(Case(Now.AddHours(-6)), cancelled: false));
        await PassTheRecountInterval();
        _events.HoldNextRecount = new TaskCompletionSource().Task;
        _ = _tallies.Since(MonthStart, Now, CancellationToken.None);
        ProjectACaseSeenLate();

        await PassTheRecountInterval();

        Assert.Equal(Counted(MonthStart), Rounded(await _tallies.Since(MonthStart, Now, CancellationToken.None)));
    }

    [Fact]
    public async Task Since_ForTwoPeriods_KeepsEachItsOwnCounts()
    {
        Project(Finish(Case(DayStart.AddDays(-3)), cancelled: false) with { ClosedAt = DayStart.AddDays(-2), FinishedAt = DayStart.AddDays(-2) });
        Project(Finish(Case(DayStart.AddHours(1)), cancelled: true));
        Project(Case(DayStart.AddHours(2)));

        var month = Rounded(await _tallies.Since(MonthStart, Now, CancellationToken.None));
        var day = Rounded(await _tallies.Since(DayStart, Now, CancellationToken.None));
        var all = Rounded(await _tallies.Since(null, Now, CancellationToken.None));

        Assert.Equal(Counted(MonthStart), month);
        Assert.Equal(Counted(DayStart), day);
        Assert.Equal(Counted(DateTimeOffset.MinValue), all);
        Assert.Equal(3, month.Values.Sum(t => t.Reported));
        Assert.Equal(2, day.Values.Sum(t => t.Reported));
    }

    [Fact]
    public void SettleTime_IsWithinWhatTheClockReadsByTheLinesThatRanThen() =>
        Assert.True(SettledSums.SettleTime + CountyTime.SwitchLead < GridClock.RememberedPast);

    /// <summary>A case that finished ten minutes ago, long before the kept counts' limit, seen only now.</summary>
    private void ProjectACaseSeenLate() =>
        Project(Case(Now.AddHours(-2)) with
        {
            Status = EventStatus.Closed, ClosedAt = Now.AddMinutes(-10), FinishedAt = Now.AddMinutes(-10), Version = 2,
        });

    /// <summary>Counts, then lets a recount fall due with the month's board asked for every ten seconds meanwhile.</summary>
    private async Task PassTheRecountInterval()
    {
        var countedAt = _time.GetUtcNow();
        await _tallies.Since(MonthStart, Now, CancellationToken.None);
        var round = TimeSpan.FromSeconds(10);
        while (_time.GetUtcNow() + round - countedAt < SettledSums.RecountInterval)
        {
            _time.Advance(round);
            await _tallies.Since(MonthStart, Now, CancellationToken.None);
        }
        _time.Advance(round);
        _events.FinishedCalls.Clear();
    }

    /// <summary>Changes the county clock's speed as the clock grain does: from a switch shortly ahead.</summary>
    private void SetSpeed(double speed) =>
        Assert.True(_clock.Follow(CountyTime.ChangeSpeed(_clock.Settings, _time.GetUtcNow(), speed)));

    /// <summary>The oracle: one grouped count of the period's cases, as the rule says.</summary>
    private Dictionary<VillageOf, CaseTally> Counted(DateTimeOffset from) =>
        _cases.Values.Where(c => c.ReportedAt >= from).GroupBy(VillageOf.Of)
            .ToDictionary(v => v.Key, v => Round(CaseTally.Of(v, Now)));

    private void Project(EventSummary summary)
    {
        _cases[summary.Id] = summary;
        _events.Project(summary);
    }

    /// <summary>A case somewhere in the county; finished some time after its report when asked.</summary>
    private EventSummary Case(DateTimeOffset reportedAt, TimeSpan? finishedAfter = null)
    {
        var grid = County.GridOf(_next % 6, _next % 5);
        var open = new EventSummary($"c{_next++}", grid.Grid.Id, grid.Village.Id, grid.Township.Id, "hazard", "Blocked drain",
            EventStatus.Dispatched, Priority.Normal, new Party("worker", "w"), null, 0, Overdue: _next % 3 == 0, ReworkCount: _next % 5 == 0 ? 1 : 0,
            reportedAt, ClosedAt: null, Version: 1, ExtensionCount: _next % 4 == 0 ? 1 : 0, WholeDueAt: reportedAt.AddHours(4));
        return finishedAfter is { } after
            ? open with { Status = EventStatus.Closed, ClosedAt = reportedAt + after, FinishedAt = reportedAt + after, Version = 2 }
            : open;
    }

    private EventSummary Finish(EventSummary open, bool cancelled) => open with
    {
        Status = cancelled ? EventStatus.Cancelled : EventStatus.Closed,
        ClosedAt = cancelled ? null : Now,
        FinishedAt = Now,
        Version = open.Version + 1,
    };

    private static Dictionary<VillageOf, CaseTally> Rounded(IReadOnlyDictionary<VillageOf, CaseTally> tallies) =>
        tallies.ToDictionary(t => t.Key, t => Round(t.Value));

    /// <summary>Hours summed in another order differ in the last bits of a double.</summary>
    private static CaseTally Round(CaseTally tally) => tally with { HandlingHours = Math.Round(tally.HandlingHours, 6) };

    /// <summary>The embedded read model, noting what the kept tallies ask it to count.</summary>
    private sealed class RecordingReadModel : IEventReadModel
    {
        private readonly InMemoryEventReadModel _inner = new();

        public List<(DateTimeOffset? After, DateTimeOffset By)> FinishedCalls { get; } = [];

        /// <summary>When set, the next whole count waits for it before it reads, and fails if it failed.</summary>
        public Task? HoldNextRecount { get; set; }

        public ValueTask Project(EventSummary summary) => _inner.Project(summary);

        public ValueTask Remove(IReadOnlyCollection<string> ids) => _inner.Remove(ids);

        public Task<EventPage> Query(EventQuery query, CancellationToken cancellationToken = default) => _inner.Query(query, cancellationToken);

        public Task<EventSummary?> Find(string id, CancellationToken cancellationToken = default) => _inner.Find(id, cancellationToken);

        public Task<IReadOnlyList<EventSummary>> Select(EventQuery query, CancellationToken cancellationToken = default) =>
            _inner.Select(query, cancellationToken);

        public Task<IReadOnlyDictionary<string, CaseTally>> Tally(EventQuery query, DateTimeOffset now, TallyBy by, CancellationToken cancellationToken = default) =>
            _inner.Tally(query, now, by, cancellationToken);

        public async Task<IReadOnlyDictionary<VillageOf, CaseTally>> TallyFinished(
            DateTimeOffset? reportedFrom, DateTimeOffset? finishedAfter, DateTimeOffset finishedBy, CancellationToken cancellationToken = default)
        {
            FinishedCalls.Add((finishedAfter, finishedBy));
            if (finishedAfter is null && HoldNextRecount is { } hold)
            {
                HoldNextRecount = null;
                await hold;
            }
            return await _inner.TallyFinished(reportedFrom, finishedAfter, finishedBy, cancellationToken);
        }

        public Task<IReadOnlyDictionary<VillageOf, CaseTally>> TallyUnfinished(
            DateTimeOffset? reportedFrom, DateTimeOffset finishedBy, DateTimeOffset now, CancellationToken cancellationToken = default) =>
            _inner.TallyUnfinished(reportedFrom, finishedBy, now, cancellationToken);

        public Task<IReadOnlyList<EventSummary>> SelectCurrent(DateTimeOffset dayStart, CaseSet cases, CancellationToken cancellationToken = default) =>
            _inner.SelectCurrent(dayStart, cases, cancellationToken);

        public Task<IReadOnlyList<DrillCase>> DrillCases(string drill, int limit, CancellationToken cancellationToken = default) =>
            _inner.DrillCases(drill, limit, cancellationToken);
    }
}
