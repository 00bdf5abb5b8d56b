using GridActors.Api.Live;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace GridActors.Api.Hubs;

/// <summary>
/// <c>/hubs/live</c>: a dashboard subscribes to the scopes its token covers and gets a snapshot of each, then
/// the deltas of every broadcast round (docs/LIVE.md).
/// </summary>
[Authorize]
public sealed class LiveHub(LiveSubscriptions subscriptions) : Hub<ILiveClient>
{
    public const string Path = "/hubs/live";

    /// <summary>Subscribes to <paramref name="scope"/>: <c>city</c>, a township, village or grid id; returns the group's name.</summary>
    public Task<string> Subscribe(string scope) => subscriptions.Subscribe(Context, Clients.Caller, Groups, scope);

    public Task Unsubscribe(string scope) => subscriptions.Unsubscribe(Context, Groups, scope);

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
