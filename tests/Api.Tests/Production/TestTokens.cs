using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace GridActors.Api.Tests.Production;

/// <summary>
/// Tokens as an identity provider would sign them, with every field the Api checks open to change, so that a
/// test can get one wrong at a time.
/// </summary>
public sealed record TestTokens(string Issuer, string Audience, string SigningKey)
{
    public string Role { get; init; } = "city";

    public string? Scope { get; init; }

    public string Subject { get; init; } = "operator-1";

    /// <summary>When the token expires; ten minutes after it is issued unless set.</summary>
    public DateTime? Expires { get; init; }

    /// <summary>The algorithm it is signed with: the Api takes HMAC-SHA256 only.</summary>
    public string Algorithm { get; init; } = SecurityAlgorithms.HmacSha256;

    public string Issue()
    {
        var expires = Expires ?? DateTime.UtcNow.AddMinutes(10);
        var claims = new List<Claim> { new("sub", Subject), new("role", Role) };
        if (Scope is not null)
        {
            claims.Add(new Claim("scope", Scope));
        }
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity(claims),
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = expires.AddHours(-1),
            NotBefore = expires.AddHours(-1),
            Expires = expires,
            SigningCredentials = new SigningCredentials(
                new SymmetricSecurityKey(Encoding.UTF8.GetBytes(SigningKey)), Algorithm),
        });
    }
}
