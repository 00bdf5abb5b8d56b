using GridActors.Api.Tests.Infrastructure;

namespace GridActors.Api.Tests.Production;

/// <summary>A Production host configured unsafely refuses to start, naming the key to fix.</summary>
public sealed class ProductionStartTests
{
    private const string Key = "a-production-signing-key-for-the-tests-only";

    [Fact]
    public void DevTokensOn_RefusesToStart()
    {
        var refusal = StartRefusal(new() { ["Auth:SigningKey"] = Key, ["Auth:DevTokens"] = "true" });

        Assert.Contains("Auth:DevTokens", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NoKeyAndNoAuthority_RefusesToStart()
    {
        var refusal = StartRefusal([]);

        Assert.Contains("Auth:Authority", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ProxyNetworkThatIsNoNetwork_RefusesToStart()
    {
        var refusal = StartRefusal(new() { ["Auth:SigningKey"] = Key, ["ReverseProxy:KnownNetworks:0"] = "10.0.0.0/33" });

        Assert.Contains("ReverseProxy:KnownNetworks", refusal.Message, StringComparison.Ordinal);
    }

    private static InvalidOperationException StartRefusal(Dictionary<string, string> settings)
    {
        using var factory = new ConfiguredFactory(settings);
        return Assert.Throws<InvalidOperationException>(() => factory.CreateClient());
    }

    private sealed class ConfiguredFactory(Dictionary<string, string> settings) : GridActorsApiFactory
    {
        protected override string EnvironmentName => "Production";

        protected override IReadOnlyDictionary<string, string> Settings => settings;
    }
}
