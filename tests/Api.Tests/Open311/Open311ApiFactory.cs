using GridActors.Api.Tests.Infrastructure;

namespace GridActors.Api.Tests.Open311;

/// <summary>
/// An Api of its own for the Open311 tests, so that their listings see only their own requests, with two
/// upstream systems configured besides the development key: the 12345 hotline for the county, and a township's
/// own platform.
/// </summary>
public sealed class Open311ApiFactory : GridActorsApiFactory
{
    public const string HotlineKey = "hotline-key-0123456789";
    public const string TownshipPlatformKey = "township-key-0123456789";

    public static readonly GridActors.Grains.Topology.TownshipNode PlatformTownship = County.Township(1);

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Open311:ApiKeys:0:Key"] = HotlineKey,
        ["Open311:ApiKeys:0:System"] = "12345-hotline",
        ["Open311:ApiKeys:1:Key"] = TownshipPlatformKey,
        ["Open311:ApiKeys:1:System"] = "township-platform",
        ["Open311:ApiKeys:1:Township"] = PlatformTownship.Id,
    };
}
