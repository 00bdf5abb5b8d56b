namespace GridActors.Grains.Storage;

/// <summary>
/// A grain state that counts its own changes. The group-commit grain storage keeps the count beside the
/// payload (<c>state_version</c>), so a query can compare states without decoding them; the storage drill's
/// case samples use it. Cases themselves are versioned by their own store (<c>cases.version</c>).
/// </summary>
public interface IVersionedState
{
    long Version { get; }
}
