namespace GridActors.Grains.Topology;

/// <summary>A worker together with the grid, village and township it belongs to.</summary>
public sealed record WorkerPlace(WorkerNode Worker, GridPlace Home);
