using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using IPNetwork = System.Net.IPNetwork;

namespace GridActors.Api.Extensions;

/// <summary>
/// The Api behind a TLS-terminating proxy: the scheme, host and caller address of a request are the proxy's
/// forwarded ones when the proxy is trusted, so Open311 links say <c>https</c>, the rate limit keys on the real
/// caller, and outside Development browsers are told to stay on HTTPS (docs/PRODUCTION.md).
/// </summary>
public static class ReverseProxyExtensions
{
    public static WebApplicationBuilder AddReverseProxySupport(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(ReverseProxyOptions.Section).Get<ReverseProxyOptions>() ?? new();
        var proxies = options.KnownProxies.Select(ParseProxy).ToList();
        var networks = options.KnownNetworks.Select(ParseNetwork).ToList();

        builder.Services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto
                | ForwardedHeaders.XForwardedHost;
            // The defaults (loopback) stay: a proxy on the same machine is the common case.
            proxies.ForEach(forwarded.KnownProxies.Add);
            networks.ForEach(forwarded.KnownIPNetworks.Add);
            // A proxy passes on whatever Host its caller sent; only the county's own names become the Api's host.
            forwarded.AllowedHosts = [.. options.AllowedHosts];
        });
        builder.Services.AddHsts(hsts => hsts.MaxAge = options.HstsMaxAge);
        return builder;
    }

    /// <summary>First in the pipeline, so that everything after it sees the caller's own scheme and address.</summary>
    public static WebApplication UseTrustedProxies(this WebApplication app)
    {
        app.UseForwardedHeaders();
        return app;
    }

    /// <summary>After the exception handler, which clears the headers of an answer it rewrites.</summary>
    public static WebApplication UseHstsOutsideDevelopment(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }
        return app;
    }

    private static IPAddress ParseProxy(string text) => IPAddress.TryParse(text, out var address)
        ? address
        : throw new InvalidOperationException($"ReverseProxy:KnownProxies has '{text}', which is not an IP address.");

    private static IPNetwork ParseNetwork(string text) => IPNetwork.TryParse(text, out var network)
        ? network
        : throw new InvalidOperationException($"ReverseProxy:KnownNetworks has '{text}', which is not a network such as 10.0.0.0/24.");
}
