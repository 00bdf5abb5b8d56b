namespace GridActors.Api.Extensions;

/// <summary>
/// <c>RateLimiting:*</c>: a token bucket per caller (token subject, or address when anonymous). Generous by
/// default — a drill with one token runs thousands of requests a second — it stops a runaway client, not
/// a busy command centre.
/// </summary>
public sealed class RateLimitingOptions
{
    public const string Section = "RateLimiting";

    public int PermitsPerSecond { get; set; } = 10_000;

    public int Burst { get; set; } = 20_000;
}
