using System.Runtime.CompilerServices;
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

    // A token remembered by ValidatedTokens comes back as the same object on every call; its verdict depends only on
    // its text and the maximum, so it is judged once (parsing its two JSON documents was 2% of GetAsset's CPU) and
    // the verdict goes when the token does.
    private static readonly ConditionalWeakTable<JsonWebToken, Verdict> Judged = [];

    /// <summary>Why the token is refused, or null when it is well formed.</summary>
    public static string? Problem(JsonWebToken token, TimeSpan maxLifetime)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (Judged.TryGetValue(token, out var known) && known.MaxLifetime == maxLifetime)
        {
            return known.Problem;
        }

        var problem = Judge(token, maxLifetime);
        Judged.AddOrUpdate(token, new Verdict(maxLifetime, problem));
        return problem;
    }

    private static string? Judge(JsonWebToken token, TimeSpan maxLifetime)
    {
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

    private sealed record Verdict(TimeSpan MaxLifetime, string? Problem);
}
