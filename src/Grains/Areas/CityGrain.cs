using GridActors.Grains.Clock;
using GridActors.Grains.Interfaces;
using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.Interfaces.Topology;
using GridActors.Grains.Live;
using GridActors.Grains.Storage;
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
    /// <summary>
    /// The modes as last written, which every answer reads. <see cref="GetEffectiveMode"/> interleaves with
    /// <see cref="SetMode"/>, and while a switch is being written the persistent state already holds it: a
    /// township activating then must not take up a mode that a failed write takes back.
    /// </summary>
    private CityState _modes = null!;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var id = this.GetPrimaryKeyString();
        if (id != topology.City.Id)
        {
            throw UnknownPlaceException.For("city", id);
        }
        _modes = state.State;
        return Task.CompletedTask;
    }

    public async Task<CountyCounts> Open()
    {
        var townships = await Task.WhenAll(
            topology.Document.Townships.Select(t => GrainFactory.GetGrain<ITownshipGrain>(t.Id).Open()));
        return CountyCounts.Sum(townships);
    }

    public async Task<ModesView> SetMode(string scope, OperatingMode mode, string actor, string? subject, string? reason)
    {
        if (scope != topology.City.Id && topology.FindTownship(scope) is null)
        {
            throw UnknownPlaceException.For("township", scope);
        }
        var before = _modes;
        var next = CityModes.Switch(before, topology.City.Id, new ModeChange(clock.GetUtcNow(), scope, mode, actor, subject, reason));
        await state.CommitAsync(next);
        _modes = next;
        // Told to the dashboards as soon as it stands, whatever happens to telling the townships.
        var view = View();
        live.Publish(view);

        await Task.WhenAll(CityModes.Moved(before, next, topology.Document.Townships.Select(t => t.Id))
            .Select(moved => GrainFactory.GetGrain<ITownshipGrain>(moved.TownshipId).EffectiveModeChanged(moved.Mode)));
        return view;
    }

    public Task<ModesView> GetModes() => Task.FromResult(View());

    public Task<OperatingMode> GetEffectiveMode(string townshipId) => Task.FromResult(CityModes.Effective(_modes, townshipId));

    private ModesView View() =>
        ModesView.Of(_modes.Mode, topology.Document.Townships.Select(t => t.Id), _modes.TownshipModes, [.. _modes.History]);
}
