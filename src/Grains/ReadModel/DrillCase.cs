namespace GridActors.Grains.ReadModel;

/// <summary>A case of a drill as its cleanup sees it: an open one owes its workers and its shard a word first.</summary>
public sealed record DrillCase(string Id, bool IsOpen);
