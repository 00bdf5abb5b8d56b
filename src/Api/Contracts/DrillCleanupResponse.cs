namespace GridActors.Api.Contracts;

/// <summary>What a drill's cleanup removed: how many of its cases (0 when nothing of it was left).</summary>
public sealed record DrillCleanupResponse(string Drill, int Cases);
