using GridActors.Api.Auth;
using GridActors.Api.Events;
using GridActors.Api.Hubs;
using GridActors.Api.Hubs.Messages;
using GridActors.Grains.Clock;
using GridActors.Grains.ReadModel;
using GridActors.Grains.Topology;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace GridActors.Api.Live;

/// <summary>
/// Who may watch which scope, and the snapshot a subscriber gets before it joins the scope's group: of the county's
/// own cases, or of the drills' (<see cref="CaseSet.AllDrills"/>), by the same rules.
/// </summary>
public sealed class LiveSubscriptions(
    ScopeResolver scopes,
    CallerResolver callers,
    CountyTopology topology,
    LiveViews views,
    LiveModes modes,
    LiveGroups groups,
    LiveBoards boards,
    GridClock clock,
    IOptions<LiveOptions> options)
{
    /// <summary>The scope's snapshot to the caller, then the caller into its group; returns the group's name.</summary>
    /// <exception cref="HubException">The scope is unknown, outside the caller's token, or one too many; nothing is sent.</exception>
    public async Task<string> Subscribe(HubCallerContext context, ILiveClient caller, IGroupManager groupManager, string scope, CaseSet cases)
    {
        var area = Authorize(context, scope, cases);
        var group = LiveGroups.NameOf(area);
        if (groups.ScopesOf(context.ConnectionId) >= LiveGroups.MaxScopesPerConnection)
        {
            throw new HubException($"A connection watches at most {LiveGroups.MaxScopesPerConnection} scopes; unsubscribe one first.");
        }
        // The boards rank the county's month; a drill view has none.
        var board = cases.IsDrill ? null : await boards.Get(group, area, context.ConnectionAborted);
        await groups.RoundGate.WaitAsync(context.ConnectionAborted);
        try
        {
            var now = clock.GetUtcNow();
            var view = views.Of(cases).View(area, now, options.Value.FeedSize);
            var snapshot = new LiveSnapshot(area.Id, area.Level, DisplayName(area), now, view.DayStart,
                LiveModes.Of(modes.Current, area), view.Kpi, view.Trend, view.Grids, view.Recent, board);
            await Deliver(context, caller.Snapshot(snapshot));
            await groupManager.AddToGroupAsync(context.ConnectionId, group, context.ConnectionAborted);
            groups.Join(context.ConnectionId, group, area);
            // The hub runs a call beside the connection's life: if it closed meanwhile, OnDisconnected has
            // already cleared its groups, so take out what was just added.
            if (context.ConnectionAborted.IsCancellationRequested && groups.Leave(context.ConnectionId, group))
            {
                boards.Forget(group);
            }
        }
        finally
        {
            groups.RoundGate.Release();
        }
        return group;
    }

    public async Task Unsubscribe(HubCallerContext context, IGroupManager groupManager, string scope, CaseSet cases)
    {
        var area = Authorize(context, scope, cases);
        var group = LiveGroups.NameOf(area);
        await groupManager.RemoveFromGroupAsync(context.ConnectionId, group);
        if (groups.Leave(context.ConnectionId, group))
        {
            boards.Forget(group);
        }
    }

    public void Connected(HubCallerContext context) => groups.Connected(context);

    public void Disconnected(string connectionId)
    {
        foreach (var group in groups.Disconnected(connectionId))
        {
            boards.Forget(group);
        }
    }

    /// <summary>
    /// Waits for the snapshot to be written, but not for a client that does not read: the round gate is held,
    /// and every other dashboard of the node would wait with it.
    /// </summary>
    private async Task Deliver(HubCallerContext context, Task send)
    {
        try
        {
            await send.WaitAsync(options.Value.SendDeadline);
        }
        catch (TimeoutException)
        {
            context.Abort();
            throw new HubException("The snapshot could not be delivered in time; reconnect.");
        }
    }

    private Area Authorize(HubCallerContext context, string scope, CaseSet cases)
    {
        // A blank scope is not a scope here, though the statistics read it as the city.
        var area = (string.IsNullOrWhiteSpace(scope) ? null : scopes.Resolve(scope))
            ?? throw new HubException($"Unknown scope '{scope}': it is 'city', a township, village or grid id.");
        if (context.User is not { } user || callers.Resolve(user) is not { } caller || !ScopeResolver.CanSee(caller, area))
        {
            throw new HubException($"The live view of '{area.Id}' is outside your scope.");
        }
        return area with { Filter = area.Filter with { Cases = cases } };
    }

    private string DisplayName(Area area) => area.Level switch
    {
        "city" => topology.City.Name,
        "township" => topology.FindTownship(area.Id)!.Name,
        "village" => topology.FindVillage(area.Id)!.Value.Village.Name,
        _ => topology.FindGrid(area.Id)!.Grid.Name,
    };
}
