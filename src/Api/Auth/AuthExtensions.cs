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
    /// per process, which is enough for a single node. Production refuses to start without either.
    /// </summary>
    public static WebApplicationBuilder AddGridActorsAuth(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new();
        options.DevTokens ??= !builder.Environment.IsProduction();
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
                bearer.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = options.Authority ?? options.Issuer,
                    ValidAudience = options.Audience,
                    IssuerSigningKey = options.Authority is null ? signingKey : null,
                    NameClaimType = ClaimNames.Subject,
                    RoleClaimType = ClaimNames.Role,
                };
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
                .AddRequirements(new ScopeRequirement()));
        return builder;
    }

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
