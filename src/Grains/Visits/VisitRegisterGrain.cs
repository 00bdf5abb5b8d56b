using System.Security.Cryptography;
using System.Text;
using GridActors.Grains.Clock;
using GridActors.Grains.Interfaces;
using GridActors.Grains.Interfaces.Deadlines;
using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.Interfaces.Visits;
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
        var person = new KeyPersonView(
            $"{_grid.Grid.Id}-kp{state.State.People.Count + 1:D3}",
            _grid.Grid.Id,
            draft.Person,
            draft.Reason,
            [.. draft.Visits.Select(v => new ScheduledVisit(v.Kind, v.EveryDays, v.FirstDueAt, 0, null))],
            clock.GetUtcNow());
        state.State.People.Add(person);
        await Save();
        return person;
    }

    public Task<IReadOnlyList<KeyPersonView>> List() => Task.FromResult<IReadOnlyList<KeyPersonView>>([.. state.State.People]);

    public async Task Alarm(long sequence)
    {
        var now = clock.GetUtcNow();
        for (var p = 0; p < state.State.People.Count; p++)
        {
            var person = state.State.People[p];
            var visits = person.Visits.ToList();
            for (var v = 0; v < visits.Count; v++)
            {
                if (visits[v].NextDueAt <= now)
                {
                    visits[v] = await MakeVisitTask(person, v, visits[v], now);
                }
            }
            state.State.People[p] = person with { Visits = visits };
        }
        await Save(forceArm: sequence != state.State.AlarmSequence);
    }

    /// <summary>
    /// One task for the visit that is due; if the register slept through several (a long outage), the
    /// missed ones are not made up one by one: the next is scheduled after now.
    /// </summary>
    private async Task<ScheduledVisit> MakeVisitTask(KeyPersonView person, int plan, ScheduledVisit visit, DateTimeOffset now)
    {
        var number = visit.Made + 1;
        var id = VisitEventId(person.Id, plan, number);
        var draft = new ReportDraft(
            _grid.Grid.Id, _grid.Village.Id, _grid.Township.Id, VisitCategory,
            $"{Title(visit.Kind)} #{number}: key person {person.Id}",
            $"{person.Reason} (due {visit.NextDueAt:u})",
            Priority.Normal, Party.System, null, person.Person);
        await GrainFactory.GetGrain<IEventGrain>(id).Report(draft);
        var every = TimeSpan.FromDays(visit.EveryDays);
        var next = visit.NextDueAt + every;
        if (next <= now)
        {
            next += every * Math.Ceiling((now - next) / every + 1e-9);
        }
        return visit with { NextDueAt = next, Made = number, LastEventId = id };
    }

    /// <summary>Arms the grid's shard for the earliest next visit, before the state that expects it is written.</summary>
    private async Task Save(bool forceArm = false)
    {
        var next = state.State.People.SelectMany(p => p.Visits).Select(v => (DateTimeOffset?)v.NextDueAt).Min();
        if (next is { } due && (forceArm || state.State.ArmedFor != due))
        {
            state.State.AlarmSequence++;
            state.State.ArmedFor = due;
            await GrainFactory.GetGrain<IDeadlineGrain>(_grid.Grid.Id)
                .Arm(new ArmedDeadline(new AlarmTarget(AlarmTarget.Visits, _grid.Grid.Id), due, state.State.AlarmSequence));
        }
        await state.WriteStateAsync();
    }

    private static string Title(VisitKind kind) => kind switch
    {
        VisitKind.Scheduled => "定期接访 scheduled visit",
        VisitKind.Invited => "主动约访 invited talk",
        VisitKind.Home => "深入走访 home visit",
        _ => "落实回访 follow-up visit",
    };

    /// <summary>By the plan's position, not its kind: a person may have two plans of one kind.</summary>
    private static string VisitEventId(string personId, int plan, int number)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"visit\n{personId}\n{plan}\n{number}"));
        return "V" + Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }
}
