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

    public DateTime Expires { get; init; } = DateTime.UtcNow.AddMinutes(10);

    public string Issue()
    {
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
            IssuedAt = Expires.AddHours(-1),
            NotBefore = Expires.AddHours(-1),
            Expires = Expires,
            SigningCredentials = new SigningCredentials(
                new SymmetricSecurityKey(Encoding.UTF8.GetBytes(SigningKey)), SecurityAlgorithms.HmacSha256),
        });
    }
}
