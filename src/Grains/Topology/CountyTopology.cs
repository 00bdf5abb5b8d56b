using System.Collections.Frozen;
using System.Text.Json;
using GridActors.Grains.Interfaces;

namespace GridActors.Grains.Topology;

/// <summary>
/// The county's fixed structure, read once per process: the tree, the departments and categories, and
/// lookups from any id to its place. Grains read their own definition here on activation, and the Api
/// checks scopes here without asking a grain.
/// </summary>
public sealed class CountyTopology
{
    public const string EmbeddedResourceName = "GridActors.Grains.Topology.chengjiang.json";

    /// <summary>The report's grid volunteers (网格志愿者), spread over the grids in tree order.</summary>
    public const int VolunteerCount = 6441;

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private readonly FrozenDictionary<string, TownshipNode> _townships;
    private readonly FrozenDictionary<string, (VillageNode Village, TownshipNode Township)> _villages;
    private readonly FrozenDictionary<string, GridPlace> _grids;
    private readonly FrozenDictionary<string, WorkerPlace> _workers;
    private readonly FrozenDictionary<string, DepartmentNode> _departments;
    private readonly FrozenDictionary<string, CategoryNode> _categories;
    private readonly FrozenDictionary<string, GridPlace> _volunteers;
    private readonly FrozenDictionary<string, string[]> _volunteersByGrid;
    private readonly GridLocator _locator;
    private readonly FrozenDictionary<string, FrozenSet<string>> _neighbours;

    public CountyTopology(TopologyDocument document)
    {
        Document = document;
        _townships = document.Townships.ToFrozenDictionary(t => t.Id);
        _villages = (
            from township in document.Townships
            from village in township.Villages
            select (village, township)).ToFrozenDictionary(p => p.village.Id);
        _grids = (
            from township in document.Townships
            from village in township.Villages
            from grid in village.Grids
            select new GridPlace(grid, village, township)).ToFrozenDictionary(p => p.Grid.Id);
        _workers = (
            from place in _grids.Values
            from worker in place.Grid.Workers
            select new WorkerPlace(worker, place)).ToFrozenDictionary(p => p.Worker.Id);
        _volunteers = Volunteers(VolunteerCount, [.. _grids.Values.OrderBy(g => g.Grid.Id, StringComparer.Ordinal)]);
        _volunteersByGrid = _volunteers
            .OrderBy(v => v.Key, StringComparer.Ordinal)
            .GroupBy(v => v.Value.Grid.Id, v => v.Key)
            .ToFrozenDictionary(g => g.Key, g => g.ToArray());
        _departments = document.Departments.ToFrozenDictionary(d => d.Id);
        _categories = document.Categories.ToFrozenDictionary(c => c.Id);
        _locator = new GridLocator(_grids.Values.Select(p => p.Grid));
        _neighbours = GridNeighbours.Compute([.. _grids.Values.Select(p => p.Grid)])
            .ToFrozenDictionary(pair => pair.Key, pair => pair.Value.ToFrozenSet());
    }

    public TopologyDocument Document { get; }

    public CityNode City => Document.City;

    public IEnumerable<GridPlace> Grids => _grids.Values;

    public IEnumerable<WorkerPlace> Workers => _workers.Values;

    public IEnumerable<VillageNode> Villages => _villages.Values.Select(v => v.Village);

    public TownshipNode? FindTownship(string id) => _townships.GetValueOrDefault(id);

    public (VillageNode Village, TownshipNode Township)? FindVillage(string id) =>
        _villages.TryGetValue(id, out var found) ? found : null;

    public GridPlace? FindGrid(string id) => _grids.GetValueOrDefault(id);

    public WorkerPlace? FindWorker(string id) => _workers.GetValueOrDefault(id);

    public DepartmentNode? FindDepartment(string id) => _departments.GetValueOrDefault(id);

    /// <summary>The grid a volunteer (<c>V0001</c> … <c>V6441</c>) belongs to.</summary>
    public GridPlace? FindVolunteer(string id) => _volunteers.GetValueOrDefault(id);

    public IEnumerable<KeyValuePair<string, GridPlace>> VolunteerGrids => _volunteers;

    /// <summary>A grid's volunteers in id order (empty for an unknown grid).</summary>
    public IReadOnlyList<string> VolunteersOf(string gridId) => _volunteersByGrid.GetValueOrDefault(gridId) ?? [];

    public CategoryNode? FindCategory(string id) => _categories.GetValueOrDefault(id);

    /// <summary>The grids that share a border with the grid (empty for an unknown id).</summary>
    public IReadOnlySet<string> NeighboursOf(string gridId) =>
        _neighbours.TryGetValue(gridId, out var neighbours) ? neighbours : FrozenSet<string>.Empty;

    /// <summary>Whether a worker of <paramref name="workerGridId"/> may grab a case of <paramref name="caseGridId"/>.</summary>
    public bool IsGridOrNeighbour(string caseGridId, string workerGridId) =>
        caseGridId == workerGridId || NeighboursOf(caseGridId).Contains(workerGridId);

    /// <summary>The grid whose polygon contains the point, or null outside the county.</summary>
    public GridPlace? Locate(GeoPoint point) =>
        _locator.Locate(point) is { } grid ? _grids[grid.Id] : null;

    /// <summary>
    /// Volunteers are not named in the topology file: the report gives only their number. They are numbered
    /// over the grids in id order, as evenly as the count allows (14 or 15 a grid).
    /// </summary>
    private static FrozenDictionary<string, GridPlace> Volunteers(int count, IReadOnlyList<GridPlace> grids) =>
        Enumerable.Range(0, count).ToFrozenDictionary(
            i => $"V{i + 1:D4}",
            i => grids[(int)((long)i * grids.Count / count)]);

    /// <summary>The Chengjiang topology shipped inside this assembly.</summary>
    public static CountyTopology LoadEmbedded()
    {
        using var stream = typeof(CountyTopology).Assembly.GetManifestResourceStream(EmbeddedResourceName)
            ?? throw new InvalidOperationException($"The topology resource '{EmbeddedResourceName}' is missing from the build.");
        return Load(stream);
    }

    public static CountyTopology Load(Stream json) =>
        new(JsonSerializer.Deserialize<TopologyDocument>(json, JsonOptions)
            ?? throw new InvalidDataException("The topology file is empty."));
}
