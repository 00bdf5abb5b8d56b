namespace GridActors.Grains.Interfaces.Storage;

/// <summary>
/// A grain could not reach its storage, so the request was not acknowledged. It may still have been done (a
/// connection lost during its commit), which is why a client retries it with the same Idempotency-Key. It stands
/// in for the storage client's own exception, which cannot cross from one silo to another.
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
