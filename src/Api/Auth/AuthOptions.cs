namespace GridActors.Api.Auth;

/// <summary><c>Auth:*</c>: how bearer tokens are issued and checked.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>Whether <c>POST /api/auth/dev-token</c> mints tokens. Defaults to on everywhere but Production.</summary>
    public bool? DevTokens { get; set; }

    /// <summary>An external OpenID Connect issuer whose tokens are accepted (Production).</summary>
    public string? Authority { get; set; }

    /// <summary>Shared HMAC key (32+ characters) for tokens that GridActors signs itself.</summary>
    public string? SigningKey { get; set; }

    public string Issuer { get; set; } = "gridactors";

    public string Audience { get; set; } = "gridactors";

    public TimeSpan DevTokenLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>
    /// How far a token's times may be off the Api's clock. The handler's own default is five minutes, which keeps
    /// a token alive that long after it expired; half a minute covers clocks kept by NTP.
    /// </summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);
}
