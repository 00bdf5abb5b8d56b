using GridActors.Api.Events;
using GridActors.Grains.Clock;
using GridActors.Grains.Interfaces.Points;
using GridActors.Grains.Points;
using Microsoft.Extensions.Time.Testing;

namespace GridActors.Api.Tests.Events;

/// <summary>
/// The workers' and branches' kept sums give what one sum of the period's entries would, while entries arrive
/// on time and a little late, across the start of a day, and after the first sum read only the newest entries.
/// </summary>
public sealed class PeriodPointsTests
{
    // 10:00 in the county (UTC+8) on 24 November.
    private static readonly DateTimeOffset Morning = new(2026, 11, 24, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset DayStart = new(2026, 11, 24, 0, 0, 0, TimeSpan.FromHours(8));

    private readonly FakeTimeProvider _time = new(Morning);
    private readonly RecordingPoints _entries = new();
    private readonly PeriodPoints _points;
    private int _next;

    public PeriodPointsTests() => _points = new PeriodPoints(_entries, new GridClock(_time, 1));

    private DateTimeOffset Now => _time.GetUtcNow();

    [Fact]
    public async Task Since_AsEntriesArrive_GivesWhatOneSumOfThePeriodGives()
    {
        for (var round = 0; round < 12; round++)
        {
            Award($"w{round % 3}", Now, 5);
            Award($"w{round % 4}", Now.AddSeconds(-90), 3);                 // committed a little late
            Award("w1", DayStart.AddHours(-1), 7);                           // yesterday's
            Award("w2", Now.AddSeconds(-10), -4, $"{LedgerRules.RedeemPrefix}gift"); // spent, not earned
            Award(ParticipantIds.Branch("g1"), Now.AddSeconds(-30), 2);
            Award("w3", Now.AddSeconds(-70), 1);                             // exactly on the next round's limit

            Assert.Equal(await Summed(DayStart), await _points.Since(DayStart, Now, CancellationToken.None));
            _time.Advance(TimeSpan.FromSeconds(50));
        }
    }

    [Fact]
    public async Task Since_ADayBegunWithinTheSettleTime_LeavesYesterdayOut()
    {
        _time.Advance(DayStart.AddDays(1).AddSeconds(30) - Now);
        var today = DayStart.AddDays(1);
        for (var round = 0; round < 6; round++)
        {
            Award("w1", today.AddSeconds(-5 - round), 11);
            Award("w1", Now.AddSeconds(-1), 1);

            Assert.Equal(await Summed(today), await _points.Since(today, Now, CancellationToken.None));
            _time.Advance(TimeSpan.FromSeconds(40));
        }
    }

    [Fact]
    public async Task Since_AfterTheFirstSum_ReadsOnlyTheNewestEntries()
    {
        Award("w1", Now.AddHours(-3), 5);
        var firstAt = Now;
        await _points.Since(DayStart, Now, CancellationToken.None);
        var firstCalls = _entries.Calls.Count;
        _time.Advance(TimeSpan.FromSeconds(10));
        Award("w2", Now.AddHours(-3), 9);                                   // seen far too late: only a recount finds it

        var second = await _points.Since(DayStart, Now, CancellationToken.None);
        _time.Advance(SettledSums.RecountInterval);
        var recounted = await _points.Since(DayStart, Now, CancellationToken.None);

        Assert.Equal(2, _entries.Calls.Skip(firstCalls).Take(2).Count(call => call.From >= firstAt - SettledSums.SettleTime));
        Assert.False(second.ContainsKey("w2"));
        Assert.Equal(await Summed(DayStart), recounted);
    }

    private void Award(string participant, DateTimeOffset at, int points, string rule = "report") =>
        _entries.Project(participant, new LedgerEntry(at, points, rule, "case", $"k{_next++}"));

    /// <summary>The oracle: one sum of the period's entries.</summary>
    private async Task<Dictionary<string, int>> Summed(DateTimeOffset from) =>
        new(await _entries.Inner.Totals(from, Now.AddTicks(1)));

    /// <summary>The embedded points read model, noting the ranges it is asked to sum.</summary>
    private sealed class RecordingPoints : IPointsReadModel
    {
        public InMemoryPointsReadModel Inner { get; } = new();

        public List<(DateTimeOffset From, DateTimeOffset To)> Calls { get; } = [];

        public void Project(string participantId, LedgerEntry entry) => Inner.Project(participantId, entry);

        public Task<IReadOnlyDictionary<string, int>> Totals(DateTimeOffset from, DateTimeOffset to)
        {
            Calls.Add((from, to));
            return Inner.Totals(from, to);
        }
    }
}
