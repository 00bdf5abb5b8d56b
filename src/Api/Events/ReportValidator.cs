using System.Text.RegularExpressions;
using GridActors.Api.Auth;
using GridActors.Api.Contracts;
using GridActors.Grains.Drills;
using GridActors.Grains.Interfaces;
using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.Topology;

namespace GridActors.Api.Events;

/// <summary>The verdict on a report: a draft ready for its grain, field errors (400) or a foreign grid (403).</summary>
public sealed record ReportVerdict(ReportDraft? Draft, Dictionary<string, string[]>? Errors, bool Forbidden);

/// <summary>
/// Turns a report request into a <see cref="ReportDraft"/>: every field checked, the grid resolved (from its id
/// or from the location), the priority defaulted from the category, and the reporter taken from the token for
/// workers, departments and citizens, who can report only as themselves.
/// </summary>
public sealed partial class ReportValidator(CountyTopology topology, EventAccess access)
{
    public const int MaxTitle = 200;
    public const int MaxDescription = 4000;
    public const int MaxMediaUrl = 2000;

    public ReportVerdict Validate(ReportRequest request, Caller caller)
    {
        var errors = new ValidationErrors();
        errors.RequireLength("title", request.Title, MaxTitle, required: true);
        errors.RequireLength("description", request.Description, MaxDescription, required: false);
        var category = Category(request.Category, errors);
        var priority = Priority(request.Priority, category, errors);
        var location = Location(request.Location, errors);
        var grid = Grid(request.GridId, location, errors);
        var reporter = Reporter(request.Reporter, caller, errors);
        Person(request.Person, errors);
        MediaUrl(request.MediaUrl, errors);
        Media(request.Media, errors);
        if (request.Drill is not null && !DrillIds.IsValid(request.Drill))
        {
            errors.Add("drill", DrillIds.Invalid);
        }
        if (errors.Any)
        {
            return new ReportVerdict(null, errors.ToDictionary(), Forbidden: false);
        }
        if (!access.CanReport(caller, grid!))
        {
            return new ReportVerdict(null, null, Forbidden: true);
        }

        var draft = new ReportDraft(
            grid!.Grid.Id, grid.Village.Id, grid.Township.Id, category!.Id, request.Title!.Trim(),
            string.IsNullOrWhiteSpace(request.Description) ? null : request.Description.Trim(),
            priority!.Value, reporter!, location, request.Person, request.Drill,
            string.IsNullOrWhiteSpace(request.MediaUrl) ? null : request.MediaUrl.Trim(),
            Media: request.Media is { Count: > 0 } media ? new MediaUrls([.. media.Select(url => url.Trim())]) : null);
        return new ReportVerdict(draft, null, Forbidden: false);
    }

    private CategoryNode? Category(string? id, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            errors.Add("category", "category is required: a category id from GET /api/topology.");
            return null;
        }
        var category = topology.FindCategory(id);
        if (category is null)
        {
            errors.Add("category", $"'{id}' is not a category id; GET /api/topology lists them.");
        }
        return category;
    }

    private static Priority? Priority(string? value, CategoryNode? category, ValidationErrors errors)
    {
        var text = value ?? category?.Priority;
        if (text is null)
        {
            return null;
        }
        if (Enum.TryParse<Priority>(text, ignoreCase: true, out var priority) && Enum.IsDefined(priority) && !int.TryParse(text, out _))
        {
            return priority;
        }
        errors.Add("priority", "priority must be normal, urgent or critical.");
        return null;
    }

    private static GeoPoint? Location(LocationDto? location, ValidationErrors errors)
    {
        if (location is null)
        {
            return null;
        }
        if (location.Lat is not (>= -90 and <= 90) || location.Lng is not (>= -180 and <= 180))
        {
            errors.Add("location", "location needs lat (-90 to 90) and lng (-180 to 180) in decimal degrees.");
            return null;
        }
        return new GeoPoint(location.Lat.Value, location.Lng.Value);
    }

    private GridPlace? Grid(string? gridId, GeoPoint? location, ValidationErrors errors)
    {
        if (!string.IsNullOrWhiteSpace(gridId))
        {
            var grid = topology.FindGrid(gridId);
            if (grid is null)
            {
                errors.Add("gridId", $"'{gridId}' is not a grid of this county.");
            }
            return grid;
        }
        if (location is null)
        {
            errors.Add("gridId", "gridId is required (or a location inside the county).");
            return null;
        }
        var located = topology.Locate(location);
        if (located is null)
        {
            errors.Add("location", "location lies outside every grid of the county.");
        }
        return located;
    }

    private Party? Reporter(PartyDto? given, Caller caller, ValidationErrors errors)
    {
        if (caller.Role is Roles.Worker or Roles.Department or Roles.Citizen or Roles.Volunteer)
        {
            if (given is not null && (given.Kind != caller.Role || given.Id != caller.Scope))
            {
                errors.Add("reporter", $"A {caller.Role} reports as itself; leave reporter out or name {caller.Party}.");
            }
            return caller.Party;
        }
        if (given is null)
        {
            return caller.Party;
        }
        if (given.Kind is null || !PartyKinds.Reporters.Contains(given.Kind))
        {
            errors.Add("reporter.kind", $"reporter.kind must be one of: {string.Join(", ", PartyKinds.Reporters)}.");
        }
        if (string.IsNullOrWhiteSpace(given.Id) || given.Id.Length > 64)
        {
            errors.Add("reporter.id", "reporter.id is required, at most 64 characters.");
        }
        else if (EarnsPoints(given.Kind) && !KnownInScope(given, caller))
        {
            // Reporters who earn points must be real and the operator's own: no crediting a stranger's ledger.
            errors.Add("reporter.id", $"'{given.Id}' is not a {given.Kind} of your area.");
        }
        return new Party(given.Kind ?? "", given.Id ?? "");
    }

    private static bool EarnsPoints(string? kind) => kind is PartyKinds.Worker or PartyKinds.Volunteer or PartyKinds.Citizen;

    private bool KnownInScope(PartyDto given, Caller caller)
    {
        var grid = given.Kind switch
        {
            PartyKinds.Worker => topology.FindWorker(given.Id!)?.Home,
            PartyKinds.Volunteer => topology.FindVolunteer(given.Id!),
            _ => null,
        };
        return given.Kind == PartyKinds.Citizen
            ? caller.Role == Roles.City && CitizenIdPattern().IsMatch(given.Id!)
            : grid is not null && caller.Covers(new Place(grid.Township.Id, grid.Village.Id, grid.Grid.Id));
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex CitizenIdPattern();

    private static void MediaUrl(string? url, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return;
        }
        if (url.Length > MaxMediaUrl
            || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var address)
            || address.Scheme is not ("http" or "https"))
        {
            errors.Add("mediaUrl", $"mediaUrl is an http or https address of at most {MaxMediaUrl} characters.");
        }
    }

    private static void Media(IReadOnlyList<string>? media, ValidationErrors errors)
    {
        if (media is null)
        {
            return;
        }
        if (media.Count > MediaUrls.Max)
        {
            errors.Add("media", $"media holds at most {MediaUrls.Max} photos.");
        }
        if (media.Any(url => string.IsNullOrWhiteSpace(url) || url.Length > MaxMediaUrl
            || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https")))
        {
            errors.Add("media", $"each of media is an http or https address of at most {MaxMediaUrl} characters.");
        }
    }

    private static void Person(PersonInfo? person, ValidationErrors errors)
    {
        if (person is null)
        {
            return;
        }
        errors.RequireLength("person.name", person.Name, 50, required: false);
        if (person.Phone is not null && !PhonePattern().IsMatch(person.Phone))
        {
            errors.Add("person.phone", "person.phone is 3 to 20 digits, with an optional leading + and dashes or spaces.");
        }
        if (person.IdNumber is not null && !IdNumberPattern().IsMatch(person.IdNumber))
        {
            errors.Add("person.idNumber", "person.idNumber is 6 to 18 letters or digits.");
        }
        if (person.Email is not null && !EmailPattern().IsMatch(person.Email))
        {
            errors.Add("person.email", "person.email is an address like name@example.org, at most 254 characters.");
        }
    }

    [GeneratedRegex(@"^\+?[0-9][0-9 \-]{2,19}$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex("^[0-9A-Za-z]{6,18}$")]
    private static partial Regex IdNumberPattern();

    [GeneratedRegex(@"^(?=.{3,254}$)[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();
}
