using System.Security.Cryptography;
using System.Text;
using AssetAuction.Contracts.V1;
using AssetAuction.IntegrationTests.Infrastructure;
using Grpc.Core;
using Microsoft.IdentityModel.Tokens;

namespace AssetAuction.IntegrationTests.Hostile;

/// <summary>Only well-formed tokens pass: numeric time claims, the configured algorithm, no unknown crit, a bounded lifetime.</summary>
public sealed class StrictTokenTests : IDisposable
{
    private readonly ServiceFactory _service = new(
        Path.Combine(Path.GetTempPath(), "assetauction-tests", $"{Guid.NewGuid():N}.db"),
        settings: new Dictionary<string, string> { ["Auth:MaxTokenLifetime"] = "30.00:00:00" });

    public void Dispose() => _service.Dispose();

    private long Now => _service.Clock.GetUtcNow().ToUnixTimeSeconds();

    private static string Claims(string exp, string? iat = null, string? nbf = null) =>
        $$"""{"sub":"officer","role":"supervisor","iss":"{{ServiceFactory.Issuer}}","aud":"{{ServiceFactory.Audience}}","exp":{{exp}}""" +
        (iat is null ? "" : $",\"iat\":{iat}") + (nbf is null ? "" : $",\"nbf\":{nbf}") + "}";

    private static string Sign(string header, string payload, string algorithm = "HS256")
    {
        var signingInput = Base64UrlEncoder.Encode(header) + "." + Base64UrlEncoder.Encode(payload);
        var key = Encoding.UTF8.GetBytes(ServiceFactory.TestSigningKey);
        var signature = algorithm == "HS512"
            ? HMACSHA512.HashData(key, Encoding.ASCII.GetBytes(signingInput))
            : HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(signingInput));
        return signingInput + "." + Base64UrlEncoder.Encode(signature);
    }

    private Task<ListAssetsResponse> CallWith(string token) =>
        new SeizureService.SeizureServiceClient(_service.Channel(token)).ListAssetsAsync(new ListAssetsRequest()).ResponseAsync;

    [Fact]
    public async Task A_well_formed_token_built_by_hand_is_accepted()
    {
        await CallWith(Sign("""{"alg":"HS256","typ":"JWT"}""", Claims($"{Now + 3600}", $"{Now}", $"{Now}")));
    }

    public static TheoryData<string> Refusals => new()
    {
        "exp as a string",
        "nbf as a string",
        "iat as a string",
        "exp with a fraction",
        "no exp",
        "no iat",
        "unknown crit header",
        "another algorithm",
        "lifetime beyond the maximum",
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_malformed_or_overlong_token_is_unauthenticated(string problem)
    {
        const string header = """{"alg":"HS256","typ":"JWT"}""";
        var exp = $"{Now + 3600}";
        var token = problem switch
        {
            "exp as a string" => Sign(header, Claims($"\"{exp}\"", $"{Now}")),
            "nbf as a string" => Sign(header, Claims(exp, $"{Now}", $"\"{Now}\"")),
            "iat as a string" => Sign(header, Claims(exp, $"\"{Now}\"")),
            "exp with a fraction" => Sign(header, Claims(exp + ".5", $"{Now}")),
            "no exp" => Sign(header, Claims(exp, $"{Now}").Replace($"\"exp\":{exp},", "", StringComparison.Ordinal)),
            "no iat" => Sign(header, Claims(exp)),
            "unknown crit header" => Sign("""{"alg":"HS256","typ":"JWT","crit":["x-office-scope"],"x-office-scope":"all"}""", Claims(exp, $"{Now}")),
            "another algorithm" => Sign("""{"alg":"HS512","typ":"JWT"}""", Claims(exp, $"{Now}"), "HS512"),
            "lifetime beyond the maximum" => Sign(header, Claims($"{Now + (31 * 86400)}", $"{Now}")),
            _ => throw new ArgumentOutOfRangeException(nameof(problem)),
        };

        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, () => CallWith(token));
    }
}
