using System.CommandLine;
using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AssetAuction.Cli.Commands;

/// <summary>
/// `token mint`: a development token, signed with the development key the service accepts in its
/// Development environment (appsettings.Development.json). It prints the token and nothing else, so
/// that <c>TOKEN=$(assetauction token mint ...)</c> works. The claims are the service's: sub, role,
/// office, org. Real tokens come from the identity provider and are passed with --token,
/// $ASSETAUCTION_TOKEN or the config file.
/// </summary>
internal static class TokenCommands
{
    // The service's Development settings (src/AssetAuction.Service/appsettings.Development.json). Not a
    // secret: the service refuses this key outside Development.
    public const string DevelopmentIssuer = "assetauction-dev";
    public const string DevelopmentAudience = "assetauction";
    public const string DevelopmentSigningKey = "assetauction-local-development-signing-key-not-for-production";

    private const double MaxHours = 24 * 30;

    private static readonly string[] Roles = ["case_management", "auction_organization", "finance", "supervisor"];

    public static Command Build(CliHost host)
    {
        var role = new Option<string>("--role") { Description = "The caller's role.", Required = true };
        role.AcceptOnlyFromAmong(Roles);
        var office = CliCommand.Text("--office", "The enforcement office code the caller belongs to (for example HN-KV1).");
        var organization = CliCommand.Text("--org", "The auction organization's id (role auction_organization).");
        var subject = CliCommand.Text("--subject", "The caller's id (default dev-<role>).");
        var hours = new Option<double>("--hours") { Description = $"Lifetime in hours (at most {MaxHours}).", DefaultValueFactory = _ => 8 };
        var key = new Option<string>("--signing-key") { Description = "HMAC key; the service's development key by default.", DefaultValueFactory = _ => DevelopmentSigningKey };
        var issuer = new Option<string>("--issuer") { DefaultValueFactory = _ => DevelopmentIssuer, Description = "Token issuer (Auth:Issuer)." };
        var audience = new Option<string>("--audience") { DefaultValueFactory = _ => DevelopmentAudience, Description = "Token audience (Auth:Audience)." };

        var mint = CliCommand.Create(host, "mint", "Mint a development token and print only the token.", [role, office, organization, subject, hours, key, issuer, audience], context =>
        {
            var lifetime = context.Value(hours);
            if (lifetime is <= 0 or > MaxHours)
            {
                throw new UsageException($"--hours must be a number from 0 to {MaxHours.ToString(CultureInfo.InvariantCulture)}.");
            }

            var who = context.Value(role);
            var token = Mint(context.Value(key), context.Value(issuer), context.Value(audience), context.Value(subject) ?? $"dev-{who}", who, context.Value(office) ?? "", context.Value(organization) ?? "", host.Clock.GetUtcNow(), TimeSpan.FromHours(lifetime));
            host.Out.WriteLine(token);
            return Task.CompletedTask;
        });
        return CliCommand.Group("token", "Tokens for calling the service.", mint);
    }

    /// <summary>The same token the service's own minter makes (Security/TokenMinter.cs): HS256 over the shared key.</summary>
    public static string Mint(string signingKey, string issuer, string audience, string subject, string role, string office, string organization, DateTimeOffset now, TimeSpan lifetime)
    {
        var claims = new List<Claim> { new("sub", subject), new("role", role) };
        if (office.Length > 0)
        {
            claims.Add(new Claim("office", office));
        }

        if (organization.Length > 0)
        {
            claims.Add(new Claim("org", organization));
        }

        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = now.Add(lifetime).UtcDateTime,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(signingKey)), SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }
}
