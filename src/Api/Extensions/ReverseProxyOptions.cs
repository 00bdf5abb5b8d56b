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

    /// <summary>
    /// The public names a proxy may forward as the host (<c>X-Forwarded-Host</c>), such as
    /// <c>grid.example.gov.cn</c> or <c>*.example.gov.cn</c>. Empty: any, which suits a proxy that sets the header
    /// to its own server name rather than passing on the caller's.
    /// </summary>
    public IReadOnlyList<string> AllowedHosts { get; set; } = [];

    /// <summary>How long browsers are told to come back over HTTPS only (HSTS, Production).</summary>
    public TimeSpan HstsMaxAge { get; set; } = TimeSpan.FromDays(365);
}
