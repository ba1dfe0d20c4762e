using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AssetAuction.Service.Security;

/// <summary>Mints tokens with the configured key: the `mint-token` command for local development, and the tests.</summary>
public static class TokenMinter
{
    public static string Mint(AuthOptions auth, string subject, string role, string office, string organization, DateTimeOffset now, TimeSpan lifetime)
    {
        ArgumentNullException.ThrowIfNull(auth);
        var claims = new List<Claim> { new(ClaimNames.Subject, subject), new(ClaimNames.Role, role) };
        if (office.Length > 0)
        {
            claims.Add(new Claim(ClaimNames.Office, office));
        }

        if (organization.Length > 0)
        {
            claims.Add(new Claim(ClaimNames.Organization, organization));
        }

        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = auth.Issuer,
            Audience = auth.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = now.Add(lifetime).UtcDateTime,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(auth.SigningKey)), SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }
}
