using GridActors.Grains.Clock;
using GridActors.Grains.Interfaces;
using GridActors.Grains.Interfaces.Deadlines;
using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.Interfaces.Visits;
using GridActors.Grains.Storage;
using GridActors.Grains.Topology;

namespace GridActors.Grains.Visits;

/// <summary>
/// Keeps a grid's key persons and turns their due visits into task events of category
/// <see cref="VisitCategory"/>, which the grid routes and the SLA clock watches like any case — so a missed
/// visit escalates like a late case. A visit's event id is derived from the person, the visit and its number,
/// so a register that crashes after reporting but before saving reports the same event again, harmlessly.
/// </summary>
public sealed class VisitRegisterGrain(
    [PersistentState("visits", StorageNames.County)] IPersistentState<VisitRegisterState> state,
    CountyTopology topology,
    GridClock clock) : Grain, IVisitRegisterGrain
{
    public const string VisitCategory = "key-person-visit";

    private GridPlace _grid = null!;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var id = this.GetPrimaryKeyString();
        _grid = topology.FindGrid(id) ?? throw UnknownPlaceException.For("grid", id);
        return Task.CompletedTask;
    }

    public async Task<KeyPersonView> Register(KeyPersonDraft draft)
    {
        var (next, person) = VisitSchedule.Register(state.State, _grid.Grid.Id, draft, clock.GetUtcNow());
        await ArmAndCommit(next);
        return person;
    }

    public Task<IReadOnlyList<KeyPersonView>> List() => Task.FromResult<IReadOnlyList<KeyPersonView>>([.. state.State.People]);

    public async Task Alarm(long sequence)
    {
        var (next, made) = VisitSchedule.Due(state.State, clock.GetUtcNow());
        foreach (var visit in made)
        {
            await GrainFactory.GetGrain<IEventGrain>(visit.EventId).Report(VisitTask(visit));
        }
        await ArmAndCommit(next, forceArm: sequence != state.State.AlarmSequence);
    }

    /// <summary>Arms the grid's shard for the earliest next visit, before the state that expects it is written.</summary>
    private async Task ArmAndCommit(VisitRegisterState decided, bool forceArm = false)
    {
        var (next, armFor) = VisitSchedule.Arming(decided, forceArm);
        if (armFor is { } due)
        {
            await GrainFactory.GetGrain<IDeadlineGrain>(_grid.Grid.Id)
                .Arm(new ArmedDeadline(new AlarmTarget(AlarmTarget.Visits, _grid.Grid.Id), due, next.AlarmSequence));
        }
        await state.CommitAsync(next);
    }

    private ReportDraft VisitTask(MadeVisit visit) => new(
        _grid.Grid.Id, _grid.Village.Id, _grid.Township.Id, VisitCategory,
        $"{Title(visit.Due.Kind)} #{visit.Number}: key person {visit.Person.Id}",
        $"{visit.Person.Reason} (due {visit.Due.NextDueAt:u})",
        Priority.Normal, Party.System, null, visit.Person.Person);

    private static string Title(VisitKind kind) => kind switch
    {
        VisitKind.Scheduled => "定期接访 scheduled visit",
        VisitKind.Invited => "主动约访 invited talk",
        VisitKind.Home => "深入走访 home visit",
        _ => "落实回访 follow-up visit",
    };
}
