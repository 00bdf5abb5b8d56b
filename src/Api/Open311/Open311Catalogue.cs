using System.Text.Json;
using GridActors.Grains.Topology;

namespace GridActors.Api.Open311;

/// <summary>
/// The county's categories as Open311 services. A service's code is the category id, its name the category's
/// Chinese name; its group and keywords come from <c>open311-services.json</c>; who handles it (the grid, or
/// which department) is its description. Every service has a definition: its attributes are the report's own
/// fields that the Open311 request has no place for — a title and a priority, whose default is the category's.
/// </summary>
public sealed class Open311Catalogue
{
    public const string EmbeddedResourceName = "GridActors.Api.Open311.open311-services.json";

    public const string TitleAttribute = "title";
    public const string PriorityAttribute = "priority";

    private static readonly (string Key, string Name)[] Priorities = [("normal", "一般"), ("urgent", "紧急"), ("critical", "特急")];

    private readonly CountyTopology _topology;
    private readonly IReadOnlyDictionary<string, ServiceEntry> _entries;

    public Open311Catalogue(CountyTopology topology)
    {
        _topology = topology;
        _entries = Load();
        var missing = topology.Document.Categories.Select(c => c.Id).Except(_entries.Keys).ToList();
        var unknown = _entries.Keys.Except(topology.Document.Categories.Select(c => c.Id)).ToList();
        if (missing.Count > 0 || unknown.Count > 0)
        {
            throw new InvalidOperationException(
                $"open311-services.json must describe exactly the county's categories; missing [{string.Join(", ", missing)}], unknown [{string.Join(", ", unknown)}].");
        }
    }

    public Open311Document Services() => new("services", new Open311List("service",
        [.. _topology.Document.Categories.Select(Service)]));

    public CategoryNode? Find(string serviceCode) => _topology.FindCategory(serviceCode);

    public Open311Document Definition(CategoryNode category) => new("service_definition", new Open311Object(
        new Open311Field("service_code", category.Id),
        new Open311Field("attributes", new Open311List("attribute",
        [
            Attribute(TitleAttribute, "string", order: 1,
                "标题：一句话说明问题；不填时取描述的第一句。 A one-line title; the description's first line when left out.", values: null),
            Attribute(PriorityAttribute, "singlevaluelist", order: 2,
                $"紧急程度，默认“{NameOf(category.Priority)}”。 Priority; {category.Priority} when left out.",
                values: new Open311List("value", [.. Priorities.Select(p => new Open311Object(
                    new Open311Field("key", p.Key), new Open311Field("name", p.Name)))])),
        ]))));

    private Open311Object Service(CategoryNode category)
    {
        var entry = _entries[category.Id];
        return new Open311Object(
            new Open311Field("service_code", category.Id),
            new Open311Field("service_name", category.Name),
            new Open311Field("description", $"{category.NameEn}. {HandledBy(category)}"),
            new Open311Field("metadata", true),
            new Open311Field("type", "realtime"),
            new Open311Field("keywords", string.Join(",", entry.Keywords)),
            new Open311Field("group", entry.Group));
    }

    /// <summary>The department that handles a category, or null when the grid's workers do.</summary>
    public DepartmentNode? OwnerOf(string categoryId) =>
        _topology.Document.Departments.FirstOrDefault(d => d.Categories.Contains(categoryId));

    private string HandledBy(CategoryNode category) => OwnerOf(category.Id) is { } owner
        ? $"Handled by {owner.NameEn} ({owner.Name})."
        : "Handled by the grid's workers (网格员).";

    /// <summary>An attribute as the specification lists its fields; only list types have values.</summary>
    private static Open311Object Attribute(string code, string datatype, int order, string description, Open311List? values)
    {
        List<Open311Field> fields =
        [
            new("variable", true),
            new("code", code),
            new("datatype", datatype),
            new("required", false),
            new("datatype_description", null),
            new("order", order),
            new("description", description),
        ];
        if (values is not null)
        {
            fields.Add(new("values", values));
        }
        return new Open311Object(fields);
    }

    private static string NameOf(string priority) => Priorities.FirstOrDefault(p => p.Key == priority).Name ?? priority;

    private static Dictionary<string, ServiceEntry> Load()
    {
        using var stream = typeof(Open311Catalogue).Assembly.GetManifestResourceStream(EmbeddedResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {EmbeddedResourceName} is missing.");
        var file = JsonSerializer.Deserialize<CatalogueFile>(stream, new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new InvalidOperationException("open311-services.json is empty.");
        return file.Services;
    }

    private sealed record CatalogueFile(Dictionary<string, ServiceEntry> Services);

    private sealed record ServiceEntry(string Group, IReadOnlyList<string> Keywords);
}
