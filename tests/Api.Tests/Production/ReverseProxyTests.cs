using System.Text.Json;
using System.Net.Http.Json;
using GridActors.Api.Tests.Infrastructure;

namespace GridActors.Api.Tests.Production;

/// <summary>Behind the TLS proxy: its forwarded scheme and host are believed, a stranger's are not.</summary>
public sealed class ReverseProxyTests(ProductionApiFactory api) : IClassFixture<ProductionApiFactory>
{
    private const string Discovery = "/open311/v2/discovery.json";

    [Fact]
    public async Task TrustedProxy_ForwardedSchemeAndHost_AreTheLinksOfOpen311()
    {
        using var client = api.CreateClient();

        var response = await client.SendAsync(Forwarded(from: "10.0.0.7"));

        Assert.Equal("https://grid.chengjiang.example/open311/v2", await DiscoveryUrl(response));
    }

    [Fact]
    public async Task TrustedProxyOverHttps_AnswerCarriesHsts()
    {
        using var client = api.CreateClient();

        var response = await client.SendAsync(Forwarded(from: "10.0.0.7"));

        var hsts = Assert.Single(response.Headers.GetValues("Strict-Transport-Security"));
        Assert.StartsWith("max-age=31536000", hsts, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stranger_ForwardedHeaders_AreIgnored()
    {
        using var client = api.CreateClient();

        var response = await client.SendAsync(Forwarded(from: "203.0.113.9"));

        Assert.Equal("http://localhost/open311/v2", await DiscoveryUrl(response));
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task TrustedProxy_ForwardingAHostNotTheCountys_KeepsItsOwnHost()
    {
        using var client = api.CreateClient();

        var response = await client.SendAsync(Forwarded(from: "10.0.0.7", host: "evil.example"));

        Assert.DoesNotContain("evil.example", await DiscoveryUrl(response), StringComparison.Ordinal);
    }

    private static HttpRequestMessage Forwarded(string from, string host = "grid.chengjiang.example")
    {
        var request = new HttpRequestMessage(HttpMethod.Get, Discovery);
        request.Headers.Add(PeerAddressFilter.Header, from);
        request.Headers.Add("X-Forwarded-For", "198.51.100.20");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Host", host);
        return request;
    }

    private static async Task<string> DiscoveryUrl(HttpResponseMessage response)
    {
        response.EnsureSuccessStatusCode();
        var discovery = await response.Content.ReadFromJsonAsync<JsonElement>();
        return discovery.GetProperty("endpoints")[0].GetProperty("url").GetString()!;
    }
}
