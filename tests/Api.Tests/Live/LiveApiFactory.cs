using GridActors.Api.Tests.Infrastructure;

namespace GridActors.Api.Tests.Live;

/// <summary>An Api of its own for the live tests, so that the county changes only when they change it.</summary>
public sealed class LiveApiFactory : GridActorsApiFactory;

[CollectionDefinition(Name)]
public sealed class LiveCollection : ICollectionFixture<LiveApiFactory>
{
    public const string Name = "live";
}
