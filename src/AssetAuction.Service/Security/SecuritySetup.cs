using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace AssetAuction.Service.Security;

internal static class SecuritySetup
{
    /// <summary>
    /// JWT bearer authentication; every endpoint needs an authenticated caller unless it says
    /// otherwise (only health and reflection do). Refuses to start with missing or development
    /// settings outside Development.
    /// </summary>
    public static IServiceCollection AddAssetAuctionSecurity(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var auth = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        if (auth.Problem(environment.IsDevelopment()) is { } problem)
        {
            throw new InvalidOperationException($"Refusing to start: {problem} (environment {environment.EnvironmentName}).");
        }

        services.AddSingleton(auth);
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(o =>
        {
            o.MapInboundClaims = false;
            o.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = auth.Issuer,
                ValidAudience = auth.Audience,
                IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(auth.SigningKey)),
                ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                NameClaimType = ClaimNames.Subject,
                RoleClaimType = ClaimNames.Role,
                ClockSkew = TimeSpan.FromMinutes(1),
            };
        });
        services.AddAuthorizationBuilder().SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        return services;
    }

    public static string Describe(AuthOptions auth) =>
        $"JWT bearer HS256, issuer '{auth.Issuer}', audience '{auth.Audience}'{(auth.IsDevelopmentKey ? ", DEVELOPMENT signing key" : "")}";
}
