using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.IdentityModel.Tokens;

namespace GridActors.Api.Auth;

public static class AuthExtensions
{
    private const int MinimumKeyLength = 32;

    /// <summary>
    /// JWT bearer auth. Tokens come from <c>Auth:Authority</c> when one is configured, otherwise they are
    /// HMAC-signed with <c>Auth:SigningKey</c>; outside Production a missing key is replaced by a random one
    /// per process, which is enough for a single node. Production refuses to start without either, and with
    /// development tokens switched on.
    /// </summary>
    public static WebApplicationBuilder AddGridActorsAuth(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new();
        var production = builder.Environment.IsProduction();
        if (production && options.DevTokens == true)
        {
            // Anyone who reaches the port could mint a city token; a drill against real data runs in Staging.
            throw new InvalidOperationException("Auth:DevTokens cannot be on in Production.");
        }
        options.DevTokens ??= !production;
        var signingKey = SigningKey(options, builder.Environment);

        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(signingKey);
        builder.Services.AddSingleton<DevTokenIssuer>();
        builder.Services.AddSingleton<CallerResolver>();
        builder.Services.AddSingleton<IAuthorizationHandler, ScopeAuthorizationHandler>();

        builder.Services
            .AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(bearer =>
            {
                bearer.MapInboundClaims = false;
                bearer.Authority = options.Authority;
                bearer.Audience = options.Audience;
                // An authority's keys and issuer come from its discovery document, which must not be spoofable.
                bearer.RequireHttpsMetadata = !builder.Environment.IsDevelopment();
                bearer.TokenValidationParameters = options.Authority is null
                    ? SelfIssued(options, signingKey)
                    : FromAuthority(options);
                // Browsers cannot set headers on a WebSocket, so the live hub takes its token from the query.
                bearer.Events = new JwtBearerEvents
                {
                    OnMessageReceived = context =>
                    {
                        if (context.Request.Path.StartsWithSegments("/hubs")
                            && context.Request.Query.TryGetValue("access_token", out var token))
                        {
                            context.Token = token;
                        }
                        return Task.CompletedTask;
                    },
                };
            });

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Scoped, policy => policy
                .AddAuthenticationSchemes(JwtBearerDefaults.AuthenticationScheme)
                .RequireAuthenticatedUser()
                .AddRequirements(new ScopeRequirement()))
            .AddPolicy(Policies.City, policy => policy
                .AddAuthenticationSchemes(JwtBearerDefaults.AuthenticationScheme)
                .RequireRole(Roles.City));
        return builder;
    }

    private static TokenValidationParameters SelfIssued(AuthOptions options, SymmetricSecurityKey signingKey) => new()
    {
        ValidIssuer = options.Issuer,
        ValidAudience = options.Audience,
        IssuerSigningKey = signingKey,
        // Only the algorithm DevTokenIssuer signs with: a token cannot talk the handler into another.
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        ClockSkew = options.ClockSkew,
        NameClaimType = ClaimNames.Subject,
        RoleClaimType = ClaimNames.Role,
    };

    // The issuer and signing keys are the authority's, read from its metadata.
    private static TokenValidationParameters FromAuthority(AuthOptions options) => new()
    {
        ValidAudience = options.Audience,
        ClockSkew = options.ClockSkew,
        NameClaimType = ClaimNames.Subject,
        RoleClaimType = ClaimNames.Role,
    };

    private static SymmetricSecurityKey SigningKey(AuthOptions options, IHostEnvironment environment)
    {
        if (!string.IsNullOrEmpty(options.SigningKey))
        {
            return options.SigningKey.Length >= MinimumKeyLength
                ? new SymmetricSecurityKey(Encoding.UTF8.GetBytes(options.SigningKey))
                : throw new InvalidOperationException($"Auth:SigningKey must be at least {MinimumKeyLength} characters.");
        }
        if (environment.IsProduction() && options.Authority is null)
        {
            throw new InvalidOperationException("Production needs Auth:Authority (an external issuer) or Auth:SigningKey.");
        }
        return new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(MinimumKeyLength));
    }
}
