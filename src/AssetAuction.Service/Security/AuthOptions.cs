namespace AssetAuction.Service.Security;

/// <summary>The "Auth" configuration section: JWT bearer tokens signed with HMAC-SHA256.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>The key that appsettings.Development.json ships; refused outside Development.</summary>
    public const string DevelopmentSigningKey = "assetauction-local-development-signing-key-not-for-production";

    public string Issuer { get; set; } = "";

    public string Audience { get; set; } = "";

    /// <summary>At least 32 bytes of secret (from a secret store in production).</summary>
    public string SigningKey { get; set; } = "";

    /// <summary>The longest lifetime (exp - iat) a token may have; longer ones are refused.</summary>
    public TimeSpan MaxTokenLifetime { get; set; } = TimeSpan.FromDays(30);

    public bool IsDevelopmentKey => SigningKey == DevelopmentSigningKey;

    /// <summary>What is wrong with these settings, or null when they are usable.</summary>
    public string? Problem(bool isDevelopment)
    {
        if (string.IsNullOrWhiteSpace(Issuer) || string.IsNullOrWhiteSpace(Audience))
        {
            return "Auth:Issuer and Auth:Audience must be set.";
        }

        if (System.Text.Encoding.UTF8.GetByteCount(SigningKey) < 32)
        {
            return "Auth:SigningKey must be at least 32 bytes.";
        }

        if (MaxTokenLifetime <= TimeSpan.Zero || MaxTokenLifetime > TimeSpan.FromDays(3660))
        {
            return "Auth:MaxTokenLifetime must be positive and at most 3660 days.";
        }

        return !isDevelopment && IsDevelopmentKey
            ? "Auth:SigningKey is the public development key; set a real secret outside Development."
            : null;
    }
}
