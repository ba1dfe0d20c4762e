using AssetAuction.Service.Security;
using Microsoft.IdentityModel.JsonWebTokens;

namespace AssetAuction.UnitTests.Service;

/// <summary>StrictTokens judges a token once per maximum lifetime: a remembered token (the same object) keeps its verdict.</summary>
public sealed class StrictTokensTests
{
    private static readonly AuthOptions Auth = new() { Issuer = "issuer-test", Audience = "audience-test", SigningKey = "a-signing-key-for-the-strict-tokens-tests-0123456789ab" };
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_tokens_verdict_is_the_same_on_every_call_and_made_again_for_another_maximum()
    {
        var token = new JsonWebToken(TokenMinter.Mint(Auth, "officer-1", Roles.CaseManagement, "HN-01", "", Now, TimeSpan.FromDays(31)));

        var refused = StrictTokens.Problem(token, TimeSpan.FromDays(30));
        Assert.Contains("exceeds the 30 days", refused, StringComparison.Ordinal);
        Assert.Same(refused, StrictTokens.Problem(token, TimeSpan.FromDays(30))); // the kept verdict, not judged again

        Assert.Null(StrictTokens.Problem(token, TimeSpan.FromDays(40)));
        Assert.Equal(refused, StrictTokens.Problem(token, TimeSpan.FromDays(30)));
    }

    [Fact]
    public void A_well_formed_token_passes_every_time()
    {
        var token = new JsonWebToken(TokenMinter.Mint(Auth, "officer-2", Roles.Finance, "HN-01", "", Now, TimeSpan.FromHours(1)));

        Assert.Null(StrictTokens.Problem(token, TimeSpan.FromDays(30)));
        Assert.Null(StrictTokens.Problem(token, TimeSpan.FromDays(30)));
    }
}
