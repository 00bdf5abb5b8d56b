using System.Globalization;
using GridActors.Api.Contracts;
using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.Topology;

namespace GridActors.Api.Open311;

/// <summary>
/// A POSTed service request as our report, or what is wrong with it in Open311's field names and the status that
/// says so: 404 for a service or jurisdiction this endpoint does not know, as the specification has it, else 400.
/// </summary>
public sealed record Open311Submission(ReportRequest? Report, IReadOnlyList<string> Errors, int Status = StatusCodes.Status400BadRequest);

/// <summary>
/// Reads the form of <c>POST requests</c> (GeoReport v2's arguments) into a <see cref="ReportRequest"/> filed
/// by the upstream system. The place is lat/long when given (the grid containing it), else <c>address_id</c> (a
/// grid id) or <c>address_string</c> (a grid's name); the contact fields become the case's person, masked as any
/// personal data; <c>attribute[title]</c> and <c>attribute[priority]</c> are the service definition's attributes.
/// The report's own validation then runs as for every other report.
/// </summary>
public sealed class Open311RequestForm(Open311Catalogue catalogue, AddressResolver addresses, CountyTopology topology)
{
    private const int TitleFromDescription = 60;
    private const int MaxName = 50;

    /// <summary>The arguments that take one value; only a multi-valued attribute may repeat.</summary>
    private static readonly string[] SingleValued =
    [
        "api_key", "jurisdiction_id", "service_code", "lat", "long", "address_string", "address_id", "email", "device_id",
        "account_id", "first_name", "last_name", "phone", "description", "media_url",
        $"attribute[{Open311Catalogue.TitleAttribute}]", $"attribute[{Open311Catalogue.PriorityAttribute}]",
    ];

    public Open311Submission Read(IFormCollection form, Open311System system)
    {
        var repeated = SingleValued.Where(key => form[key].Count > 1).Select(key => $"{key} is given more than once.").ToList();
        if (repeated.Count > 0)
        {
            return new Open311Submission(null, repeated);
        }
        var serviceCode = Value(form, "service_code");
        if (serviceCode is null)
        {
            return new Open311Submission(null, ["service_code is required: a code from GET services."]);
        }
        if (Value(form, "jurisdiction_id") is { } jurisdiction && jurisdiction != topology.City.Id)
        {
            return new Open311Submission(null,
                [$"jurisdiction_id '{jurisdiction}' is not served here; this endpoint serves '{topology.City.Id}'."], StatusCodes.Status404NotFound);
        }
        if (catalogue.Find(serviceCode) is not { } category)
        {
            return new Open311Submission(null,
                [$"service_code '{serviceCode}' is not a service of this jurisdiction; GET services lists them."], StatusCodes.Status404NotFound);
        }
        var errors = new List<string>();
        foreach (var key in form.Keys.Where(k => k.StartsWith("attribute[", StringComparison.Ordinal)))
        {
            if (key is not ($"attribute[{Open311Catalogue.TitleAttribute}]" or $"attribute[{Open311Catalogue.PriorityAttribute}]"))
            {
                errors.Add($"{key} is not an attribute of this service; GET services/{serviceCode} lists them.");
            }
        }
        var (location, gridId) = Place(form, errors);
        var description = Value(form, "description");
        var title = Value(form, $"attribute[{Open311Catalogue.TitleAttribute}]") ?? TitleOf(description) ?? category.Name;
        var person = Person(form, errors);
        if (errors.Count > 0)
        {
            return new Open311Submission(null, errors);
        }
        return new Open311Submission(new ReportRequest(
            Category: category.Id,
            Title: title,
            GridId: gridId,
            Description: description,
            Priority: Value(form, $"attribute[{Open311Catalogue.PriorityAttribute}]"),
            Reporter: new PartyDto(PartyKinds.Upstream, system.Name),
            Location: location,
            Person: person,
            MediaUrl: Value(form, "media_url")), []);
    }

    /// <summary>What the report's own validation said, in the names the Open311 client sent.</summary>
    public static IEnumerable<string> Describe(Dictionary<string, string[]> reportErrors) =>
        reportErrors.SelectMany(e => e.Value.Select(message => $"{Open311Name(e.Key)}: {message}"));

    private static string Open311Name(string field) => field switch
    {
        "location" or "gridId" => "lat/long",
        "title" => $"attribute[{Open311Catalogue.TitleAttribute}]",
        "priority" => $"attribute[{Open311Catalogue.PriorityAttribute}]",
        "category" => "service_code",
        "mediaUrl" => "media_url",
        "person.name" => "first_name/last_name",
        "person.phone" => "phone",
        "person.email" => "email",
        _ => field,
    };

    private (LocationDto? Location, string? GridId) Place(IFormCollection form, List<string> errors)
    {
        var (lat, lng) = (Value(form, "lat"), Value(form, "long"));
        if (lat is not null || lng is not null)
        {
            if (!double.TryParse(lat, NumberStyles.Float, CultureInfo.InvariantCulture, out var latitude)
                || !double.TryParse(lng, NumberStyles.Float, CultureInfo.InvariantCulture, out var longitude))
            {
                errors.Add("lat and long go together, each a decimal number of degrees (WGS-84).");
                return (null, null);
            }
            return (new LocationDto(latitude, longitude), null);
        }
        if (Value(form, "address_id") is { } addressId)
        {
            if (topology.FindGrid(addressId) is null)
            {
                errors.Add($"address_id '{addressId}' is not a grid of the county; address ids are grid ids (GET /api/topology).");
            }
            return (null, addressId);
        }
        if (Value(form, "address_string") is { } address)
        {
            var match = addresses.Resolve(address);
            if (match.Problem is not null)
            {
                errors.Add(match.Problem);
            }
            return (null, match.Grid?.Grid.Id);
        }
        errors.Add("A location is required: lat and long, address_string or address_id.");
        return (null, null);
    }

    private static PersonInfo? Person(IFormCollection form, List<string> errors)
    {
        var (first, last) = (Value(form, "first_name"), Value(form, "last_name"));
        var name = (first, last) switch
        {
            (null, null) => null,
            (_, null) => first,
            (null, _) => last,
            // A Chinese name is written family name first, without a space: 姓 last_name, 名 first_name.
            _ when IsChinese(first!) || IsChinese(last!) => last + first,
            _ => $"{first} {last}",
        };
        if (name is { Length: > MaxName })
        {
            errors.Add($"first_name and last_name together are at most {MaxName} characters.");
        }
        var (phone, email) = (Value(form, "phone"), Value(form, "email"));
        return name is null && phone is null && email is null ? null : new PersonInfo(name, phone, null, email);
    }

    private static bool IsChinese(string text) => text.Any(c => c is >= '\u4e00' and <= '\u9fff');

    /// <summary>The description's first line, cut to a title's length.</summary>
    private static string? TitleOf(string? description)
    {
        var line = description?.Split('\n', 2)[0].Trim();
        return string.IsNullOrEmpty(line) ? null : line.Length <= TitleFromDescription ? line : line[..TitleFromDescription] + "…";
    }

    private static string? Value(IFormCollection form, string key) =>
        form.TryGetValue(key, out var values) && values.ToString().Trim() is { Length: > 0 } value ? value : null;
}
