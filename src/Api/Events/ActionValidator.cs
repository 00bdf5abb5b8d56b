using GridActors.Api.Auth;
using GridActors.Api.Contracts;
using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.Topology;

namespace GridActors.Api.Events;

/// <summary>The verdict on an action request: a command for the grain, or field errors (400).</summary>
public sealed record ActionVerdict(EventCommand? Command, Dictionary<string, string[]>? Errors);

/// <summary>
/// Checks that an action carries what it needs: dispatch exactly one target (a worker, a volunteer, a department
/// or <c>mode: "grab"</c>), grab a worker (a volunteer grabs as itself), verify its verdict, extend its hours. Whether the case's state allows
/// the action is the grain's call, not this one's.
/// </summary>
public sealed class ActionValidator(CountyTopology topology)
{
    public const int MaxNote = 2000;
    public const double MaxExtensionHours = 720;

    /// <summary>The actions a client may ask for, by their URL names.</summary>
    public static IReadOnlyDictionary<string, EventAction> Actions { get; } = new Dictionary<string, EventAction>(StringComparer.OrdinalIgnoreCase)
    {
        ["accept"] = EventAction.Accept,
        ["dispatch"] = EventAction.Dispatch,
        ["grab"] = EventAction.Grab,
        ["start"] = EventAction.Start,
        ["resolve"] = EventAction.Resolve,
        ["verify"] = EventAction.Verify,
        ["return"] = EventAction.Return,
        ["extend"] = EventAction.Extend,
        ["escalate"] = EventAction.Escalate,
        ["supervise"] = EventAction.Supervise,
        ["park"] = EventAction.Park,
        ["cancel"] = EventAction.Cancel,
        ["merge"] = EventAction.Merge,
        ["unmerge"] = EventAction.Unmerge,
    };

    public ActionVerdict Validate(EventAction action, ActionRequest request, Caller caller)
    {
        var errors = new ValidationErrors();
        errors.RequireLength("note", request.Note, MaxNote, required: false);
        var command = new EventCommand(action, caller.Party, Note: string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim());
        command = action switch
        {
            EventAction.Dispatch => Dispatch(command, request, errors),
            EventAction.Grab when caller.Role == Roles.Volunteer => command with { VolunteerId = Grabber(request, caller, errors) },
            EventAction.Grab => command with { WorkerId = KnownWorker(request.WorkerId ?? (caller.Role == Roles.Worker ? caller.Scope : null), errors) },
            EventAction.Verify => command with { Passed = Required(request.Passed, "passed", "passed is required: true closes the case, false sends it back for rework.", errors) },
            EventAction.Extend => command with { Hours = Hours(request.Hours, errors) },
            EventAction.Merge => command with { Into = Into(request.Into, errors) },
            _ => command,
        };
        return errors.Any ? new ActionVerdict(null, errors.ToDictionary()) : new ActionVerdict(command, null);
    }

    private static string? Into(string? into, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(into) || into.Length > 64)
        {
            errors.Add("into", "into is required: the id of the open case this one is a duplicate of.");
            return null;
        }
        return into.Trim();
    }

    private EventCommand Dispatch(EventCommand command, ActionRequest request, ValidationErrors errors)
    {
        var grab = string.Equals(request.Mode, "grab", StringComparison.OrdinalIgnoreCase);
        if (request.Mode is not null && !grab && !string.Equals(request.Mode, "assign", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add("mode", "mode is 'assign' (the default) or 'grab'.");
        }
        var targets = (grab ? 1 : 0) + (request.WorkerId is null ? 0 : 1) + (request.VolunteerId is null ? 0 : 1)
            + (request.DepartmentId is null ? 0 : 1);
        if (targets != 1)
        {
            errors.Add("workerId", "dispatch needs exactly one of workerId, volunteerId, departmentId or mode 'grab'.");
            return command;
        }
        if (request.VolunteerId is not null && topology.FindVolunteer(request.VolunteerId) is null)
        {
            errors.Add("volunteerId", $"'{request.VolunteerId}' is not a volunteer of this county.");
        }
        if (request.DepartmentId is not null && topology.FindDepartment(request.DepartmentId) is null)
        {
            errors.Add("departmentId", $"'{request.DepartmentId}' is not a department of this county.");
        }
        return command with
        {
            GrabMode = grab,
            WorkerId = request.WorkerId is null ? null : KnownWorker(request.WorkerId, errors),
            VolunteerId = request.VolunteerId,
            DepartmentId = request.DepartmentId,
        };
    }

    /// <summary>A volunteer grabs for itself: a body naming anyone else is refused here, before the case is asked.</summary>
    private static string Grabber(ActionRequest request, Caller caller, ValidationErrors errors)
    {
        if (request.WorkerId is not null || (request.VolunteerId is not null && request.VolunteerId != caller.Scope))
        {
            errors.Add("volunteerId", $"A volunteer grabs as itself; leave the body out or name volunteerId '{caller.Scope}'.");
        }
        return caller.Scope;
    }

    private string? KnownWorker(string? workerId, ValidationErrors errors)
    {
        if (workerId is null)
        {
            errors.Add("workerId", "workerId is required.");
        }
        else if (topology.FindWorker(workerId) is null)
        {
            errors.Add("workerId", $"'{workerId}' is not a worker of this county.");
        }
        return workerId;
    }

    private static double? Hours(double? hours, ValidationErrors errors)
    {
        if (hours is not (> 0 and <= MaxExtensionHours))
        {
            errors.Add("hours", $"hours is required, more than 0 and at most {MaxExtensionHours}.");
        }
        return hours;
    }

    private static T? Required<T>(T? value, string field, string message, ValidationErrors errors) where T : struct
    {
        if (value is null)
        {
            errors.Add(field, message);
        }
        return value;
    }
}
