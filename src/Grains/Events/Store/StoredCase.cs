namespace GridActors.Grains.Events.Store;

/// <summary>A case as storage has it, with the outboxes of its steps not yet delivered, oldest first.</summary>
public sealed record StoredCase(EventState State, IReadOnlyList<CaseOutbox> Undelivered);
