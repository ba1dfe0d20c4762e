using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace AssetAuction.Service.Audit;

/// <summary>
/// The "Audit" section: the key that signs audit checkpoints. It lives in configuration (a secret, or a file
/// mounted from one), never in the database, so whoever can write the database cannot sign a rewritten head.
/// A verifier needs only the public key.
/// </summary>
public sealed class CheckpointOptions
{
    public const string Section = "Audit";

    /// <summary>ECDSA P-256 private key, PEM text or the path of a PEM file; signs checkpoints (and verifies them).</summary>
    public string CheckpointKey { get; set; } = "";

    /// <summary>ECDSA P-256 public key, PEM text or a path; enough to verify checkpoints where the private key must not be.</summary>
    public string CheckpointPublicKey { get; set; } = "";
}

/// <summary>The configured checkpoint keys, loaded once; invalid settings stop the start (see the validation below).</summary>
public sealed class CheckpointKeys : IDisposable
{
    private readonly ECDsa? _signer;
    private readonly ECDsa? _verifier;

    public CheckpointKeys(IOptions<CheckpointOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _signer = Load(options.Value.CheckpointKey, nameof(CheckpointOptions.CheckpointKey), requirePrivate: true);
        _verifier = Load(options.Value.CheckpointPublicKey, nameof(CheckpointOptions.CheckpointPublicKey), requirePrivate: false) ?? _signer;
        if (_signer is not null && _verifier is not null && KeyIdOf(_signer) != KeyIdOf(_verifier))
        {
            throw new InvalidOperationException($"{CheckpointOptions.Section}:{nameof(CheckpointOptions.CheckpointPublicKey)} is not the public half of {CheckpointOptions.Section}:{nameof(CheckpointOptions.CheckpointKey)}.");
        }
    }

    public ECDsa? Signer => _signer;

    public ECDsa? Verifier => _verifier;

    /// <summary>First 16 hex digits of the SHA-256 of the public key, to tell keys apart.</summary>
    public static string KeyIdOf(ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Convert.ToHexStringLower(SHA256.HashData(key.ExportSubjectPublicKeyInfo()))[..16];
    }

    public void Dispose()
    {
        _signer?.Dispose();
        if (!ReferenceEquals(_verifier, _signer))
        {
            _verifier?.Dispose();
        }
    }

    private static ECDsa? Load(string setting, string name, bool requirePrivate)
    {
        if (string.IsNullOrWhiteSpace(setting))
        {
            return null;
        }

        var where = $"{CheckpointOptions.Section}:{name}";
        string pem;
        try
        {
            pem = setting.TrimStart().StartsWith("-----BEGIN", StringComparison.Ordinal) ? setting : File.ReadAllText(setting);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new InvalidOperationException($"{where} is neither PEM text nor a readable PEM file ({e.GetType().Name}).", e);
        }

        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pem);
            if (key.KeySize != 256)
            {
                throw new InvalidOperationException($"{where} must be an ECDSA P-256 key (is {key.KeySize} bits).");
            }

            if (requirePrivate)
            {
                // Exporting the private parameters fails for a public-only key.
                key.ExportParameters(includePrivateParameters: true);
            }

            return key;
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            key.Dispose();
            throw new InvalidOperationException($"{where} is not a valid ECDSA P-256 {(requirePrivate ? "private" : "public")} key in PEM ({e.GetType().Name}).", e);
        }
    }
}

/// <summary>Loads the keys at start-up, so a bad key stops the service then, naming the setting.</summary>
internal sealed class CheckpointOptionsValidation : IValidateOptions<CheckpointOptions>
{
    public ValidateOptionsResult Validate(string? name, CheckpointOptions options)
    {
        try
        {
            using var keys = new CheckpointKeys(Options.Create(options));
            return ValidateOptionsResult.Success;
        }
        catch (InvalidOperationException e)
        {
            return ValidateOptionsResult.Fail(e.Message);
        }
    }
}
