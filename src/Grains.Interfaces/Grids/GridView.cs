namespace GridActors.Grains.Interfaces.Grids;

/// <summary>What a grid grain knows of itself: its place, its shape and who works in it now.</summary>
[GenerateSerializer, Immutable, Alias("GridActors.GridView")]
public sealed record GridView(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string VillageId,
    [property: Id(3)] string TownshipId,
    [property: Id(4)] GeoPoint Centroid,
    [property: Id(5)] IReadOnlyList<GeoPoint> Polygon,
    [property: Id(6)] string HeadWorkerId,
    [property: Id(7)] IReadOnlyList<string> WorkerIds,
    [property: Id(8)] IReadOnlyList<string> OnDutyWorkerIds,
    [property: Id(9)] int OpenTasks);
