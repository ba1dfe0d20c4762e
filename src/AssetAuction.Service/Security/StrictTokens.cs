using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AssetAuction.Service.Security;

/// <summary>
/// What the JWT library lets through and we do not: time claims written as strings (which it reads leniently),
/// critical header parameters nobody here understands (RFC 7515 §4.1.11 says refuse them), and lifetimes longer
/// than the configured maximum. Checked after the signature, issuer, audience and algorithm are.
/// </summary>
public static class StrictTokens
{
    private static readonly string[] TimeClaims = [JwtRegisteredClaimNames.Exp, JwtRegisteredClaimNames.Nbf, JwtRegisteredClaimNames.Iat];

    /// <summary>Why the token is refused, or null when it is well formed.</summary>
    public static string? Problem(JsonWebToken token, TimeSpan maxLifetime)
    {
        ArgumentNullException.ThrowIfNull(token);
        using var header = JsonDocument.Parse(Base64UrlEncoder.DecodeBytes(token.EncodedHeader));
        if (header.RootElement.TryGetProperty("crit", out _))
        {
            return "The token has critical header parameters (crit) this service does not understand.";
        }

        using var payload = JsonDocument.Parse(Base64UrlEncoder.DecodeBytes(token.EncodedPayload));
        var times = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var claim in TimeClaims)
        {
            if (!payload.RootElement.TryGetProperty(claim, out var value))
            {
                continue;
            }

            if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var seconds))
            {
                return $"The token's '{claim}' must be a number of seconds since 1970 (NumericDate).";
            }

            times[claim] = seconds;
        }

        if (!times.TryGetValue(JwtRegisteredClaimNames.Exp, out var expires))
        {
            return "The token has no 'exp'.";
        }

        if (!times.TryGetValue(JwtRegisteredClaimNames.Iat, out var issued))
        {
            return "The token has no 'iat': its lifetime cannot be checked.";
        }

        return expires - issued > maxLifetime.TotalSeconds
            ? $"The token's lifetime (exp - iat) exceeds the {maxLifetime.TotalDays:0.#} days allowed (Auth:MaxTokenLifetime)."
            : null;
    }
}
