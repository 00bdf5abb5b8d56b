namespace GridActors.Grains.Topology;

/// <summary>A grain was activated with a key that names no place of the county.</summary>
[GenerateSerializer, Alias("GridActors.UnknownPlaceException")]
public sealed class UnknownPlaceException : Exception
{
    public UnknownPlaceException()
    {
    }

    public UnknownPlaceException(string message) : base(message)
    {
    }

    public UnknownPlaceException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public static UnknownPlaceException For(string kind, string key) => new($"The county has no {kind} '{key}'.");
}
