using GridActors.Api.Live;
using GridActors.Grains.ReadModel;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace GridActors.Api.Hubs;

/// <summary>
/// <c>/hubs/live</c>: a dashboard subscribes to the scopes its token covers and gets a snapshot of each, then
/// the deltas of every broadcast round (docs/LIVE.md). <see cref="SubscribeDrill"/> is the same for the cases of
/// load-test drills, which the county's view leaves out.
/// </summary>
[Authorize]
public sealed class LiveHub(LiveSubscriptions subscriptions) : Hub<ILiveClient>
{
    public const string Path = "/hubs/live";

    /// <summary>Subscribes to <paramref name="scope"/>: <c>city</c>, a township, village or grid id; returns the group's name.</summary>
    public Task<string> Subscribe(string scope) => subscriptions.Subscribe(Context, Clients.Caller, Groups, scope, CaseSet.County);

    public Task Unsubscribe(string scope) => subscriptions.Unsubscribe(Context, Groups, scope, CaseSet.County);

    /// <summary>As <see cref="Subscribe"/>, for the drills' cases only: the same scopes and messages, no boards.</summary>
    public Task<string> SubscribeDrill(string scope) => subscriptions.Subscribe(Context, Clients.Caller, Groups, scope, CaseSet.AllDrills);

    public Task UnsubscribeDrill(string scope) => subscriptions.Unsubscribe(Context, Groups, scope, CaseSet.AllDrills);

    public override Task OnConnectedAsync()
    {
        subscriptions.Connected(Context);
        return base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        subscriptions.Disconnected(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }
}
