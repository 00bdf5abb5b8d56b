using GridActors.Grains.Clock;
using GridActors.Grains.Interfaces;
using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.Interfaces.Topology;
using GridActors.Grains.Live;
using GridActors.Grains.Topology;

namespace GridActors.Grains.Areas;

/// <summary>
/// The county's top: opens the hierarchy at start-up and keeps the operating modes — the city's switch and
/// each township's — with their log, telling each township when its effective mode changes.
/// </summary>
public sealed class CityGrain(
    [PersistentState("city", StorageNames.County)] IPersistentState<CityState> state,
    CountyTopology topology,
    GridClock clock,
    ILiveFeed live) : Grain, ICityGrain
{
    /// <summary>The log keeps the latest switches; older ones are of no use to a dashboard or an operator.</summary>
    private const int HistoryKept = 200;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var id = this.GetPrimaryKeyString();
        return id == topology.City.Id ? Task.CompletedTask : throw UnknownPlaceException.For("city", id);
    }

    public async Task<CountyCounts> Open()
    {
        var townships = await Task.WhenAll(
            topology.Document.Townships.Select(t => GrainFactory.GetGrain<ITownshipGrain>(t.Id).Open()));
        return CountyCounts.Sum(townships);
    }

    public async Task<ModesView> SetMode(string scope, OperatingMode mode, string actor)
    {
        var before = topology.Document.Townships.ToDictionary(t => t.Id, t => Effective(t.Id));
        if (scope == topology.City.Id)
        {
            state.State.Mode = mode;
        }
        else if (topology.FindTownship(scope) is not null)
        {
            state.State.TownshipModes[scope] = mode;
        }
        else
        {
            throw UnknownPlaceException.For("township", scope);
        }
        state.State.History.Add(new ModeChange(clock.GetUtcNow(), scope, mode, actor));
        if (state.State.History.Count > HistoryKept)
        {
            state.State.History.RemoveRange(0, state.State.History.Count - HistoryKept);
        }
        await state.WriteStateAsync();
        // Told to the dashboards as soon as it stands, whatever happens to telling the townships.
        var view = View();
        live.Publish(view);

        await Task.WhenAll(before
            .Where(pair => Effective(pair.Key) != pair.Value)
            .Select(pair => GrainFactory.GetGrain<ITownshipGrain>(pair.Key).EffectiveModeChanged(Effective(pair.Key))));
        return view;
    }

    public Task<ModesView> GetModes() => Task.FromResult(View());

    public Task<OperatingMode> GetEffectiveMode(string townshipId) => Task.FromResult(Effective(townshipId));

    private OperatingMode Effective(string townshipId) =>
        ModesView.Effective(state.State.Mode, state.State.TownshipModes.GetValueOrDefault(townshipId));

    private ModesView View() => new(
        state.State.Mode,
        topology.Document.Townships.ToDictionary(t => t.Id, t => state.State.TownshipModes.GetValueOrDefault(t.Id)),
        [.. state.State.History]);
}
