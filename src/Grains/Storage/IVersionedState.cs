namespace GridActors.Grains.Storage;

/// <summary>
/// A grain state that counts its own changes and projects each one to a read model. Batched storage keeps
/// the count beside the payload, so the healer can find states whose projection fell behind — after a crash
/// between a write and its projection — with one query and without decoding a payload.
/// </summary>
public interface IVersionedState
{
    long Version { get; }
}
