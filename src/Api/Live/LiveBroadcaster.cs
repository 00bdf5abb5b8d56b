using GridActors.Api.Events;
using GridActors.Api.Hubs;
using GridActors.Api.Hubs.Messages;
using GridActors.Grains.Clock;
using GridActors.Grains.Topology;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace GridActors.Api.Live;

/// <summary>
/// Sends each watched group what changed in its scope, once a round: at most one <c>kpi</c>, one <c>grid</c> and
/// one <c>event</c> message per group per <see cref="LiveOptions.FlushInterval"/>, however many cases changed.
/// Every message carries current absolute values, so the last state always arrives a round after the last change.
/// </summary>
public sealed partial class LiveBroadcaster(
    LiveCounty county,
    LiveGroups groups,
    LiveBoards boards,
    CountyTopology topology,
    IHubContext<LiveHub, ILiveClient> hub,
    GridClock clock,
    IOptions<LiveOptions> options,
    ILogger<LiveBroadcaster> logger) : BackgroundService
{
    private readonly LiveOptions _options = options.Value;
    private readonly HashSet<string> _boardsDue = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var nextBoards = DateTimeOffset.UtcNow + _options.BoardsInterval;
        try
        {
            // A pause after each round rather than a periodic timer, which would catch up on missed ticks with
            // rounds back to back: however late a round runs, the next one is a whole interval later.
            while (true)
            {
                await Task.Delay(_options.FlushInterval, stoppingToken);
                await BroadcastRound(stoppingToken);
                if (DateTimeOffset.UtcNow >= nextBoards)
                {
                    await RefreshBoards(stoppingToken);
                    nextBoards = DateTimeOffset.UtcNow + _options.BoardsInterval;
                }
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
            var round = county.TakeRound(now);
            foreach (var (group, area) in groups.Active())
            {
                await Send(group, () => SendRound(group, area, round, now));
            }
        }
        finally
        {
            groups.RoundGate.Release();
        }
    }

    private async Task SendRound(string group, Area area, LiveRound round, DateTimeOffset now)
    {
        var client = hub.Clients.Group(group);
        var changed = round.Changed.Where(area.Filter.Matches).ToList();
        if (changed.Count > 0 || round.NewDay)
        {
            var (kpi, trend) = county.Figures(area, now);
            await client.Kpi(new KpiUpdate(area.Id, now, kpi, trend));
            _boardsDue.Add(group);
        }
        if (changed.Count > 0)
        {
            var shown = changed.Take(_options.FeedSize).Select(LiveCase.From).ToList();
            await client.Event(new CaseFeedUpdate(area.Id, shown, changed.Count - shown.Count));
        }
        var grids = round.Grids.Where(load => topology.FindGrid(load.Id) is { } grid && LiveCounty.Contains(area, grid)).ToList();
        if (grids.Count > 0)
        {
            await client.Grid(new GridUpdate(area.Id, grids));
        }
        if (round.Modes is { } modes)
        {
            await client.Mode(new ModeUpdate(area.Id, LiveCounty.ModeOf(modes, area), CountyModes.From(modes)));
        }
    }

    /// <summary>Recomputes the boards of the groups whose cases changed since the last time, outside the round gate.</summary>
    private async Task RefreshBoards(CancellationToken cancellationToken)
    {
        foreach (var (group, area) in groups.Active().Where(g => _boardsDue.Contains(g.Group)))
        {
            if (await boards.Refresh(group, area, cancellationToken) is { } latest)
            {
                await Send(group, () => hub.Clients.Group(group).Boards(BoardsUpdate.From(area.Id, LiveBoards.Period, latest)));
            }
        }
        _boardsDue.Clear();
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
}
