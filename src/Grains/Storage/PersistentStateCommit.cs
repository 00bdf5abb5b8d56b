namespace GridActors.Grains.Storage;

/// <summary>
/// Decide, commit, apply: a grain decides its next state on a copy, writes the copy, and only a write that
/// succeeded lets the copy stand. A failed write was not acknowledged, so it must leave no trace in memory either.
/// </summary>
public static class PersistentStateCommit
{
    /// <summary>
    /// Writes <paramref name="next"/> as the state; if the write throws, puts the previous state back and
    /// rethrows. The ETag and <c>RecordExists</c> need no restoring: a provider sets them only once its write
    /// has succeeded, so after a failure they still describe the previous state, and the next write is checked
    /// against the version storage held before. When a write did land although it reported failure, that
    /// check fails, and Orleans deactivates an activation whose own storage raised the conflict, so the next
    /// call reads what storage has.
    /// </summary>
    public static async Task CommitAsync<T>(this IPersistentState<T> state, T next)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(next);
        var previous = state.State;
        if (ReferenceEquals(previous, next))
        {
            // A decision that changed the state in place has nothing to put back when the write fails.
            throw new ArgumentException("The next state must be a new object, not the current one changed in place.", nameof(next));
        }

        state.State = next;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State = previous;
            throw;
        }
    }
}
