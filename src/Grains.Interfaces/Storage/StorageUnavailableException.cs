namespace GridActors.Grains.Interfaces.Storage;

/// <summary>
/// A grain could not reach its storage: nothing was done, and the same request may be retried. It stands in
/// for the storage client's own exception, which cannot cross from one silo to another.
/// </summary>
[GenerateSerializer]
[Alias("GridActors.StorageUnavailableException")]
public sealed class StorageUnavailableException : Exception
{
    public StorageUnavailableException()
    {
    }

    public StorageUnavailableException(string message)
        : base(message)
    {
    }

    public StorageUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
