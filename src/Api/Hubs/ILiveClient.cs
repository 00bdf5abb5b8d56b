using GridActors.Api.Hubs.Messages;
using Microsoft.AspNetCore.SignalR;

namespace GridActors.Api.Hubs;

/// <summary>What the live hub sends to a dashboard (docs/LIVE.md); the wire names are the contract's.</summary>
public interface ILiveClient
{
    [HubMethodName("snapshot")]
    Task Snapshot(LiveSnapshot snapshot);

    [HubMethodName("kpi")]
    Task Kpi(KpiUpdate update);

    [HubMethodName("grid")]
    Task Grid(GridUpdate update);

    [HubMethodName("event")]
    Task Event(CaseFeedUpdate update);

    [HubMethodName("mode")]
    Task Mode(ModeUpdate update);

    [HubMethodName("boards")]
    Task Boards(BoardsUpdate update);
}
