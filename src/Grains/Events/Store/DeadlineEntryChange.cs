using GridActors.Grains.Interfaces.Deadlines;

namespace GridActors.Grains.Events.Store;

/// <summary>The case's entry in its grid's deadline shard after a step: <see cref="Armed"/>, or removed when null.</summary>
public sealed record DeadlineEntryChange(string Shard, AlarmTarget Target, ArmedDeadline? Armed);
