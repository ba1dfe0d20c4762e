using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace AssetAuction.Service.Security;

internal static class SecuritySetup
{
    public const int MaxSubjectLength = 200;

    /// <summary>
    /// JWT bearer authentication; every endpoint needs an authenticated caller unless it says
    /// otherwise (only health and reflection do). Refuses to start with missing or development
    /// settings outside Development.
    /// </summary>
    public static IServiceCollection AddAssetAuctionSecurity(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment, bool requireSettings = true)
    {
        var auth = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        if (requireSettings && auth.Problem(environment.IsDevelopment()) is { } problem)
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

            // Every change is recorded against the token's subject: a token without one (or with one
            // too long to record) identifies nobody and is refused.
            o.Events = new JwtBearerEvents
            {
                OnTokenValidated = context =>
                {
                    var subject = context.Principal?.FindFirst(ClaimNames.Subject)?.Value;
                    if (string.IsNullOrWhiteSpace(subject) || subject.Length > MaxSubjectLength)
                    {
                        context.Fail($"The token needs a '{ClaimNames.Subject}' claim of 1 to {MaxSubjectLength} characters.");
                    }
                    else if (context.SecurityToken is not Microsoft.IdentityModel.JsonWebTokens.JsonWebToken jwt)
                    {
                        context.Fail("The token is not a compact JWS.");
                    }
                    else if (StrictTokens.Problem(jwt, auth.MaxTokenLifetime) is { } problem)
                    {
                        context.Fail(problem);
                    }

                    return Task.CompletedTask;
                },
            };
        });
        // Token lifetimes are judged by the service's TimeProvider like every other instant.
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<TimeProvider>((o, clock) =>
        {
            o.TokenValidationParameters.LifetimeValidator = (notBefore, expires, _, p) => IsWithinLifetime(notBefore, expires, clock.GetUtcNow().UtcDateTime, p.ClockSkew);

            // The same JsonWebTokenHandler, remembering the tokens it validated (see ValidatedTokens).
            o.TokenHandlers.Clear();
            o.TokenHandlers.Add(new ValidatedTokens(clock) { MapInboundClaims = false });
        });
        services.AddAuthorizationBuilder().SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        return services;
    }

    private static bool IsWithinLifetime(DateTime? notBefore, DateTime? expires, DateTime now, TimeSpan skew) =>
        expires is { } end && end > now - skew && (notBefore is not { } start || start <= now + skew);

    public static string Describe(AuthOptions auth) =>
        $"JWT bearer HS256, issuer '{auth.Issuer}', audience '{auth.Audience}'{(auth.IsDevelopmentKey ? ", DEVELOPMENT signing key" : "")}";
}
