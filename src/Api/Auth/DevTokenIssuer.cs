using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace GridActors.Api.Auth;

/// <summary>Signs tokens for local runs, drills and tests with the key the bearer handler trusts.</summary>
public sealed class DevTokenIssuer(AuthOptions options, SymmetricSecurityKey key, TimeProvider time)
{
    private readonly JsonWebTokenHandler _handler = new();

    public string Issue(string role, string scope, string? subject = null)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity(
            [
                new Claim(ClaimNames.Subject, subject ?? $"{role}:{scope}"),
                new Claim(ClaimNames.Role, role),
                new Claim(ClaimNames.Scope, scope),
            ]),
            Issuer = options.Issuer,
            Audience = options.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + options.DevTokenLifetime,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
    }
}
