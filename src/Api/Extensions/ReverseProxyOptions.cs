namespace GridActors.Api.Extensions;

/// <summary>
/// <c>ReverseProxy:*</c>: the proxies that terminate TLS in front of the Api. Their <c>X-Forwarded-*</c> headers
/// are believed (the caller's address, scheme and host); a proxy on the same machine (loopback) always is.
/// </summary>
public sealed class ReverseProxyOptions
{
    public const string Section = "ReverseProxy";

    /// <summary>Addresses of single proxies, such as <c>10.0.0.2</c>.</summary>
    public IReadOnlyList<string> KnownProxies { get; set; } = [];

    /// <summary>Networks the proxies sit in, in CIDR notation, such as <c>10.0.0.0/24</c>.</summary>
    public IReadOnlyList<string> KnownNetworks { get; set; } = [];

    /// <summary>How long browsers are told to come back over HTTPS only (HSTS, Production).</summary>
    public TimeSpan HstsMaxAge { get; set; } = TimeSpan.FromDays(365);
}
