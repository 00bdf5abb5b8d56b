using GridActors.Api.Auth;
using GridActors.Api.Events;
using GridActors.Api.Hubs;
using GridActors.Api.Hubs.Messages;
using GridActors.Grains.Clock;
using GridActors.Grains.Topology;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace GridActors.Api.Live;

/// <summary>Who may watch which scope, and the snapshot a subscriber gets before it joins the scope's group.</summary>
public sealed class LiveSubscriptions(
    ScopeResolver scopes,
    CallerResolver callers,
    CountyTopology topology,
    LiveCounty county,
    LiveGroups groups,
    LiveBoards boards,
    GridClock clock,
    IOptions<LiveOptions> options)
{
    /// <summary>The scope's snapshot to the caller, then the caller into its group; returns the group's name.</summary>
    /// <exception cref="HubException">The scope is unknown or outside the caller's token; nothing is sent.</exception>
    public async Task<string> Subscribe(HubCallerContext context, ILiveClient caller, IGroupManager groupManager, string scope)
    {
        var area = Authorize(context, scope);
        var group = LiveGroups.NameOf(area);
        var board = await boards.Get(group, area, context.ConnectionAborted);
        await groups.RoundGate.WaitAsync(context.ConnectionAborted);
        try
        {
            var now = clock.GetUtcNow();
            var (kpi, trend) = county.Figures(area, now);
            await caller.Snapshot(new LiveSnapshot(
                area.Id, area.Level, NameOf(area), now, county.DayStart, county.ModeOf(area), kpi, trend,
                county.Loads(area), county.Recent(area, options.Value.FeedSize), board));
            await groupManager.AddToGroupAsync(context.ConnectionId, group, context.ConnectionAborted);
            groups.Join(context.ConnectionId, group, area);
        }
        finally
        {
            groups.RoundGate.Release();
        }
        return group;
    }

    public async Task Unsubscribe(HubCallerContext context, IGroupManager groupManager, string scope)
    {
        var area = Authorize(context, scope);
        var group = LiveGroups.NameOf(area);
        await groupManager.RemoveFromGroupAsync(context.ConnectionId, group);
        if (groups.Leave(context.ConnectionId, group))
        {
            boards.Forget(group);
        }
    }

    public void Disconnected(string connectionId)
    {
        foreach (var group in groups.LeaveAll(connectionId))
        {
            boards.Forget(group);
        }
    }

    private Area Authorize(HubCallerContext context, string scope)
    {
        // "city" is the contract's name for the whole county; the statistics take its id too.
        var area = scopes.Resolve(scope == "city" ? topology.City.Id : scope)
            ?? throw new HubException($"Unknown scope '{scope}': it is 'city', a township, village or grid id.");
        if (context.User is not { } user || callers.Resolve(user) is not { } caller || !ScopeResolver.CanSee(caller, area))
        {
            throw new HubException($"The live view of '{area.Id}' is outside your scope.");
        }
        return area;
    }

    private string NameOf(Area area) => area.Level switch
    {
        "city" => topology.City.Name,
        "township" => topology.FindTownship(area.Id)!.Name,
        "village" => topology.FindVillage(area.Id)!.Value.Village.Name,
        _ => topology.FindGrid(area.Id)!.Grid.Name,
    };
}
