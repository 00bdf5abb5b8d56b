using GridActors.Grains.Configuration;
using GridActors.Grains.Events;
using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.Topology;

namespace GridActors.Silo.Simulation.Model;

/// <summary>
/// Plays a case's <see cref="CaseScript"/> against the case as it stands: from its status and counters alone, so a
/// step the system took on its own in between (an automatic dispatch, a grab window that expired) is simply where
/// the script continues from. The township's operator accepts, dispatches, extends, parks, dismisses and
/// verifies; the handler the case names starts and resolves. An invalid report is dismissed wherever it waits,
/// before anyone grabs or starts it. A share of the volunteer tasks on the grab list is taken by one of the grid's
/// volunteers (志愿者接单) instead of a worker.
/// </summary>
public sealed class CaseSteps(CountyTopology topology, DispatchOptions dispatch)
{
    /// <summary>
    /// Volunteer tasks on the grab list that a volunteer takes. The report counts the volunteers (6,441) but not
    /// their tasks; docs/CALIBRATION.md gives the estimate.
    /// </summary>
    public const double VolunteerTakeShare = 0.15;

    /// <summary>The extension is asked for and granted this far into the work (a third of the way).</summary>
    private const double ExtensionAskedAt = 0.3;

    /// <summary>Accepting and dispatching by hand take this share of the response each.</summary>
    private const double DeskShare = 0.25;

    public PlannedStep? Next(CaseScript script, EventView view)
    {
        var township = new Party(PartyKinds.Township, view.Report.TownshipId);
        var handler = view.Assignee ?? township;
        return view.Status switch
        {
            EventStatus.Reported => new(new EventCommand(EventAction.Accept, township), script.Response * DeskShare),
            EventStatus.Accepted when script.Fate == CaseFate.Invalid => Dismiss(script, township),
            EventStatus.Accepted => new(Dispatch(script, view, township), script.Response * DeskShare),
            EventStatus.Grabbing when script.Fate == CaseFate.Invalid => Dismiss(script, township),
            EventStatus.Grabbing => Grab(script, view),
            EventStatus.Dispatched when script.Fate == CaseFate.Invalid => Dismiss(script, township),
            EventStatus.Dispatched => new(new EventCommand(EventAction.Start, handler), UntilStart(script, view)),
            EventStatus.InProgress => Work(script, view, township, handler),
            EventStatus.Resolved => new(new EventCommand(EventAction.Verify, township,
                Passed: !(script.FailsVerification && view.ReworkCount == 0),
                Note: script.FailsVerification && view.ReworkCount == 0 ? "复核未通过，现场仍有问题，退回重办" : "复核通过"), script.Verification),
            _ => null,
        };
    }

    /// <summary>
    /// The rest of the response once the case is with its handler: all of it when the grid dispatched it, what the
    /// grab (or the grab window's expiry) left of it when it went through the grab list, half of it after rework.
    /// So a case the grid routes on its own starts one response after its report whichever route it took.
    /// </summary>
    private static TimeSpan UntilStart(CaseScript script, EventView view) =>
        view.ReworkCount > 0 ? script.Response / 2
        : view.History.Any(h => h.Action is EventAction.Grab or EventAction.GrabExpired) ? script.Response * (1 - DeskShare)
        : script.Response;

    private static PlannedStep Dismiss(CaseScript script, Party township) =>
        new(new EventCommand(EventAction.Cancel, township, Note: "经核实为无效上报（重复上报或不属于受理范围）"), script.Decision);

    private EventCommand Dispatch(CaseScript script, EventView view, Party township)
    {
        if (topology.FindCategory(view.Report.Category) is { HandledBy: CategoryHandlers.Department }
            && topology.Document.Departments.FirstOrDefault(d => d.Categories.Contains(view.Report.Category)) is { } department)
        {
            return new EventCommand(EventAction.Dispatch, township, DepartmentId: department.Id);
        }
        if (script.OfferedForGrabbing)
        {
            return new EventCommand(EventAction.Dispatch, township, GrabMode: true);
        }
        var workers = topology.FindGrid(view.Report.GridId)!.Grid.Workers;
        return new EventCommand(EventAction.Dispatch, township, WorkerId: workers[script.Pick % workers.Count].Id);
    }

    /// <summary>
    /// A worker of the case's grid takes it from the grab list, quicker than a dispatch would reach them — or, for
    /// a volunteer task, now and then one of the grid's volunteers.
    /// </summary>
    private PlannedStep Grab(CaseScript script, EventView view)
    {
        if (VolunteerFor(script, view) is { } volunteer)
        {
            return new(new EventCommand(EventAction.Grab, new Party(PartyKinds.Volunteer, volunteer), VolunteerId: volunteer), script.Response * DeskShare);
        }
        var workers = topology.FindGrid(view.Report.GridId)!.Grid.Workers;
        var grabber = workers[script.Pick % workers.Count].Id;
        return new(new EventCommand(EventAction.Grab, new Party(PartyKinds.Worker, grabber), WorkerId: grabber), script.Response * DeskShare);
    }

    /// <summary>
    /// The volunteer who takes this case, drawn from a generator seeded with the script's <see cref="CaseScript.Pick"/>
    /// rather than from the county's stream: every script is drawn as before volunteers took tasks, and one seed
    /// still replays one county. (What a volunteer takes is one task less for the workers, so later routing differs.)
    /// </summary>
    private string? VolunteerFor(CaseScript script, EventView view)
    {
        var volunteers = topology.VolunteersOf(view.Report.GridId);
        var draw = new Random(script.Pick);
        if (draw.NextDouble() >= VolunteerTakeShare || volunteers.Count == 0)
        {
            return null;
        }
        var volunteer = volunteers[draw.Next(volunteers.Count)];
        return VolunteerTasks.Refusal(topology, dispatch, view.Report.GridId, view.Report.Category, view.Priority, view.Mode, volunteer) is null
            ? volunteer
            : null;
    }

    private static PlannedStep Work(CaseScript script, EventView view, Party township, Party handler)
    {
        if (script.Fate == CaseFate.Parked)
        {
            return new(new EventCommand(EventAction.Park, township, Note: "需协调资金或上级审批，暂挂账跟踪"), script.Decision);
        }
        if (script.ExtensionHours is { } hours && view.ExtensionCount == 0 && view.ReworkCount == 0)
        {
            return new(new EventCommand(EventAction.Extend, township, Hours: hours, Note: "工程量较大，申请延期"), script.Work * ExtensionAskedAt);
        }
        var work = view.ReworkCount > 0 ? script.Work / 2
            : view.ExtensionCount > 0 ? script.Work * (1 - ExtensionAskedAt)
            : script.Work;
        return new(new EventCommand(EventAction.Resolve, handler, Note: view.ReworkCount > 0 ? "已按复核意见重新处置" : "已现场处置完毕"), work);
    }
}
