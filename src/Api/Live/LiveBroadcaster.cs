using System.Collections.Concurrent;
using GridActors.Api.Events;
using GridActors.Api.Hubs;
using GridActors.Api.Hubs.Messages;
using GridActors.Grains.Clock;
using GridActors.Grains.Interfaces.Topology;
using GridActors.Grains.Topology;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace GridActors.Api.Live;

/// <summary>
/// Sends each watched group what changed in its scope, once a round: at most one <c>kpi</c>, one <c>grid</c> and
/// one <c>event</c> message per group per <see cref="LiveOptions.FlushInterval"/>, however many cases changed.
/// Every message carries current absolute values, so the last state always arrives a round after the last change.
/// Boards are recomputed on a loop of their own, so a slow ranking never delays a round. The drill view's groups
/// get the same messages from the drills' cases, except boards, which rank the county.
/// </summary>
public sealed partial class LiveBroadcaster(
    LiveViews views,
    LiveModes modes,
    LiveGroups groups,
    LiveBoards boards,
    CountyTopology topology,
    IHubContext<LiveHub, ILiveClient> hub,
    GridClock clock,
    IOptions<LiveOptions> options,
    ILogger<LiveBroadcaster> logger) : BackgroundService
{
    private readonly LiveOptions _options = options.Value;
    private readonly ConcurrentDictionary<string, bool> _boardsDue = new(StringComparer.Ordinal);
    private DateTimeOffset _nextRefresh = DateTimeOffset.UtcNow;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(
            Every(_options.FlushInterval, BroadcastRound, stoppingToken),
            Every(_options.BoardsInterval, RefreshBoards, stoppingToken));

    /// <summary>
    /// A pause after each run rather than a periodic timer, which would catch up on missed ticks back to back:
    /// however late a round runs, the next one is a whole interval later.
    /// </summary>
    private async Task Every(TimeSpan interval, Func<CancellationToken, Task> run, CancellationToken stoppingToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(interval, stoppingToken);
                await run(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task BroadcastRound(CancellationToken cancellationToken)
    {
        await groups.RoundGate.WaitAsync(cancellationToken);
        try
        {
            var now = clock.GetUtcNow();
            var restarted = views.TakeDrillsRestart();
            var drills = views.Drills;
            var countyRound = views.County.TakeRound(now);
            var drillsRound = drills.TakeRound(now);
            var switched = modes.TakeChange();
            var refresh = DateTimeOffset.UtcNow >= _nextRefresh;
            if (refresh)
            {
                _nextRefresh = DateTimeOffset.UtcNow + _options.RefreshInterval;
            }
            var sends = groups.Active().Select(g => Send(g.Group, () => g.Area.Filter.Cases.IsDrill
                ? SendRound(g.Group, g.Area, drills, drillsRound, switched, refresh || restarted, restarted, now)
                : SendRound(g.Group, g.Area, views.County, countyRound, switched, refresh, restated: false, now))).ToList();
            // Every group at once, and no longer than the deadline: a group whose clients do not read keeps
            // its writes going after the round, not the round waiting for them.
            await Task.WhenAll(sends).WaitAsync(_options.SendDeadline, cancellationToken);
        }
        catch (TimeoutException)
        {
            LogSlowRound(_options.SendDeadline.TotalMilliseconds);
        }
        finally
        {
            groups.RoundGate.Release();
        }
    }

    // restated: the view started afresh, so every grid's load goes out, not only the changed ones.
    private async Task SendRound(
        string group, Area area, LiveCounty view, LiveRound round, ModesView? switched, bool refresh, bool restated, DateTimeOffset now)
    {
        var client = hub.Clients.Group(group);
        var changed = round.Changed.Where(area.Filter.Matches).ToList();
        if (changed.Count > 0 || round.NewDay || refresh)
        {
            var (kpi, trend) = view.Figures(area, now);
            await client.Kpi(new KpiUpdate(area.Id, now, kpi, trend));
        }
        if (changed.Count > 0)
        {
            if (!area.Filter.Cases.IsDrill)
            {
                _boardsDue[group] = true;
            }
            var shown = changed.Take(_options.FeedSize).Select(LiveCase.From).ToList();
            await client.Event(new CaseFeedUpdate(area.Id, shown, changed.Count - shown.Count));
        }
        var grids = restated
            ? view.View(area, now, recent: 0).Grids.ToList()
            : round.Grids.Where(load => topology.FindGrid(load.Id) is { } grid && area.Covers(grid)).ToList();
        if (grids.Count > 0)
        {
            await client.Grid(new GridUpdate(area.Id, grids));
        }
        if (switched is not null)
        {
            await client.Mode(new ModeUpdate(area.Id, LiveModes.Of(switched, area), CountyModes.From(switched)));
        }
    }

    /// <summary>Recomputes the boards of the groups whose cases changed since the last time.</summary>
    private async Task RefreshBoards(CancellationToken cancellationToken)
    {
        foreach (var (group, area) in groups.Active().Where(g => _boardsDue.TryRemove(g.Group, out _)))
        {
            if (await boards.Refresh(group, area, cancellationToken) is { } latest)
            {
                await Send(group, () => hub.Clients.Group(group).Boards(BoardsUpdate.From(area.Id, LiveBoards.Period, latest)));
            }
        }
    }

    /// <summary>One group's failure to send must not keep the others from their round.</summary>
    private async Task Send(string group, Func<Task> send)
    {
        try
        {
            await send();
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            LogSendFailed(failure, group);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live group {Group} missed a round")]
    private partial void LogSendFailed(Exception exception, string group);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A live round's messages were not all written within {DeadlineMs} ms; a client is not reading")]
    private partial void LogSlowRound(double deadlineMs);
}
