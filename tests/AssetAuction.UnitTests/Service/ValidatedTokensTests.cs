using System.Security.Claims;
using AssetAuction.Service.Security;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Tokens;

namespace AssetAuction.UnitTests.Service;

/// <summary>The bearer handler's remembered tokens, as the service configures them: served only while current, never when refused.</summary>
public sealed class ValidatedTokensTests
{
    private static readonly AuthOptions Auth = new() { Issuer = "issuer-test", Audience = "audience-test", SigningKey = "a-signing-key-for-the-validated-tokens-tests-0123456789" };
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 28, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_validated_token_is_remembered_with_claims_of_its_own_per_call_until_it_expires()
    {
        var (tokens, parameters) = Configured();
        var token = TokenMinter.Mint(Auth, "officer-1", Roles.CaseManagement, "HN-01", "", _clock.GetUtcNow(), TimeSpan.FromMinutes(10));

        var first = await tokens.ValidateTokenAsync(token, parameters.Clone());
        var second = await tokens.ValidateTokenAsync(token, parameters.Clone());

        Assert.True(first.IsValid);
        Assert.True(second.IsValid);
        Assert.Equal(1, tokens.Hits);
        Assert.NotSame(first.ClaimsIdentity, second.ClaimsIdentity);
        Assert.Equal(Claims(first.ClaimsIdentity), Claims(second.ClaimsIdentity));
        Assert.Equal("officer-1", second.ClaimsIdentity.FindFirst(ClaimNames.Subject)?.Value);
        Assert.Same(first.SecurityToken, second.SecurityToken);

        // A claim a request adds to its principal stays with that request.
        second.ClaimsIdentity.AddClaim(new Claim(ClaimNames.Role, Roles.Supervisor));
        var third = await tokens.ValidateTokenAsync(token, parameters.Clone());
        Assert.Equal([Roles.CaseManagement], third.ClaimsIdentity.FindAll(ClaimNames.Role).Select(c => c.Value));

        // Past its expiry and the clock skew, the remembered token is refused as the full validation refuses it.
        _clock.Advance(TimeSpan.FromMinutes(12));
        var expired = await tokens.ValidateTokenAsync(token, parameters.Clone());
        Assert.False(expired.IsValid);
        Assert.IsAssignableFrom<SecurityTokenInvalidLifetimeException>(expired.Exception);
        Assert.Equal(2, tokens.Hits);
    }

    [Fact]
    public async Task A_refused_token_is_never_remembered()
    {
        var (tokens, parameters) = Configured();
        var forged = TokenMinter.Mint(new AuthOptions { Issuer = Auth.Issuer, Audience = Auth.Audience, SigningKey = "another-signing-key-that-is-long-enough-0123456789" }, "mallory", Roles.Supervisor, "", "", _clock.GetUtcNow(), TimeSpan.FromMinutes(10));

        Assert.False((await tokens.ValidateTokenAsync(forged, parameters.Clone())).IsValid);
        Assert.False((await tokens.ValidateTokenAsync(forged, parameters.Clone())).IsValid);
        Assert.Equal(0, tokens.Hits);
    }

    [Fact]
    public async Task A_token_not_valid_yet_is_refused_then_accepted_when_its_time_comes()
    {
        var (tokens, parameters) = Configured();
        var early = TokenMinter.Mint(Auth, "officer-2", Roles.CaseManagement, "HN-01", "", _clock.GetUtcNow().AddMinutes(30), TimeSpan.FromMinutes(10));

        Assert.False((await tokens.ValidateTokenAsync(early, parameters.Clone())).IsValid);
        _clock.Advance(TimeSpan.FromMinutes(30));
        Assert.True((await tokens.ValidateTokenAsync(early, parameters.Clone())).IsValid);
        Assert.True((await tokens.ValidateTokenAsync(early, parameters.Clone())).IsValid);
        Assert.Equal(1, tokens.Hits);
    }

    private static string[] Claims(ClaimsIdentity identity) => [.. identity.Claims.Select(c => $"{c.Type}={c.Value}")];

    /// <summary>The token handler and parameters of the service's own bearer options, on this test's clock.</summary>
    private (ValidatedTokens Tokens, TokenValidationParameters Parameters) Configured()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Auth:Issuer"] = Auth.Issuer,
            ["Auth:Audience"] = Auth.Audience,
            ["Auth:SigningKey"] = Auth.SigningKey,
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(_clock);
        services.AddAssetAuctionSecurity(configuration, new Environment());
        var options = services.BuildServiceProvider().GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(JwtBearerDefaults.AuthenticationScheme);
        return (Assert.IsType<ValidatedTokens>(Assert.Single(options.TokenHandlers)), options.TokenValidationParameters);
    }

    private sealed class Environment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Production";

        public string ApplicationName { get; set; } = "AssetAuction.Service";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
